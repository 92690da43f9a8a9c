import { Router } from 'express';
import { SimulatorError } from '../errors';
import { faultMiddleware } from '../faults';
import { SIM_TERMINALS } from '../state';
import { bookingsRouter } from './bookings.routes';
import { chargesRouter } from './charges.routes';
import type { SimContext } from './http.helpers';
import { slotsRouter } from './slots.routes';

/** Everything under /terminals/:terminal: terminal check, fault injection, then the business routes. */
export function terminalsRouter(ctx: SimContext): Router {
  const router = Router({ mergeParams: true });
  router.use((req, res, next) => {
    const terminal = (req.params as Record<string, string | undefined>).terminal ?? '';
    if (!(SIM_TERMINALS as readonly string[]).includes(terminal)) {
      throw new SimulatorError(404, 'UNKNOWN_TERMINAL', `Unknown terminal "${terminal}"; expected one of ${SIM_TERMINALS.join(', ')}`);
    }
    res.locals.terminal = terminal;
    next();
  });
  router.use(faultMiddleware(ctx.state, ctx.options));
  router.use(slotsRouter(ctx), bookingsRouter(ctx), chargesRouter(ctx));
  return router;
}
