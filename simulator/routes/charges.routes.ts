import { Router } from 'express';
import { issueLiquidation, issueProforma } from '../charges';
import { liquidationRequest, parse, proformaRequest } from '../schemas';
import { idempotencyKey, reply, terminalOf, type SimContext } from './http.helpers';

/** Proforma and liquidation routes; Idempotency-Key is optional here and honoured when sent. */
export function chargesRouter(ctx: SimContext): Router {
  const { state, options } = ctx;
  const router = Router({ mergeParams: true });

  /** POST /proformas: quote the charges of a BL's containers. */
  router.post('/proformas', (req, res) => {
    const key = idempotencyKey(req, false);
    const body = parse(proformaRequest, req.body);
    reply(ctx, res, 'proforma', issueProforma({ state, options, terminal: terminalOf(res), key }, body));
  });

  /** POST /liquidations: settle the charges of a BL (optionally against a proforma). */
  router.post('/liquidations', (req, res) => {
    const key = idempotencyKey(req, false);
    const body = parse(liquidationRequest, req.body);
    reply(ctx, res, 'liquidation', issueLiquidation({ state, options, terminal: terminalOf(res), key }, body));
  });

  return router;
}
