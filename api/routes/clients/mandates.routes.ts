/**
 * A client's electronic mandates (poder) to the broker (seed 2.1.13): record a granted or renewed mandate, list
 * them. Recording one (re)plans its expiry reminders to the client's titular executive: the per-client workflow
 * `mandate-expiry-<RUC>` is signalled, or started when none runs.
 */
import { createPrismaMandateStore } from '../../../activities/mandates';
import { mandateExpiryWorkflowId } from '../../../domain/ids';
import { limaDayStart, MANDATE_REMINDER_DAYS, mandateProblems, mandateReminders } from '../../../domain/mandates';
import { mandateRenewed, type MandateExpiryInput } from '../../../workflows/mandates/mandate.messages';
import type { ApiDeps } from '../../deps';
import { ApiError } from '../../errors';
import { OPERATORS } from '../../principal';
import type { RouteRegistry } from '../../routing';
import { clientParams } from '../../schemas/client.schemas';
import { postMandateBody } from '../../schemas/mandate.schemas';

export function registerMandateRoutes(r: RouteRegistry, deps: ApiDeps): void {
  const store = createPrismaMandateStore(deps.prisma);

  r.add({
    method: 'post',
    path: '/clients/:ruc/mandates',
    tag: 'Clientes',
    summary: 'Registrar el mandato electrónico (poder) otorgado o renovado por el cliente; programa sus recordatorios de vencimiento',
    roles: OPERATORS,
    params: clientParams,
    body: postMandateBody,
    responses: {
      201: { description: 'El mandato registrado, el vigente y los recordatorios programados (30 y 7 días antes, al ejecutivo titular)' },
      422: { description: 'Fechas que incumplen las reglas del mandato (motivo en español)' },
    },
    audit: ({ params }) => ({ action: 'client.mandate', target: params.ruc }),
    async handler({ params, body, principal }) {
      const grantedAt = limaDayStart(body.grantedAt);
      const expiresAt = limaDayStart(body.expiresAt);
      const problems = mandateProblems(grantedAt, expiresAt, new Date().toISOString());
      if (problems.length) throw new ApiError(422, 'invalid_input', problems.join(' '));
      const { grant, current } = await store.record({ clientRuc: params.ruc, grantedAt, expiresAt, reference: body.reference, recordedBy: principal.name });
      const input: MandateExpiryInput = { clientRuc: params.ruc, expiresAt: current.expiresAt, reminderDays: [...MANDATE_REMINDER_DAYS] };
      // Signal-with-start: a running reminder workflow re-plans for the new expiry; none running → one starts.
      await deps.temporal.workflow.signalWithStart('mandateExpiryWorkflow', {
        taskQueue: deps.taskQueue,
        workflowId: mandateExpiryWorkflowId(params.ruc),
        args: [input],
        signal: mandateRenewed,
        signalArgs: [{ expiresAt: current.expiresAt }],
        staticSummary: `Mandato electrónico · RUC ${params.ruc} · vence ${body.expiresAt}`,
      });
      const reminders = mandateReminders(current.expiresAt).map(({ daysBefore, dueAt }) => ({ daysBefore, dueAt }));
      return { status: 201, body: { mandate: grant, current, reminders } };
    },
  });

  r.add({
    method: 'get',
    path: '/clients/:ruc/mandates',
    tag: 'Clientes',
    summary: 'Listar los mandatos electrónicos registrados del cliente (el vigente y los anteriores)',
    roles: OPERATORS,
    params: clientParams,
    responses: { 200: { description: 'items (el más reciente primero) y el mandato vigente (null si no hay)' } },
    async handler({ params }) {
      const [items, current] = await Promise.all([store.list(params.ruc), store.current(params.ruc)]);
      return { body: { items, current } };
    },
  });
}
