/**
 * One route per operator action: `POST /dispatches/:id/actions/<action>` runs the workflow's Update with the
 * caller as actor. The Update's validator answers first: a refused action never reaches workflow history and
 * comes back as 409/422 with the validator's Spanish reason. `Idempotency-Key` becomes the Update id (and the
 * action's requestId, which the workflow remembers across continue-as-new), so a retried request returns the
 * first result instead of acting twice. An action answers within seconds: its result, or 202 with where to read it.
 */
import { isGrpcServiceError, WorkflowNotFoundError, WorkflowUpdateRPCTimeoutOrCancelledError } from '@temporalio/client';
import { dispatchWorkflowId } from '../../../domain/ids';
import type { ApiDeps } from '../../deps';
import { act, assertDamNumberFree, outcomePath } from '../../dispatch-actions';
import { ApiError } from '../../errors';
import { OPERATORS } from '../../principal';
import type { RouteRegistry } from '../../routing';
import { ACTIONS, idempotencyKey } from '../../schemas/action.schemas';
import { dispatchParams, outcomeParams } from '../../schemas/dispatch.schemas';

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
        202: { description: 'La acción sigue en curso (p. ej. el terminal aún no responde): su resultado se lee en `outcome` (Location)' },
        404: { description: 'Despacho desconocido' },
        409: { description: 'El estado actual del despacho no permite la acción (motivo en español)' },
        422: { description: 'Datos que incumplen una regla del negocio, o rechazo del terminal (motivo en español)' },
      },
      audit: ({ params }) => ({ action: `dispatch.${action.name}`, target: params.id }),
      async handler({ params, body, principal, header }) {
        if ('damNumber' in body && typeof body.damNumber === 'string') await assertDamNumberFree(deps, body.damNumber, params.id);
        const outcome = await act(deps, action, params.id, { ...body, actor: principal.name }, header('Idempotency-Key'));
        if (outcome.done) return { body: { dispatch: outcome.view } };
        const location = outcomePath(params.id, outcome.updateId);
        return {
          status: 202,
          headers: { Location: location },
          body: { status: 'en_curso', updateId: outcome.updateId, outcome: location, message: 'La acción sigue en curso; consulte su resultado en `outcome`.' },
        };
      },
    });
  }

  r.add({
    method: 'get',
    path: '/dispatches/:id/actions/outcomes/:updateId',
    tag: 'Acciones del despacho',
    summary: 'Resultado de una acción que respondió 202 (en curso)',
    roles: OPERATORS,
    params: outcomeParams,
    responses: {
      200: { description: 'La acción terminó: estado del despacho después de ella' },
      202: { description: 'La acción sigue en curso' },
      404: { description: 'Despacho o acción desconocidos' },
      409: { description: 'La acción fue rechazada (motivo en español)' },
      422: { description: 'La acción fue rechazada (motivo en español)' },
    },
    async handler({ params }) {
      const handle = deps.temporal.workflow.getHandle(dispatchWorkflowId(params.id));
      try {
        const view = await deps.temporal.withDeadline(Date.now() + OUTCOME_POLL_MS, () => handle.getUpdateHandle(params.updateId).result());
        return { body: { dispatch: view } };
      } catch (err) {
        if (err instanceof WorkflowUpdateRPCTimeoutOrCancelledError) {
          return { status: 202, body: { status: 'en_curso', updateId: params.updateId, outcome: outcomePath(params.id, params.updateId) } };
        }
        if (err instanceof WorkflowNotFoundError || (isGrpcServiceError(err) && err.code === GRPC_NOT_FOUND)) {
          throw new ApiError(404, 'action_not_found', 'No se encontró esa acción en el despacho (el código de la acción o del despacho no existe).');
        }
        throw err;
      }
    },
  });
}

/** gRPC status NOT_FOUND: the server knows no Update with that id in this workflow. */
const GRPC_NOT_FOUND = 5;

/** A read of an action's outcome waits this long for it before answering "still running". */
const OUTCOME_POLL_MS = 2_000;
