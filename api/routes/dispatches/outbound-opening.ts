/**
 * Opening an outbound dispatch (lifecycle feature outbound-regimes-2026-12, domain/exports/outbound-regimes.ts):
 * a re-export that names a parent Levante dispatch takes the parent regime's expiry from the parent's read model
 * (its levante in the status history plus the regime's term); otherwise the operator states it. Whatever is still
 * missing or inconsistent is refused with 422 and a Spanish reason before any workflow starts.
 */
import { regimeExpiryAt, resolvePolicy, type DispatchPolicy } from '../../../domain/clocks';
import type { DispatchInput } from '../../../domain/dispatch';
import { outboundOpeningProblem } from '../../../domain/exports/outbound-regimes';
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
  const p = body.reexport!;
  const id = p.parentDispatchId!;
  const action = 'No se puede abrir la reexportación';
  const parent = await deps.store.get(id);
  if (!parent) throw refuse(`${action}: no existe el despacho precedente ${id}. Verifique el código, o indique la DAM y la fecha de vencimiento del régimen sin el código de despacho.`);
  if (parent.regime !== '20' && parent.regime !== '70') throw refuse(`${action}: el despacho ${id} es del régimen ${parent.regime}; solo se reexporta una admisión temporal (20) o un depósito aduanero (70).`);
  if (parent.regime !== p.parentRegime) throw refuse(`${action}: el despacho ${id} es del régimen ${parent.regime}, no del ${p.parentRegime} indicado.`);
  if (parent.clientRuc !== body.client.ruc) throw refuse(`${action}: el despacho ${id} es de otro cliente (RUC ${parent.clientRuc}).`);
  if (parent.damNumber && parent.damNumber !== p.parentDamNumber.trim()) throw refuse(`${action}: la DAM del despacho ${id} es ${parent.damNumber}, no ${p.parentDamNumber}.`);
  const levante = (await deps.store.history(id)).find((change) => change.status === 'released');
  if (!levante) throw refuse(`${action}: el despacho ${id} aún no tiene levante, y el plazo de su régimen se cuenta desde el levante.`);
  const client = await deps.store.getClient(parent.clientRuc);
  const expiresAt = regimeExpiryAt(levante.at, parent.regime, resolvePolicy((client?.deadlineOverrides ?? {}) as Partial<DispatchPolicy>))!;
  if (p.parentExpiresAt && Date.parse(p.parentExpiresAt) !== Date.parse(expiresAt)) {
    throw refuse(`${action}: el régimen ${parent.regime} del despacho ${id} vence el ${expiresAt} según su levante; la fecha indicada (${p.parentExpiresAt}) no coincide. Omítala o corríjala.`);
  }
  return expiresAt;
}
