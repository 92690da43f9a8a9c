/**
 * Written agreements of a dispatch (seed 2.1.9–2.1.10): record one (with a due date it starts its clock), list
 * them, mark one fulfilled (stops the clock). The shift handover of any instant is read here too.
 */
import { WorkflowExecutionAlreadyStartedError, WorkflowNotFoundError } from '@temporalio/client';
import { createPrismaPeopleRecords, createPrismaPeopleStore, loadHandover } from '../../../activities/people';
import { AGREEMENT_REMINDER_BEFORE_MS, agreementClockWorkflowId, defaultAgreementMatter, type AgreementClockInput } from '../../../domain/people';
import { agreementFulfilled } from '../../../workflows/people/people.messages';
import { dispatchWorkflowId } from '../../../domain/ids';
import { ApiError } from '../../errors';
import { OPERATORS } from '../../principal';
import type { ApiDeps } from '../../deps';
import type { RouteRegistry } from '../../routing';
import { agreementParams, dispatchParams, fulfilAgreementBody, handoverQuery, postAgreementBody } from '../../schemas/people.schemas';

const TAG = 'Acuerdos y entrega de turno';

export function registerAgreementRoutes(r: RouteRegistry, deps: ApiDeps): void {
  const records = createPrismaPeopleRecords(deps.prisma);
  const people = createPrismaPeopleStore(deps.prisma);
  const dispatchNotFound = () => new ApiError(404, 'not_found', 'No existe ese despacho.');
  /** In the read model, or just opened (its workflow runs but has not written its first row yet). */
  async function dispatchExists(id: string): Promise<boolean> {
    if (await records.dispatchOwner(id)) return true;
    try {
      await deps.temporal.workflow.getHandle(dispatchWorkflowId(id)).describe();
      return true;
    } catch (err) {
      if (err instanceof WorkflowNotFoundError) return false;
      throw err;
    }
  }

  r.add({
    method: 'post', path: '/dispatches/:id/agreements', tag: TAG, roles: OPERATORS, params: dispatchParams, body: postAgreementBody,
    summary: 'Registrar por escrito un acuerdo o indicación del despacho (cliente, terminal, jefatura); con vencimiento inicia su plazo',
    responses: { 201: { description: 'agreement, clockWorkflowId' }, 404: { description: 'Despacho desconocido' }, 422: { description: 'Vencimiento ya pasado o anterior al acuerdo (motivo en español)' } },
    audit: ({ params }) => ({ action: 'agreement.record', target: params.id }),
    async handler({ params, body, principal }) {
      if (!(await dispatchExists(params.id))) throw dispatchNotFound();
      const dueAt = body.dueAt ? new Date(body.dueAt).toISOString() : null;
      const agreedAt = new Date(body.agreedAt).toISOString();
      if (dueAt && dueAt <= agreedAt) throw new ApiError(422, 'invalid_input', 'El vencimiento del acuerdo debe ser posterior a la fecha del acuerdo.');
      if (dueAt && Date.parse(dueAt) <= Date.now()) throw new ApiError(422, 'invalid_input', 'El vencimiento del acuerdo ya pasó: regístrelo sin vencimiento o con una fecha futura.');
      const agreement = await records.createAgreement({
        dispatchId: params.id, source: body.source, agreedWith: body.agreedWith, agreedAt, content: body.content, channel: body.channel,
        reference: body.reference ?? null, matter: body.matter ?? defaultAgreementMatter(body.source), dueAt, recordedBy: principal.name,
      });
      let clockWorkflowId: string | null = null;
      if (dueAt) {
        clockWorkflowId = agreementClockWorkflowId(agreement.id);
        const input: AgreementClockInput = { agreementId: agreement.id, dispatchId: params.id, dueAt, reminderBeforeMs: AGREEMENT_REMINDER_BEFORE_MS };
        try {
          await deps.temporal.workflow.start('agreementClockWorkflow', {
            taskQueue: deps.taskQueue, workflowId: clockWorkflowId, args: [input], staticSummary: `Acuerdo del despacho ${params.id}: ${agreement.content.slice(0, 80)}`,
          });
        } catch (err) {
          if (!(err instanceof WorkflowExecutionAlreadyStartedError)) throw err;
        }
      }
      return { status: 201, body: { agreement, clockWorkflowId } };
    },
  });

  r.add({
    method: 'get', path: '/dispatches/:id/agreements', tag: TAG, roles: OPERATORS, params: dispatchParams,
    summary: 'Acuerdos e indicaciones registrados del despacho, el más reciente primero',
    responses: { 200: { description: 'items' } },
    async handler({ params }) {
      return { body: { items: await records.agreementsOf(params.id) } };
    },
  });

  r.add({
    method: 'post', path: '/dispatches/:id/agreements/:agreementId/fulfilled', tag: TAG, roles: OPERATORS, params: agreementParams, body: fulfilAgreementBody,
    summary: 'Marcar un acuerdo como cumplido: detiene su plazo',
    responses: { 200: { description: 'agreement' }, 404: { description: 'Acuerdo desconocido en ese despacho' }, 409: { description: 'El acuerdo ya figura como cumplido' } },
    audit: ({ params }) => ({ action: 'agreement.fulfilled', target: params.id }),
    async handler({ params, body, principal }) {
      const existing = await records.agreement(params.agreementId);
      if (!existing || existing.dispatchId !== params.id) throw new ApiError(404, 'not_found', 'No existe ese acuerdo en el despacho.');
      const at = new Date(body.at ?? Date.now()).toISOString();
      if (!(await records.setAgreementStatus(existing.id, 'fulfilled', { at, by: principal.name, note: body.note ?? null }))) {
        throw new ApiError(409, 'already_fulfilled', 'El acuerdo ya figura como cumplido.');
      }
      if (existing.dueAt) {
        try {
          await deps.temporal.workflow.getHandle(agreementClockWorkflowId(existing.id)).signal(agreementFulfilled, { at, by: principal.name });
        } catch (err) {
          // The clock already ended (missed): the row now says fulfilled, which is what counts.
          if (!(err instanceof WorkflowNotFoundError)) throw err;
        }
      }
      return { body: { agreement: await records.agreement(existing.id) } };
    },
  });

  r.add({
    method: 'get', path: '/people/handover', tag: TAG, roles: OPERATORS, query: handoverQuery,
    summary: 'Entrega de turno en un cambio de turno (08:00 o 22:00): abiertos, lo que vence en el turno entrante, lo que hizo el saliente',
    responses: { 200: { description: 'handover' }, 422: { description: 'Ningún turno empieza a esa hora' } },
    async handler({ query }) {
      const handover = await loadHandover({ records, people }, new Date(query.at).toISOString());
      if (!handover) throw new ApiError(422, 'no_shift_change', 'Ningún turno empieza a esa hora: la entrega de turno se hace al inicio de un turno (p. ej. 08:00 o 22:00).');
      return { body: { handover } };
    },
  });
}
