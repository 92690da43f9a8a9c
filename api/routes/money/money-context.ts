/** What the money routes share: the dispatch of a route (from the read model), Lima's date, and a PDF answer. */
import type { Request } from 'express';
import type { ApiDeps } from '../../deps';
import { ApiError } from '../../errors';
import type { Principal } from '../../principal';
import type { RouteResult } from '../../routing';
import type { Terminal } from '../../../domain/dispatch';

const notFound = () => new ApiError(404, 'dispatch_not_found', 'No existe un despacho con ese código.');

/** The dispatch's read model row (404 when unknown; a client key sees only its own RUC's). */
export async function dispatchOf(deps: ApiDeps, id: string, principal: Principal): Promise<{ id: string; clientRuc: string; terminal: Terminal }> {
  const record = await deps.store.get(id);
  if (!record) throw notFound();
  if (principal.role === 'client' && principal.clientRuc !== record.clientRuc) throw notFound();
  return { id: record.dispatchId, clientRuc: record.clientRuc, terminal: record.terminal };
}

/** Today's date in Lima (UTC−5, no daylight saving). */
export function limaToday(now = Date.now()): string {
  return new Date(now - 5 * 3_600_000).toISOString().slice(0, 10);
}

/**
 * Answers with PDF bytes. The route registry answers every route with `res.json(body)`; for this one response
 * that call sends the bytes instead (the registry has no binary result yet: docs/money.md, "What remains").
 */
export function pdfResult(req: Request, pdf: Buffer, filename: string): RouteResult {
  const res = req.res!;
  res.json = (() => res.send(pdf)) as typeof res.json;
  return { body: null, headers: { 'Content-Type': 'application/pdf', 'Content-Disposition': `inline; filename="${filename}"` } };
}
