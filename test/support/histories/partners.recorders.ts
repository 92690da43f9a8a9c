/** Business paths of the alliance-partner workflows recorded as replay fixtures (see catalog.ts). */
import { createPrismaContractStore, createPrismaPartnerStore } from '../../../activities/partners';
import { correctiveActionWorkflowId, externalOperationWorkflowId, partnerEvaluationId, partnerEvaluationWorkflowId } from '../../../domain/partners/ids';
import type { annualPartnerEvaluationsWorkflow, correctiveActionWorkflow, externalOperationWorkflow, partnerContractExpiryWorkflow } from '../../../workflows';
import * as p from '../../../workflows/partners/partners.messages';
import { ACCOUNT_MANAGER, PARTNER_CONTACT, seedPartner } from '../../timeskipping/partners/partner-fixtures';
import { uniqueId } from '../env';
import type { TestStack } from '../stack';
import { latestRun, type Recorder, type TimeSkippingRecorder } from './recording';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const partner = 'aliado';

export const partnerTimeSkippingRecorders = {
  'partner-breach': async (stack) => {
    const seeded = await seedPartner(stack.prisma);
    const doNumber = uniqueId('DO-REPLAY').toUpperCase();
    const h = await stack.client.workflow.start<typeof externalOperationWorkflow>('externalOperationWorkflow', {
      taskQueue: stack.config.TEMPORAL_TASK_QUEUE,
      workflowId: externalOperationWorkflowId(doNumber),
      args: [{ doNumber, partnerId: seeded.partnerId, office: 'CTG', assignedAt: new Date(await stack.env.currentTimeMs()).toISOString(), openedBy: 'operador' }],
    });
    // The documents-received clock is 9 business hours (Colombia): ten days later it has breached, whatever the holidays.
    await stack.env.sleep(10 * DAY);
    await stack.smtp.waitFor((mail) => mail.subject.startsWith(`[NC-${doNumber}-1] Nueva no conformidad`));
    await h.executeUpdate(p.reportMilestone, { args: [{ actor: partner, milestone: 'received' }] });
    await h.executeUpdate(p.reportMilestone, { args: [{ actor: partner, milestone: 'declared', aforo: 'automatico' }] });
    await h.executeUpdate(p.reportMilestone, { args: [{ actor: partner, milestone: 'levante' }] });
    await h.executeUpdate(p.reportMilestone, { args: [{ actor: partner, milestone: 'delivered' }] });
    await h.result();
    return { 'externalOperationWorkflow/partner-breach': latestRun(h) };
  },
  'corrective-action-escalated-closed': async (stack) => {
    const seeded = await seedPartner(stack.prisma);
    const ncId = uniqueId('NC-REPLAY').toUpperCase();
    const openedAt = new Date(await stack.env.currentTimeMs());
    const h = await stack.client.workflow.start<typeof correctiveActionWorkflow>('correctiveActionWorkflow', {
      taskQueue: stack.config.TEMPORAL_TASK_QUEUE,
      workflowId: correctiveActionWorkflowId(ncId),
      args: [{
        nc: {
          ncId,
          partnerId: seeded.partnerId,
          partnerName: seeded.name,
          source: 'complaint',
          description: 'El cliente reclama por la demora en la entrega en Cartagena',
          openedAt: openedAt.toISOString(),
          openedBy: 'supervisor',
          owner: ACCOUNT_MANAGER,
          partnerContacts: [PARTNER_CONTACT],
          dueAt: new Date(openedAt.getTime() + 5 * DAY).toISOString(),
        },
        policy: { remindBeforeMs: [DAY], escalateEveryMs: 2 * DAY, maxEscalations: 2 },
      }],
    });
    const mail = (prefix: string) => stack.smtp.waitFor((m) => m.subject.startsWith(`[${ncId}] ${prefix}`));
    await mail('Nueva no conformidad');
    await stack.env.sleep(4 * DAY + HOUR);
    await mail('Recordatorio');
    await stack.env.sleep(DAY);
    await mail('ESCALAMIENTO: acción correctiva vencida');
    // Refused before it reaches history: no plan yet.
    await h.executeUpdate(p.closeCorrectiveAction, { args: [{ actor: 'gestor', evidence: { description: 'Se habló con el aliado' } }] }).catch(() => undefined);
    await h.executeUpdate(p.defineCorrectiveAction, { args: [{ actor: 'gestor', plan: 'Reforzar el turno de entregas del aliado en Cartagena' }] });
    await stack.env.sleep(2 * DAY);
    await mail('ESCALAMIENTO (2.º aviso)');
    await h.executeUpdate(p.closeCorrectiveAction, { args: [{ actor: 'gestor', evidence: { description: 'Acta de reunión y nuevo cuadro de turnos', url: 'https://intranet.example.pe/capa/1' } }] });
    await h.result();
    return { 'correctiveActionWorkflow/corrective-action-escalated-closed': latestRun(h) };
  },
} satisfies Record<string, TimeSkippingRecorder>;

/** A partner with a year of operations (2025) and two non-conformities: what the evaluation scores. */
async function seedPartnerYear(stack: TestStack): Promise<string> {
  const store = createPrismaPartnerStore(stack.prisma);
  const { partnerId } = await seedPartner(stack.prisma);
  for (const [i, hours] of [4, 6, 8, 10].entries()) {
    const doNumber = `${partnerId}-DO-${i + 1}`;
    const assignedAt = `2025-0${i + 3}-10T14:00:00.000Z`;
    await store.upsertOperation({ doNumber, workflowId: `partner-operation-${doNumber}`, partnerId, office: 'CTG', dispatchId: null, status: 'delivered', aforo: 'automatico', nextMilestone: null, nextDueAt: null, assignedAt, closedAt: assignedAt });
    await store.recordMilestone({ doNumber, partnerId, office: 'CTG', milestone: 'received', startedAt: assignedAt, reportedAt: `2025-0${i + 3}-12T14:00:00.000Z`, dueAt: assignedAt, serviceMs: hours * HOUR, targetMs: 9 * HOUR, onTime: hours <= 9, reportedBy: partner });
  }
  await store.upsertNonConformity({
    ncId: `${partnerId}-NC-1`, workflowId: `corrective-action-${partnerId}-NC-1`, partnerId, source: 'breach', description: 'Demora en la recepción de documentos',
    doNumber: null, office: 'CTG', milestone: null, openedAt: '2025-06-12T15:00:00.000Z', openedBy: 'levante', owner: ACCOUNT_MANAGER,
    dueAt: '2025-06-19T15:00:00.000Z', status: 'closed', actionPlan: 'Turno adicional de recepción', closedAt: '2025-06-18T15:00:00.000Z', closedBy: 'gestor',
    evidence: { description: 'Acta de reunión con el aliado' },
  });
  return partnerId;
}

export const partnerDevRecorders = {
  'annual-partner-evaluation': async (stack) => {
    const partnerId = await seedPartnerYear(stack);
    const h = await stack.client.workflow.start<typeof annualPartnerEvaluationsWorkflow>('annualPartnerEvaluationsWorkflow', {
      taskQueue: stack.config.TEMPORAL_TASK_QUEUE,
      workflowId: uniqueId('annual-partner-evaluations-replay'),
      args: [{ year: 2025, requestedBy: 'schedule' }],
    });
    await h.result();
    return {
      'annualPartnerEvaluationsWorkflow/annual-partner-evaluation': latestRun(h),
      'annualPartnerEvaluationWorkflow/annual-partner-evaluation': { workflowId: partnerEvaluationWorkflowId(partnerEvaluationId(partnerId, 2025)) },
    };
  },
  'partner-contract-expiry': async (stack) => {
    const seeded = await seedPartner(stack.prisma);
    // Thursday 3 December 2026, 08:00 Lima/Bogotá: the contract's last day is 28 December, 25 days later.
    await createPrismaContractStore(stack.prisma).putContract({ partnerId: seeded.partnerId, reference: 'CT-2026-01', startsOn: '2026-01-01', endsOn: '2026-12-28', offices: ['CTG'], serviceTimesHours: {} }, 'recorder');
    const h = await stack.client.workflow.start<typeof partnerContractExpiryWorkflow>('partnerContractExpiryWorkflow', {
      taskQueue: stack.config.TEMPORAL_TASK_QUEUE,
      workflowId: uniqueId('partner-contract-expiry-replay'),
      args: [{ scheduleId: 'partner-contract-expiry', scheduledAt: '2026-12-03T13:00:00.000Z' }],
    });
    await h.result();
    return { 'partnerContractExpiryWorkflow/partner-contract-expiry': latestRun(h) };
  },
} satisfies Record<string, Recorder>;
