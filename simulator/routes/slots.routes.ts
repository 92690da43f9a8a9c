import { Router } from 'express';
import { parse, slotsQuery } from '../schemas';
import { slotsForDay } from '../slots';
import { terminalOf, type SimContext } from './http.helpers';

/** GET /slots?date=YYYY-MM-DD: the day's gate slots with remaining capacity. */
export function slotsRouter({ state, options }: SimContext): Router {
  const router = Router({ mergeParams: true });
  router.get('/slots', (req, res) => {
    const { date } = parse(slotsQuery, req.query);
    const terminal = terminalOf(res);
    res.json({ terminal, date, slots: slotsForDay(state, options, terminal, date) });
  });
  return router;
}
