import { Router } from 'express';
import { bookingsQuery, faultsRequest, parse, rejectionsRequest } from '../schemas';
import { resetState, SIM_TERMINALS } from '../state';
import type { SimContext } from './http.helpers';

/** Test and demo control under /_admin: inspect bookings, reset, inject faults and rejections. */
export function adminRouter({ state, options, persist }: SimContext): Router {
  const router = Router();

  /** GET /_admin/bookings: every appointment, container return and BL assignment, filterable. */
  router.get('/bookings', (req, res) => {
    const { terminal, kind } = parse(bookingsQuery, req.query);
    const bookings = state.bookings.filter((b) => (!terminal || b.terminal === terminal) && (!kind || b.kind === kind));
    res.json({ count: bookings.length, bookings });
  });

  /** GET /_admin/charges: every proforma and liquidation issued. */
  router.get('/charges', (_req, res) => {
    res.json({ proformas: state.proformas, liquidations: state.liquidations });
  });

  /** POST /_admin/reset: forget everything (records, keys, faults, rejections) and reseed. */
  router.post('/reset', (_req, res) => {
    resetState(state, options.seed);
    persist();
    res.json({ ok: true });
  });

  /** GET /_admin/faults: current fault settings per terminal. */
  router.get('/faults', (_req, res) => {
    res.json({ faults: state.faults });
  });

  /** POST /_admin/faults: replace the fault settings of one terminal (or both); `{}` heals. */
  router.post('/faults', (req, res) => {
    const { terminal, ...faults } = parse(faultsRequest, req.body);
    for (const t of terminal ? [terminal] : SIM_TERMINALS) state.faults[t] = structuredClone(faults);
    res.json({ faults: state.faults });
  });

  /** POST /_admin/rejections: reject the next `count` new bookings with a business code. */
  router.post('/rejections', (req, res) => {
    const { count, ...rule } = parse(rejectionsRequest, req.body);
    state.rejections.push({ ...rule, remaining: count });
    res.status(201).json({ rejections: state.rejections });
  });

  return router;
}
