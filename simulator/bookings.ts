/** Booking rules: appointments, container returns and BL assignments. Pure functions over the state. */
import { rejections } from './errors';
import { idempotent, type Outcome } from './idempotency';
import type { ResolvedOptions } from './options';
import type { AppointmentRequest, BlAssignmentRequest, ContainerReturnRequest } from './schemas';
import { pickSlot } from './slots';
import {
  nextId,
  type AppointmentBooking,
  type BlAssignmentBooking,
  type Booking,
  type BookingKind,
  type ContainerReturnBooking,
  type SimTerminal,
  type SimulatorState,
} from './state';

/** Documented rule: every BL is known to the terminal unless it starts with "UNKNOWN". */
export function isKnownBl(bl: string): boolean {
  return !bl.toUpperCase().startsWith('UNKNOWN');
}

/** Throws the first pending injected rejection matching this booking (see POST /_admin/rejections). */
function consumeInjectedRejection(state: SimulatorState, terminal: SimTerminal, kind: BookingKind, bl: string): void {
  const rule = state.rejections.find(
    (r) => r.remaining > 0 && (!r.terminal || r.terminal === terminal) && (!r.kind || r.kind === kind),
  );
  if (!rule) return;
  rule.remaining -= 1;
  state.rejections = state.rejections.filter((r) => r.remaining > 0);
  throw rule.code === 'NO_SLOT' ? rejections.noSlot('en el terminal') : rejections.blNotFound(bl);
}

function lookup<K extends BookingKind>(state: SimulatorState, kind: K) {
  return (id: string) => state.bookings.find((b): b is Extract<Booking, { kind: K }> => b.kind === kind && b.id === id);
}

interface Ctx {
  state: SimulatorState;
  options: ResolvedOptions;
  terminal: SimTerminal;
  key: string;
}

/** Books a withdrawal appointment (cita) in the requested slot or the first free one of the day. */
export function bookAppointment(ctx: Ctx, req: AppointmentRequest): Outcome<AppointmentBooking> {
  const { state, options, terminal, key } = ctx;
  return idempotent(state, { terminal, kind: 'appointment', key }, req, lookup(state, 'appointment'), () => {
    consumeInjectedRejection(state, terminal, 'appointment', req.bl);
    if (!isKnownBl(req.bl)) throw rejections.blNotFound(req.bl);
    const slot = pickSlot(state, options, terminal, req.date, req.slotId);
    const booking: AppointmentBooking = {
      kind: 'appointment',
      id: nextId(state, terminal, 'APT'),
      terminal,
      bl: req.bl,
      containerNumbers: req.containerNumbers,
      ...slot,
      idempotencyKey: key,
      createdAt: options.now().toISOString(),
    };
    state.bookings.push(booking);
    return booking;
  });
}

/** Books a gate slot to return an empty container. */
export function bookContainerReturn(ctx: Ctx, req: ContainerReturnRequest): Outcome<ContainerReturnBooking> {
  const { state, options, terminal, key } = ctx;
  return idempotent(state, { terminal, kind: 'container-return', key }, req, lookup(state, 'container-return'), () => {
    consumeInjectedRejection(state, terminal, 'container-return', req.bl);
    if (!isKnownBl(req.bl)) throw rejections.blNotFound(req.bl);
    const slot = pickSlot(state, options, terminal, req.date, req.slotId);
    const booking: ContainerReturnBooking = {
      kind: 'container-return',
      id: nextId(state, terminal, 'RET'),
      terminal,
      bl: req.bl,
      containerNumber: req.containerNumber,
      ...slot,
      idempotencyKey: key,
      createdAt: options.now().toISOString(),
    };
    state.bookings.push(booking);
    return booking;
  });
}

/** Assigns a BL to a carrier; a BL already assigned to another carrier is BL_ALREADY_ASSIGNED (409). */
export function assignBl(ctx: Ctx, req: BlAssignmentRequest): Outcome<BlAssignmentBooking> {
  const { state, options, terminal, key } = ctx;
  return idempotent(state, { terminal, kind: 'bl-assignment', key }, req, lookup(state, 'bl-assignment'), () => {
    consumeInjectedRejection(state, terminal, 'bl-assignment', req.bl);
    if (!isKnownBl(req.bl)) throw rejections.blNotFound(req.bl);
    const existing = state.bookings.find((b) => b.kind === 'bl-assignment' && b.terminal === terminal && b.bl === req.bl);
    if (existing && existing.kind === 'bl-assignment') throw rejections.blAlreadyAssigned(req.bl, existing.carrierRuc);
    const booking: BlAssignmentBooking = {
      kind: 'bl-assignment',
      id: nextId(state, terminal, 'ASG'),
      terminal,
      bl: req.bl,
      carrierRuc: req.carrierRuc,
      carrierName: req.carrierName,
      idempotencyKey: key,
      createdAt: options.now().toISOString(),
    };
    state.bookings.push(booking);
    return booking;
  });
}
