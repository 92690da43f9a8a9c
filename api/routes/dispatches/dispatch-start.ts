/**
 * Opening a dispatch: the business id becomes the workflow id (domain/ids.ts), so a second start with the same id
 * is refused by Temporal itself (REJECT_DUPLICATE also covers closed dispatches). The client's agreement is read
 * from the directory and passed as workflow input; Temporal Web shows a Spanish summary and the key facts.
 */
import { WorkflowExecutionAlreadyStartedError, type Client } from '@temporalio/client';
import { REGIME_LABEL_ES, type DispatchInput } from '../../../domain/dispatch';
import type { DispatchPolicy } from '../../../domain/clocks';
import type { DocumentKind } from '../../../domain/documents';
import { dispatchWorkflowId } from '../../../domain/ids';
import { DEFAULT_TARIFFS, withStorageFreeDays } from '../../../domain/money/tariffs';
import type { ExtraServiceTerms } from '../../../domain/money/extra-services';
import { ACTIONS } from '../../schemas/action.schemas';
import type { ClientAgreement, DispatchWorkflowInput } from '../../../workflows/dispatch.messages';
import type { ClientRecord } from '../../../activities/records';

/**
 * The agreement a new dispatch runs under. The cost clocks' tariffs travel as data (money-clocks-2026-12): the
 * defaults (domain/money/tariffs.ts) with the client's agreed storage free days per terminal; the detention free days
 * are the BL's when negotiated on it, else the client's, else the shipping line's.
 */
export function agreementOf(client: ClientRecord | null, dispatch: Pick<DispatchInput, 'shippingLine' | 'detentionFreeDays'> = {}): ClientAgreement {
  const detentionFreeDays = dispatch.detentionFreeDays ?? client?.costFreeDays?.detention;
  const terms = {
    costTariffs: withStorageFreeDays(DEFAULT_TARIFFS, client?.costFreeDays?.storage),
    ...(dispatch.shippingLine ? { shippingLine: dispatch.shippingLine } : {}),
    ...(detentionFreeDays !== undefined ? { detentionFreeDays } : {}),
  };
  if (!client) return terms;
  return {
    policyOverrides: client.deadlineOverrides as Partial<DispatchPolicy>,
    extraDocuments: client.extraRequiredDocuments as DocumentKind[],
    ...terms,
    ...(client.extraServices ? { extraServices: extraServiceTerms(client.extraServices) } : {}),
  };
}

/** The client's 10110 terms for the workflow: the scope as workflow action (update) names. */
function extraServiceTerms(x: NonNullable<ClientRecord['extraServices']>): ExtraServiceTerms {
  const scope = x.scope?.map((name) => ACTIONS.find((a) => a.name === name)?.update.name ?? name);
  return { outOfHoursAmountPen: x.outOfHoursAmountPen, outOfScopeAmountPen: x.outOfScopeAmountPen, ...(scope ? { scope } : {}) };
}

export function staticSummary(d: DispatchInput): string {
  return `${d.dispatchId} · RUC ${d.client.ruc} · régimen ${d.regime} · ${d.terminal}`;
}

export function staticDetails(d: DispatchInput, openedAt: string): string {
  return [
    `**Despacho ${d.dispatchId}** (${REGIME_LABEL_ES[d.regime]}, ${d.modality})`,
    '',
    `- Cliente: ${d.client.name} (RUC ${d.client.ruc})`,
    `- Terminal: ${d.terminal} · Nave: ${d.vessel} · ETA: ${d.eta}`,
    `- BL: ${d.bl} · Contenedores: ${d.containers.map((c) => `${c.containerNumber} (${c.size}')`).join(', ') || 'ninguno'}`,
    `- Mercancía: ${d.goods}${d.restrictedGoods ? ' (restringida: requiere SENASA)' : ''}`,
    ...(d.reexport ? [`- Reexporta: DAM ${d.reexport.parentDamNumber} (régimen ${d.reexport.parentRegime}${d.reexport.parentDispatchId ? `, despacho ${d.reexport.parentDispatchId}` : ''}), vence ${d.reexport.parentExpiresAt ?? '—'}`] : []),
    ...(d.reshipment ? [`- Reembarca: manifiesto ${d.reshipment.arrivalManifest}, BL de llegada ${d.reshipment.arrivalBl}`] : []),
    `- Ejecutivo: ${d.executive.id}`,
    `- Abierto por ${d.openedBy} el ${openedAt}`,
  ].join('\n');
}

export interface StartedDispatch {
  workflowId: string;
  runId: string;
  /** False when an identical retried request found the dispatch it had already opened. */
  created: boolean;
}

/**
 * Starts the dispatch workflow. With an Idempotency-Key, a retry of the same request (same key in the memo)
 * answers as the first one did instead of 409.
 */
export async function startDispatchWorkflow(
  temporal: Client,
  taskQueue: string,
  dispatch: DispatchInput,
  agreement: ClientAgreement | undefined,
  idempotencyKey?: string,
): Promise<StartedDispatch> {
  const workflowId = dispatchWorkflowId(dispatch.dispatchId);
  const openedAt = new Date().toISOString();
  const input: DispatchWorkflowInput = { dispatch, openedAt, agreement };
  try {
    const handle = await temporal.workflow.start('dispatchWorkflow', {
      taskQueue,
      workflowId,
      args: [input],
      workflowIdReusePolicy: 'REJECT_DUPLICATE',
      memo: idempotencyKey ? { apiIdempotencyKey: idempotencyKey } : undefined,
      staticSummary: staticSummary(dispatch),
      staticDetails: staticDetails(dispatch, openedAt),
    });
    return { workflowId, runId: handle.firstExecutionRunId, created: true };
  } catch (err) {
    if (!(err instanceof WorkflowExecutionAlreadyStartedError) || !idempotencyKey) throw err;
    const described = await temporal.workflow.getHandle(workflowId).describe();
    if (described.memo?.apiIdempotencyKey !== idempotencyKey) throw err;
    return { workflowId, runId: described.runId, created: false };
  }
}
