import { Router } from 'express';
import { assignBl, bookAppointment, bookContainerReturn } from '../bookings';
import { appointmentRequest, blAssignmentRequest, containerReturnRequest, parse } from '../schemas';
import { idempotencyKey, reply, terminalOf, type SimContext } from './http.helpers';

/** Booking routes; each requires Idempotency-Key and answers 201 (new) or 200 (replay). */
export function bookingsRouter(ctx: SimContext): Router {
  const { state, options } = ctx;
  const router = Router({ mergeParams: true });

  /** POST /appointments: book a withdrawal appointment (cita). */
  router.post('/appointments', (req, res) => {
    const key = idempotencyKey(req, true);
    const body = parse(appointmentRequest, req.body);
    reply(ctx, res, 'appointment', bookAppointment({ state, options, terminal: terminalOf(res), key }, body));
  });

  /** POST /container-returns: book a gate slot to return an empty container. */
  router.post('/container-returns', (req, res) => {
    const key = idempotencyKey(req, true);
    const body = parse(containerReturnRequest, req.body);
    reply(ctx, res, 'containerReturn', bookContainerReturn({ state, options, terminal: terminalOf(res), key }, body));
  });

  /** POST /bl-assignments: assign a BL to the carrier that will withdraw it. */
  router.post('/bl-assignments', (req, res) => {
    const key = idempotencyKey(req, true);
    const body = parse(blAssignmentRequest, req.body);
    reply(ctx, res, 'assignment', assignBl({ state, options, terminal: terminalOf(res), key }, body));
  });

  return router;
}
