/**
 * Quality control of the partners: non-conformities and their corrective actions (opened by hand for a complaint,
 * or automatically by a breached service time), and the annual evaluation (run on demand here; yearly by the
 * Schedule in schedules/partner-evaluation.ts).
 */
import { randomUUID } from 'node:crypto';
import { WorkflowExecutionAlreadyStartedError, WorkflowNotFoundError } from '@temporalio/client';
import { correctiveActionWorkflowId, partnerEvaluationId, partnerEvaluationWorkflowId } from '../../../domain/partners/ids';
import type { PartnerStore } from '../../../activities/partners';
import { closeCorrectiveAction, defineCorrectiveAction, getCorrectiveAction, type CorrectiveActionInput, type PartnerEvaluationInput } from '../../../workflows/partners/partners.messages';
import type { ApiDeps } from '../../deps';
import { ApiError } from '../../errors';
import { OPERATORS, SUPERVISORS } from '../../principal';
import type { RouteRegistry } from '../../routing';
import { idempotencyKey } from '../../schemas/action.schemas';
import { closeBody, evaluationBody, listNonConformitiesQuery, ncParams, openNonConformityBody, partnerParams, planBody } from '../../schemas/partner.schemas';

const NC_TAG = 'No conformidades de aliados';
const EV_TAG = 'Evaluación de aliados';
const ncNotFound = (id: string) => new ApiError(404, 'non_conformity_not_found', `No existe la no conformidad ${id}.`);
const partnerNotFound = (id: string) => new ApiError(404, 'partner_not_found', `No existe el aliado ${id}.`);

export function registerPartnerQualityRoutes(r: RouteRegistry, deps: ApiDeps, store: PartnerStore): void {
  async function onAction<T>(ncId: string, run: (h: ReturnType<typeof deps.temporal.workflow.getHandle>) => Promise<T>): Promise<T> {
    try {
      return await run(deps.temporal.workflow.getHandle(correctiveActionWorkflowId(ncId)));
    } catch (err) {
      if (!(err instanceof WorkflowNotFoundError)) throw err;
      if (await store.getNonConformity(ncId)) throw new ApiError(409, 'non_conformity_closed', `La no conformidad ${ncId} ya está cerrada.`);
      throw ncNotFound(ncId);
    }
  }

  r.add({
    method: 'get',
    path: '/non-conformities',
    tag: NC_TAG,
    summary: 'Listar no conformidades (por aliado y estado)',
    roles: OPERATORS,
    query: listNonConformitiesQuery,
    responses: { 200: { description: 'items: no conformidades, las más antiguas primero' } },
    async handler({ query }) {
      return { body: { items: await store.listNonConformities(query) } };
    },
  });

  r.add({
    method: 'post',
    path: '/partners/:partnerId/non-conformities',
    tag: NC_TAG,
    summary: 'Abrir una no conformidad por reclamo, con su acción correctiva (responsable y fecha límite)',
    roles: SUPERVISORS,
    params: partnerParams,
    body: openNonConformityBody,
    headers: [{ name: 'Idempotency-Key', schema: idempotencyKey, description: 'Un reintento con la misma clave no abre una segunda no conformidad.' }],
    responses: { 201: { description: 'ncId de la no conformidad' }, 404: { description: 'Aliado desconocido' } },
    audit: ({ params }) => ({ action: 'non_conformity.open', target: params.partnerId }),
    async handler({ params, body, principal, header }) {
      const partner = await store.getPartner(params.partnerId);
      if (!partner) throw partnerNotFound(params.partnerId);
      const key = header('Idempotency-Key');
      const ncId = `NC-${params.partnerId}-${(key ?? randomUUID()).replace(/[^A-Za-z0-9-]/g, '-').toUpperCase().slice(0, 36)}`;
      const input: CorrectiveActionInput = {
        nc: {
          ncId,
          partnerId: partner.partnerId,
          partnerName: partner.name,
          source: 'complaint',
          description: body.description,
          doNumber: body.doNumber,
          office: body.office,
          openedAt: new Date().toISOString(),
          openedBy: principal.name,
          owner: body.owner ?? partner.accountManager,
          partnerContacts: partner.contacts,
          dueAt: body.dueAt,
        },
      };
      try {
        await deps.temporal.workflow.start('correctiveActionWorkflow', { taskQueue: deps.taskQueue, workflowId: correctiveActionWorkflowId(ncId), workflowIdReusePolicy: 'REJECT_DUPLICATE', args: [input] });
      } catch (err) {
        if (!(err instanceof WorkflowExecutionAlreadyStartedError)) throw err;
        return { status: 200, body: { ncId, created: false } };
      }
      return { status: 201, body: { ncId, created: true } };
    },
  });

  r.add({
    method: 'get',
    path: '/non-conformities/:ncId',
    tag: NC_TAG,
    summary: 'Ver una no conformidad y su acción correctiva (en vivo mientras está abierta)',
    roles: OPERATORS,
    params: ncParams,
    responses: { 200: { description: 'La no conformidad' }, 404: { description: 'No conformidad desconocida' } },
    async handler({ params }) {
      try {
        return { body: { nonConformity: await deps.temporal.workflow.getHandle(correctiveActionWorkflowId(params.ncId)).query(getCorrectiveAction) } };
      } catch (err) {
        if (!(err instanceof WorkflowNotFoundError)) throw err;
        const record = await store.getNonConformity(params.ncId);
        if (!record) throw ncNotFound(params.ncId);
        return { body: { nonConformity: record } };
      }
    },
  });

  r.add({
    method: 'post',
    path: '/non-conformities/:ncId/corrective-action',
    tag: NC_TAG,
    summary: 'Registrar la acción correctiva (y, si cambia, su responsable)',
    roles: OPERATORS,
    params: ncParams,
    body: planBody,
    responses: { 200: { description: 'La acción correctiva' }, 404: { description: 'No conformidad desconocida' }, 409: { description: 'Ya está cerrada' } },
    audit: ({ params }) => ({ action: 'non_conformity.plan', target: params.ncId }),
    async handler({ params, body, principal }) {
      const view = await onAction(params.ncId, (h) => h.executeUpdate(defineCorrectiveAction, { args: [{ ...body, actor: principal.name }] }));
      return { body: { nonConformity: view } };
    },
  });

  r.add({
    method: 'post',
    path: '/non-conformities/:ncId/close',
    tag: NC_TAG,
    summary: 'Cerrar la no conformidad con evidencia de la acción correctiva',
    roles: SUPERVISORS,
    params: ncParams,
    body: closeBody,
    responses: { 200: { description: 'La no conformidad cerrada' }, 404: { description: 'No conformidad desconocida' }, 409: { description: 'Sin acción correctiva registrada, o ya cerrada' } },
    audit: ({ params }) => ({ action: 'non_conformity.close', target: params.ncId }),
    async handler({ params, body, principal }) {
      const view = await onAction(params.ncId, (h) => h.executeUpdate(closeCorrectiveAction, { args: [{ ...body, actor: principal.name }] }));
      return { body: { nonConformity: view } };
    },
  });

  r.add({
    method: 'post',
    path: '/partners/:partnerId/evaluations',
    tag: EV_TAG,
    summary: 'Evaluar al aliado para un año (a pedido): puntaje, informe en español a la gerencia y registro',
    roles: SUPERVISORS,
    params: partnerParams,
    body: evaluationBody,
    headers: [{ name: 'Idempotency-Key', schema: idempotencyKey, description: 'Un reintento con la misma clave devuelve la misma evaluación sin reenviar el informe.' }],
    responses: { 201: { description: 'La evaluación' }, 404: { description: 'Aliado desconocido' } },
    audit: ({ params, body }) => ({ action: 'partner.evaluate', target: `${params.partnerId}/${body.year}` }),
    async handler({ params, body, principal, header }) {
      if (!(await store.getPartner(params.partnerId))) throw partnerNotFound(params.partnerId);
      const runTag = (header('Idempotency-Key') ?? new Date().toISOString()).replace(/[^A-Za-z0-9-]/g, '');
      const evaluationId = partnerEvaluationId(params.partnerId, body.year, runTag);
      const input: PartnerEvaluationInput = { partnerId: params.partnerId, year: body.year, evaluationId, requestedBy: principal.name };
      const evaluation = await deps.temporal.workflow.execute('annualPartnerEvaluationWorkflow', {
        taskQueue: deps.taskQueue,
        workflowId: partnerEvaluationWorkflowId(evaluationId),
        args: [input],
        workflowIdConflictPolicy: 'USE_EXISTING',
      });
      return { status: 201, body: { evaluationId, evaluation } };
    },
  });

  r.add({
    method: 'get',
    path: '/partners/:partnerId/evaluations',
    tag: EV_TAG,
    summary: 'Evaluaciones registradas del aliado (la más reciente primero), con el informe enviado',
    roles: SUPERVISORS,
    params: partnerParams,
    responses: { 200: { description: 'items: evaluaciones' }, 404: { description: 'Aliado desconocido' } },
    async handler({ params }) {
      if (!(await store.getPartner(params.partnerId))) throw partnerNotFound(params.partnerId);
      return { body: { items: await store.listEvaluations(params.partnerId) } };
    },
  });
}
