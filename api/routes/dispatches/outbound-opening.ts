/**
 * Opening an outbound dispatch (lifecycle feature outbound-regimes-2026-12, domain/exports/outbound-regimes.ts):
 * a re-export that names a parent Levante dispatch takes the parent regime's expiry from the parent's read model
 * (its levante in the status history plus the regime's term); otherwise the operator states it. Whatever is still
 * missing or inconsistent is refused with 422 and a Spanish reason before any workflow starts.
 */
import { regimeExpiryAt, resolvePolicy, type DispatchPolicy } from '../../../domain/clocks';
import type { DispatchInput } from '../../../domain/dispatch';
import { outboundOpeningProblem, parentImportProblem, type ParentImport } from '../../../domain/exports/outbound-regimes';
import type { ApiDeps } from '../../deps';
import { ApiError } from '../../errors';

type Opening = Omit<DispatchInput, 'openedBy'>;
const refuse = (message: string) => new ApiError(422, 'invalid_outbound_regime', message);

/** The body with a Levante parent's expiry filled in; throws 422 when the outbound data are missing or inconsistent. */
export async function resolveOutboundOpening<T extends Opening>(body: T, deps: Pick<ApiDeps, 'store'>): Promise<T> {
  const filled = body.reexport?.parentDispatchId ? { ...body, reexport: { ...body.reexport, parentExpiresAt: await parentExpiry(body, deps) } } : body;
  const problem = outboundOpeningProblem(filled);
  if (problem) throw refuse(problem);
  return filled;
}

async function parentExpiry(body: Opening, deps: Pick<ApiDeps, 'store'>): Promise<string> {
  const id = body.reexport!.parentDispatchId!;
  const row = await deps.store.get(id);
  const levanteAt = row ? (await deps.store.history(id)).find((change) => change.status === 'released')?.at : undefined;
  const parent: ParentImport | null = row && { dispatchId: id, regime: row.regime, clientRuc: row.clientRuc, damNumber: row.damNumber ?? null, ...(levanteAt ? { levanteAt } : {}) };
  const early = parentImportProblem(body, parent);
  if (early) throw refuse(early);
  const client = await deps.store.getClient(parent!.clientRuc);
  const expiresAt = regimeExpiryAt(levanteAt!, parent!.regime as '20' | '70', resolvePolicy((client?.deadlineOverrides ?? {}) as Partial<DispatchPolicy>))!;
  const mismatch = parentImportProblem(body, parent, expiresAt);
  if (mismatch) throw refuse(mismatch);
  return expiresAt;
}
