/**
 * Running an operator action on a dispatch, shared by the API's action routes and the control board: the
 * workflow's Update with the caller as actor, bounded in time (its result, or "still running" with the Update id
 * to read it later), and the DAM-number uniqueness check the read model can answer before the workflow does.
 */
import { randomUUID } from 'node:crypto';
import { WorkflowNotFoundError, WorkflowUpdateRPCTimeoutOrCancelledError, WorkflowUpdateStage } from '@temporalio/client';
import { dispatchWorkflowId } from '../domain/ids';
import type { ApiDeps } from './deps';
import { ApiError, RETRY_AFTER_SECONDS } from './errors';
import type { ActionSpec } from './schemas/action.schemas';

/** Waiting for the workflow to accept an action (validator run): past this the worker is down or saturated. */
const ACCEPT_WITHIN_MS = 5_000;

const notAcceptedInTime = () =>
  new ApiError(503, 'service_unavailable', 'El despacho no aceptó la acción a tiempo (el worker está ocupado o detenido). Reintente en unos segundos con la misma Idempotency-Key: no se ejecutará dos veces.', undefined, {
    'Retry-After': String(RETRY_AFTER_SECONDS),
  });

export type Outcome = { done: true; view: unknown } | { done: false; updateId: string };

/**
 * Runs the action's Update and waits for its outcome at most `answerWithinMs`: an action whose side effect is
 * slow (a terminal answering late, retries under way) answers 202 and goes on in its workflow. The Update id is
 * derived from the Idempotency-Key (one is made up without it), so the outcome can be read back later.
 */
export async function act(deps: ApiDeps, action: ActionSpec, dispatchId: string, args: Record<string, unknown>, key?: string): Promise<Outcome> {
  const handle = deps.temporal.workflow.getHandle(dispatchWorkflowId(dispatchId));
  // Update ids are per workflow; the action name keeps one key from answering for a different action.
  const updateId = `${action.name}:${key ?? randomUUID()}`;
  const started = Date.now();
  try {
    const update = await deps.temporal
      .withDeadline(started + ACCEPT_WITHIN_MS, () =>
        handle.startUpdate(action.update, { args: [{ ...args, requestId: updateId }], updateId, waitForStage: WorkflowUpdateStage.ACCEPTED }),
      )
      .catch((err: unknown) => {
        // Not even accepted in time: the worker is saturated or stopped (Temporal itself answered). Safe to retry.
        if (err instanceof WorkflowUpdateRPCTimeoutOrCancelledError) throw notAcceptedInTime();
        throw err;
      });
    const answerBy = started + (deps.actionAnswerWithinMs ?? 8_000);
    try {
      return { done: true, view: await deps.temporal.withDeadline(answerBy, () => update.result()) };
    } catch (err) {
      if (err instanceof WorkflowUpdateRPCTimeoutOrCancelledError) return { done: false, updateId };
      throw err;
    }
  } catch (err) {
    if (!(err instanceof WorkflowNotFoundError)) throw err;
    // The workflow is gone but the read model remembers the dispatch: it finished its flow.
    if (await deps.store.get(dispatchId)) {
      throw new ApiError(409, 'dispatch_finished', 'El despacho ya concluyó su flujo en Temporal: no admite más acciones.');
    }
    throw new ApiError(404, 'dispatch_not_found', 'No existe un despacho con ese código.');
  }
}

/**
 * A DAM number belongs to one dispatch (the read model keeps it unique): a second dispatch claiming it is an
 * operator's typo, refused here in Spanish before the workflow records it.
 */
export async function assertDamNumberFree(deps: ApiDeps, damNumber: string, dispatchId: string): Promise<void> {
  const owner = await deps.prisma.dispatch.findFirst({ where: { damNumber, NOT: { id: dispatchId } }, select: { id: true } });
  if (owner) {
    throw new ApiError(409, 'dam_number_in_use', `El número de DAM ${damNumber} ya está registrado en el despacho ${owner.id}. Revise el número.`);
  }
}

export const outcomePath = (dispatchId: string, updateId: string) => `/dispatches/${encodeURIComponent(dispatchId)}/actions/outcomes/${encodeURIComponent(updateId)}`;
