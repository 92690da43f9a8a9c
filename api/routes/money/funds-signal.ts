/**
 * Tells dispatch workflows that the client's funds changed (a deposit, a new credit), so a third-party payment
 * waiting for funds is asked again by the workflow itself (money-clocks-2026-12). Best effort: the deposit or the
 * credit is saved whatever happens here; a dispatch that is closed or gone is skipped.
 */
import { fundsChanged } from '../../../workflows/dispatch.messages';
import { dispatchWorkflowId } from '../../../domain/ids';
import type { ApiDeps } from '../../deps';

export async function signalFundsChanged(deps: ApiDeps, dispatchIds: readonly string[]): Promise<void> {
  for (const id of dispatchIds) {
    try {
      await deps.temporal.workflow.getHandle(dispatchWorkflowId(id)).signal(fundsChanged);
    } catch (err) {
      deps.logger?.warn('funds signal not delivered', { dispatchId: id, error: err instanceof Error ? err.message : String(err) });
    }
  }
}
