/**
 * The annual evaluation on the dev server, over a seeded year of history: the Temporal Schedule runs it for
 * every active partner, the score follows from the data, the Spanish report reaches management by SMTP and the
 * evaluation is kept as a record. A second run of the same year sends nothing new.
 */
import { createPrismaPartnerStore, type PartnerStore } from '../../../activities/partners';
import { partnerEvaluationDefinition } from '../../../schedules/definitions';
import { createScheduleSync } from '../../../schedules/schedule-sync';
import { uniqueId } from '../../support/env';
import { startTestStack, type TestStack } from '../../support/stack';

jest.setTimeout(120_000);

const HOUR = 3_600_000;
const MANAGER = { name: 'Gerente General', email: 'gerente.general@agencia.example.pe' };

let stack: TestStack;
let store: PartnerStore;
beforeAll(async () => {
  stack = await startTestStack('partner_eval');
  store = createPrismaPartnerStore(stack.prisma);
});
afterAll(() => stack?.close());

/** 2025: four operations at Cartagena; documents received in 4, 6, 8 and 10 business hours against 9 agreed. */
async function seedYear(partnerId: string): Promise<void> {
  await store.upsertPartner({
    partnerId,
    name: 'Agencia Fronteriza del Norte SAS',
    nit: '901555444-1',
    contacts: [{ name: 'Operaciones Norte', email: 'operaciones@norte.example.co' }],
    accountManager: { name: 'Gestor de alianzas', email: 'gestor.alianzas@agencia.example.pe' },
    active: true,
    offices: [{ office: 'CTG', serviceTimes: { received: 9 * HOUR, declared: 9 * HOUR, inspection: 9 * HOUR, levante: 9 * HOUR, delivered: 9 * HOUR } }],
  });
  await store.upsertManager(MANAGER);
  for (const [i, hours] of [4, 6, 8, 10].entries()) {
    const doNumber = `${partnerId}-DO-${i + 1}`;
    const assignedAt = `2025-0${i + 3}-10T14:00:00.000Z`;
    await store.upsertOperation({ doNumber, workflowId: `partner-operation-${doNumber}`, partnerId, office: 'CTG', dispatchId: null, status: 'delivered', aforo: 'automatico', nextMilestone: null, nextDueAt: null, assignedAt, closedAt: assignedAt });
    await store.recordMilestone({ doNumber, partnerId, office: 'CTG', milestone: 'received', startedAt: assignedAt, reportedAt: `2025-0${i + 3}-12T14:00:00.000Z`, dueAt: assignedAt, serviceMs: hours * HOUR, targetMs: 9 * HOUR, onTime: hours <= 9, reportedBy: 'aliado' });
  }
  const nc = (id: string, source: 'breach' | 'complaint', closedAt: string | null) =>
    store.upsertNonConformity({
      ncId: `${partnerId}-${id}`, workflowId: `corrective-action-${partnerId}-${id}`, partnerId, source, description: 'Demora en la recepción de documentos',
      doNumber: null, office: 'CTG', milestone: null, openedAt: '2025-06-12T15:00:00.000Z', openedBy: 'levante', owner: { name: 'Gestor', email: 'gestor.alianzas@agencia.example.pe' },
      dueAt: '2025-06-19T15:00:00.000Z', status: closedAt ? 'closed' : 'open', actionPlan: closedAt ? 'Turno adicional de recepción' : null, closedAt, closedBy: closedAt ? 'gestor' : null,
      evidence: closedAt ? { description: 'Acta de reunión con el aliado' } : null,
    });
  await nc('NC-1', 'breach', '2025-06-18T15:00:00.000Z');
  await nc('NC-2', 'complaint', null);
}

test('the yearly Schedule evaluates the partner from its history and emails the Spanish report to management', async () => {
  const partnerId = uniqueId('ALZ').toUpperCase();
  await seedYear(partnerId);
  const sync = createScheduleSync({
    client: stack.client,
    taskQueue: stack.config.TEMPORAL_TASK_QUEUE,
    agreements: { clientReportAgreements: async () => [], clientReportAgreement: async () => null },
  });
  const scheduleId = uniqueId('annual-partner-evaluation');
  const def = { ...partnerEvaluationDefinition(scheduleId), args: [{ requestedBy: 'schedule', year: 2025 }] as [Record<string, unknown>] };
  expect(await sync.upsert(def)).toBe('created');
  const schedule = stack.client.schedule.getHandle(scheduleId);
  try {
    expect((await schedule.describe()).spec.calendars?.[0]).toMatchObject({ month: [{ start: 'JANUARY', end: 'JANUARY', step: 1 }], dayOfMonth: [{ start: 15, end: 15, step: 1 }] });
    await schedule.trigger();

    // on time 3/4 (0.75), closure on time 1/2, consistency 1 − 2.582/7, complaints 1 per 4 operations (≥ 0.2 → 0):
    // 100 · (0.5·0.75 + 0.2·0.5 + 0.15·0.6311 + 0) = 57.0 → C.
    const mail = await stack.smtp.waitFor((m) => m.subject.startsWith('Evaluación anual 2025 del aliado Agencia Fronteriza del Norte SAS'), 60_000);
    expect(mail.subject).toBe('Evaluación anual 2025 del aliado Agencia Fronteriza del Norte SAS: 57.0 puntos (C)');
    expect(mail.to).toEqual([MANAGER.email]);
    expect(mail.text).toContain('Cumplimiento de tiempos de servicio: 75.0 %');
    expect(mail.text).toContain('Recepción de documentos: 4 mediciones, media 7.0 h, desviación 2.6 h, a tiempo 75.0 %');
    expect(mail.text).toContain('Total: 2 (incumplimientos: 1, reclamos: 1)');
    expect(mail.text).toContain('No confiable: revisar la continuidad de la alianza');

    const [record] = await store.listEvaluations(partnerId);
    expect(record).toMatchObject({ evaluationId: `${partnerId}-2025`, requestedBy: 'schedule' });
    expect(mail.text.trim()).toBe(record!.reportText.trim());
    expect(record!.evaluation).toMatchObject({ year: 2025, operations: 4, onTimeRate: 0.75, score: 57, rating: 'C', nonConformities: { total: 2, closedOnTime: 1, open: 1 } });

    // The same year again (a re-run of the schedule): the record is replaced, the report is not sent twice.
    await stack.client.workflow.execute('annualPartnerEvaluationsWorkflow', { taskQueue: stack.config.TEMPORAL_TASK_QUEUE, workflowId: uniqueId('rerun'), args: [{ year: 2025 }] });
    expect(stack.smtp.received.filter((m) => m.subject === mail.subject)).toHaveLength(1);
    expect(await store.listEvaluations(partnerId)).toHaveLength(1);
  } finally {
    await schedule.delete();
  }
});
