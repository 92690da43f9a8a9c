/**
 * One route per operator action: `POST /dispatches/:id/actions/<action>` runs the workflow's Update with the
 * caller as actor. The Update's validator answers first: a refused action never reaches workflow history and
 * comes back as 409/422 with the validator's Spanish reason. `Idempotency-Key` becomes the Update id, so a
 * retried request returns the first result instead of acting twice.
 */
import { WorkflowNotFoundError } from '@temporalio/client';
import { dispatchWorkflowId } from '../../domain/ids';
import type { ApiDeps } from '../deps';
import { ApiError } from '../errors';
import { OPERATORS } from '../principal';
import type { RouteRegistry } from '../routing';
import { ACTIONS, idempotencyKey, type ActionSpec } from '../schemas/action.schemas';
import { dispatchParams } from '../schemas/dispatch.schemas';

async function act(deps: ApiDeps, action: ActionSpec, dispatchId: string, args: Record<string, unknown>, key?: string) {
  const handle = deps.temporal.workflow.getHandle(dispatchWorkflowId(dispatchId));
  try {
    // Update ids are per workflow; the action name keeps one key from answering for a different action.
    return await handle.executeUpdate(action.update, { args: [args], updateId: key ? `${action.name}:${key}` : undefined });
  } catch (err) {
    if (!(err instanceof WorkflowNotFoundError)) throw err;
    // The workflow is gone but the read model remembers the dispatch: it finished its flow.
    if (await deps.store.get(dispatchId)) {
      throw new ApiError(409, 'dispatch_finished', 'El despacho ya concluyó su flujo en Temporal: no admite más acciones.');
    }
    throw new ApiError(404, 'dispatch_not_found', 'No existe un despacho con ese código.');
  }
}

export function registerDispatchActionRoutes(r: RouteRegistry, deps: ApiDeps): void {
  for (const action of ACTIONS) {
    r.add({
      method: 'post',
      path: `/dispatches/:id/actions/${action.name}`,
      tag: 'Acciones del despacho',
      summary: action.summary,
      roles: OPERATORS,
      params: dispatchParams,
      body: action.body,
      headers: [{ name: 'Idempotency-Key', schema: idempotencyKey, description: 'Un reintento con la misma clave no vuelve a ejecutar la acción.' }],
      responses: {
        200: { description: 'Estado del despacho después de la acción' },
        404: { description: 'Despacho desconocido' },
        409: { description: 'El estado actual del despacho no permite la acción (motivo en español)' },
        422: { description: 'Datos que incumplen una regla del negocio, o rechazo del terminal (motivo en español)' },
      },
      audit: ({ params }) => ({ action: `dispatch.${action.name}`, target: params.id }),
      async handler({ params, body, principal, header }) {
        const view = await act(deps, action, params.id, { ...body, actor: principal.name }, header('Idempotency-Key'));
        return { body: { dispatch: view } };
      },
    });
  }
}
