/**
 * Operations (DO) run by alliance partners: start one (idempotent by DO number), read it live, record the
 * milestones the partner reports, log a complaint, cancel it. Milestone updates are validated by the workflow's
 * state machine: a milestone out of order comes back as 409 with the reason in Spanish.
 */
import { WorkflowExecutionAlreadyStartedError, WorkflowNotFoundError } from '@temporalio/client';
import { externalOperationWorkflowId } from '../../../domain/partners/ids';
import { agreementAt } from '../../../domain/partners/partner';
import { contractRefusal } from '../../../domain/partners/contract';
import { createPrismaContractStore, type PartnerStore } from '../../../activities/partners';
import { cancelOperation, getExternalOperation, logOperationComplaint, reportMilestone } from '../../../workflows/partners/partners.messages';
import type { ApiDeps } from '../../deps';
import { ApiError, unavailable } from '../../errors';
import { OPERATORS, SUPERVISORS } from '../../principal';
import type { RouteRegistry } from '../../routing';
import { idempotencyKey } from '../../schemas/action.schemas';
import { cancelBody, complaintBody, milestoneBody, operationParams, startOperationBody } from '../../schemas/partner.schemas';

const TAG = 'Operaciones con aliados';
const notFound = (doNumber: string) => new ApiError(404, 'operation_not_found', `No existe la operación ${doNumber}.`);
const errors = {
  404: { description: 'Operación desconocida' },
  409: { description: 'El estado de la operación no lo permite (motivo en español)' },
  422: { description: 'Datos que incumplen una regla del negocio (motivo en español)' },
};

export function registerPartnerOperationRoutes(r: RouteRegistry, deps: ApiDeps, store: PartnerStore): void {
  const contracts = createPrismaContractStore(deps.prisma);
  /** Runs an update on the operation's workflow; a finished workflow is 409, an unknown DO is 404. */
  async function update<T>(doNumber: string, run: (handle: ReturnType<typeof deps.temporal.workflow.getHandle>) => Promise<T>): Promise<T> {
    try {
      return await run(deps.temporal.workflow.getHandle(externalOperationWorkflowId(doNumber)));
    } catch (err) {
      if (!(err instanceof WorkflowNotFoundError)) throw err;
      if (await store.getOperation(doNumber)) throw new ApiError(409, 'operation_finished', `La operación ${doNumber} ya concluyó: no admite más cambios.`);
      throw notFound(doNumber);
    }
  }

  r.add({
    method: 'post',
    path: '/partner-operations',
    tag: TAG,
    summary: 'Asignar una operación (DO) a un aliado: inicia sus relojes por hito',
    roles: OPERATORS,
    body: startOperationBody,
    responses: { 201: { description: 'Operación iniciada' }, 404: { description: 'Aliado desconocido' }, 409: { description: 'Ya existe una operación con ese DO' }, 422: { description: 'El aliado no cubre esa aduana, está inactivo o no tiene contrato vigente que la cubra (motivo en español)' } },
    audit: ({ body }) => ({ action: 'partner_operation.open', target: body.doNumber }),
    async handler({ body, principal }) {
      const partner = await store.getPartner(body.partnerId);
      if (!partner) throw new ApiError(404, 'partner_not_found', `No existe el aliado ${body.partnerId}.`);
      if (!partner.active || !agreementAt(partner, body.office)) {
        throw new ApiError(422, 'invalid_input', `El aliado ${partner.name} no opera en la aduana ${body.office} o está inactivo.`);
      }
      const refusal = contractRefusal(partner.name, await contracts.contractsOf(partner.partnerId), body.office, body.assignedAt ?? new Date().toISOString());
      if (refusal) throw new ApiError(422, 'contract_not_in_force', refusal);
      const workflowId = externalOperationWorkflowId(body.doNumber);
      try {
        const handle = await deps.temporal.workflow.start('externalOperationWorkflow', {
          // A DO number is used once: a finished operation is not started again under the same id.
          workflowIdReusePolicy: 'REJECT_DUPLICATE',
          taskQueue: deps.taskQueue,
          workflowId,
          args: [{ doNumber: body.doNumber, partnerId: body.partnerId, office: body.office, direction: body.direction, dispatchId: body.dispatchId, assignedAt: body.assignedAt ?? new Date().toISOString(), openedBy: principal.name }],
        });
        return { status: 201, body: { doNumber: body.doNumber, workflowId, runId: handle.firstExecutionRunId } };
      } catch (err) {
        if (err instanceof WorkflowExecutionAlreadyStartedError) throw new ApiError(409, 'operation_exists', `Ya existe la operación ${body.doNumber}.`);
        throw err;
      }
    },
  });

  r.add({
    method: 'get',
    path: '/partner-operations/:doNumber',
    tag: TAG,
    summary: 'Ver una operación en vivo: hitos, tiempos de servicio, reloj en curso y no conformidades',
    roles: OPERATORS,
    params: operationParams,
    responses: { 200: { description: 'La operación' }, 404: errors[404], 503: { description: 'La operación se está iniciando: reintente tras Retry-After' } },
    async handler({ params }) {
      try {
        return { body: { operation: await deps.temporal.workflow.getHandle(externalOperationWorkflowId(params.doNumber)).query(getExternalOperation) } };
      } catch (err) {
        // Any failure of the live read (the run still loading its agreement, a worker restarting) falls back to
        // the read model; an operation not recorded yet is 404 when Temporal has no such run, else 503.
        const record = await store.getOperation(params.doNumber);
        if (!record) throw err instanceof WorkflowNotFoundError ? notFound(params.doNumber) : unavailable('La operación recién asignada');
        return { body: { operation: record, milestones: await store.listSamples({ partnerId: record.partnerId }).then((all) => all.filter((s) => s.doNumber === params.doNumber)) } };
      }
    },
  });

  r.add({
    method: 'post',
    path: '/partner-operations/:doNumber/milestones',
    tag: TAG,
    summary: 'Registrar un hito reportado por el aliado (recibido, declarado, aforo, levante, entregado)',
    roles: OPERATORS,
    params: operationParams,
    body: milestoneBody,
    headers: [{ name: 'Idempotency-Key', schema: idempotencyKey, description: 'Un reintento con la misma clave no registra el hito dos veces.' }],
    responses: { 200: { description: 'La operación después del hito' }, ...errors },
    audit: ({ params, body }) => ({ action: `partner_operation.${body.milestone}`, target: params.doNumber }),
    async handler({ params, body, principal, header }) {
      const key = header('Idempotency-Key');
      const operation = await update(params.doNumber, (h) =>
        h.executeUpdate(reportMilestone, { args: [{ ...body, actor: principal.name }], updateId: key ? `milestone:${key}` : undefined }),
      );
      return { body: { operation } };
    },
  });

  r.add({
    method: 'post',
    path: '/partner-operations/:doNumber/complaints',
    tag: TAG,
    summary: 'Registrar un reclamo sobre la operación: abre una no conformidad con su acción correctiva',
    roles: OPERATORS,
    params: operationParams,
    body: complaintBody,
    responses: { 201: { description: 'ncId de la no conformidad abierta' }, ...errors },
    audit: ({ params }) => ({ action: 'partner_operation.complaint', target: params.doNumber }),
    async handler({ params, body, principal }) {
      const result = await update(params.doNumber, (h) => h.executeUpdate(logOperationComplaint, { args: [{ ...body, actor: principal.name }] }));
      return { status: 201, body: result };
    },
  });

  r.add({
    method: 'post',
    path: '/partner-operations/:doNumber/cancel',
    tag: TAG,
    summary: 'Anular la operación (detiene sus relojes)',
    roles: SUPERVISORS,
    params: operationParams,
    body: cancelBody,
    responses: { 200: { description: 'La operación anulada' }, ...errors },
    audit: ({ params }) => ({ action: 'partner_operation.cancel', target: params.doNumber }),
    async handler({ params, body, principal }) {
      const operation = await update(params.doNumber, (h) => h.executeUpdate(cancelOperation, { args: [{ ...body, actor: principal.name }] }));
      return { body: { operation } };
    },
  });
}
