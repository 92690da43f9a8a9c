/** Supervisor digest, weekend programming and expiry sweep on the dev server, with the emails they produce. */
import { createPrismaRecordStore, type PrismaRecordStore } from '../../../activities/records';
import type { ScheduleSync } from '../../../schedules';
import { startTestStack, type TestStack } from '../../support/stack';
import { sampleDispatch, startDispatch } from '../../support/fixtures';
import * as m from '../../../workflows/dispatch.messages';
import { toShipped } from '../../support/drive';
import { actor, deleteSchedules, pauseSchedules, scheduledResults, syncFor, toChannel, damNumberFor } from './support';

jest.setTimeout(120_000);

let stack: TestStack;
let sync: ScheduleSync;
let store: PrismaRecordStore;
const supervisor = 'rosa.quispe@agencia.example.pe';
const operations = 'programacion@agencia.example.pe';
beforeAll(async () => {
  stack = await startTestStack('sched_supervisor');
  store = createPrismaRecordStore(stack.prisma);
  await store.upsertSupervisor({ name: 'Rosa Quispe', email: supervisor, active: true, onShift: null });
  sync = syncFor(stack, { operationsRecipients: [{ name: 'Programación', email: operations }] });
  await sync.syncAll();
  await pauseSchedules(stack.client, sync.settings.idPrefix);
});
afterAll(async () => {
  if (stack) await deleteSchedules(stack.client, sync.settings.idPrefix);
  await stack?.close();
});

const queue = () => stack.config.TEMPORAL_TASK_QUEUE;
const limaAt = (date: string, time: string) => new Date(`${date}T${time}:00-05:00`);

test('the supervisor digest lists overdue dispatches, unreported complaints, open terminal incidents and the night’s extra services', async () => {
  const overdue = sampleDispatch();
  const h1 = await startDispatch(stack.client, queue(), overdue, { policyOverrides: { documentReviewMs: 1_000, reviewReminderBeforeMs: 0 } });
  await h1.executeUpdate(m.documentsReceived, { args: [{ actor, documents: ['commercial_invoice'] }] });
  await stack.smtp.waitFor((mail) => mail.subject === `[${overdue.dispatchId}] ALERTA: venció Revisión de documentos`);

  const complained = sampleDispatch();
  const h2 = await startDispatch(stack.client, queue(), complained);
  const withComplaint = await h2.executeUpdate(m.logComplaint, { args: [{ actor, category: 'demurrage', description: 'Sobreestadía por demora en la cita' }] });
  await store.recordIncident({ dispatchId: complained.dispatchId, kind: 'terminal_rejection', description: 'DPWC: sin cupo para la cita', actor, at: new Date().toISOString(), idempotencyKey: `${complained.dispatchId}/test-incident` });

  const billed = sampleDispatch();
  const h3 = await startDispatch(stack.client, queue(), billed);
  const reported = await h3.executeUpdate(m.logComplaint, { args: [{ actor, category: 'complaint', description: 'Reclamo ya informado' }] });
  await h3.executeUpdate(m.complaintReported, { args: [{ actor, complaintId: reported.complaints[0]!.id }] });
  await h3.executeUpdate(m.recordExtraordinaryService, { args: [{ actor, description: 'Aforo fuera de horario', reason: 'out_of_hours', amountPen: 350 }] });

  const scheduleId = `${sync.settings.idPrefix}supervisor-digest`;
  await stack.client.schedule.getHandle(scheduleId).trigger();
  const [result] = await scheduledResults(stack.client, scheduleId, 1);
  expect(result).toMatchObject({ outcome: 'sent' });

  const digests = stack.smtp.received.filter((mail) => mail.subject.startsWith('Resumen del turno noche'));
  expect(digests).toHaveLength(1);
  const digest = digests[0]!;
  expect(digest.to).toEqual([supervisor]);
  const [overdueSection, , complaintsSection, incidentsSection, servicesSection] = digest.text.split('\n\n').slice(1);
  expect(overdueSection).toContain(`${overdue.dispatchId} · RUC 20100047218 · opened · ejecutivo ESC-07`);
  expect(complaintsSection).toContain(`${complained.dispatchId} · ${withComplaint.complaints[0]!.id} · demurrage: Sobreestadía por demora en la cita`);
  expect(complaintsSection).not.toContain(billed.dispatchId);
  expect(incidentsSection).toContain(`${complained.dispatchId} · DPWC: sin cupo para la cita`);
  expect(servicesSection).toContain(`${billed.dispatchId} · Aforo fuera de horario · fuera de horario · S/ 350.00`);
});

test('weekend programming goes out once, on Friday, with the slots from Saturday to Monday', async () => {
  const d = sampleDispatch();
  await startDispatch(stack.client, queue(), d);
  await stack.smtp.waitFor((mail) => mail.subject.includes(d.dispatchId));
  const book = (key: string, kind: 'appointment' | 'container_return', slot: string, reference: string) =>
    store.recordAppointment({ idempotencyKey: `${d.dispatchId}/${key}`, dispatchId: d.dispatchId, terminal: 'APMTC', kind, reference, slot, status: 'confirmed' });
  await book('cita', 'appointment', '2026-12-05T13:00:00.000Z', 'APM-CITA-1');
  await book('devolucion', 'container_return', '2026-12-07T15:00:00.000Z', 'APM-DEV-2');
  await book('cita-martes', 'appointment', '2026-12-09T13:00:00.000Z', 'APM-CITA-3');

  // Wednesday 2 to Friday 4 December 2026 at 15:00 Lima: only Friday is the eve of the weekend.
  const scheduleId = `${sync.settings.idPrefix}weekend-programming`;
  await stack.client.schedule.getHandle(scheduleId).backfill({ start: limaAt('2026-12-02', '00:00'), end: limaAt('2026-12-04', '23:59'), overlap: 'BUFFER_ALL' });
  const results = await scheduledResults(stack.client, scheduleId, 3);
  expect(results.map((r) => [r.scheduledAt, r.outcome])).toEqual([
    ['2026-12-02T20:00:00.000Z', 'skipped'],
    ['2026-12-03T20:00:00.000Z', 'skipped'],
    ['2026-12-04T20:00:00.000Z', 'sent'],
  ]);
  const sent = stack.smtp.received.filter((mail) => mail.to.includes(operations));
  expect(sent).toHaveLength(1);
  expect(sent[0]!.subject).toBe('Programación de fin de semana del 05/12/2026 al 07/12/2026');
  expect(sent[0]!.text).toContain(`05/12/2026 08:00 · APMTC · ${d.dispatchId} · ref. APM-CITA-1`);
  expect(sent[0]!.text).toContain(`07/12/2026 10:00 · APMTC · ${d.dispatchId} · ref. APM-DEV-2`);
  expect(sent[0]!.text).not.toContain('APM-CITA-3');
});

test('the expiry sweep lists temporary regimes and mandates that expire soon', async () => {
  const d = sampleDispatch({ regime: '20' });
  const h = await startDispatch(stack.client, queue(), d, { policyOverrides: { regimeExpiryMs: { '20': 40 * 86_400_000, '70': 365 * 86_400_000 } } });
  await toChannel(h, 'verde', damNumberFor('20'));
  await h.executeUpdate(m.levanteGranted, { args: [{ actor }] });
  await stack.prisma.clientMandate.create({ data: { clientRuc: '20100047218', grantedAt: new Date(Date.now() - 355 * 86_400_000), expiresAt: new Date(Date.now() + 10.3 * 86_400_000) } });
  // A temporary export (41, outbound-regimes-2026-12): its re-import term runs from the shipment (here 50 days).
  const temporary = sampleDispatch({ regime: '41', terminal: 'DPWC' });
  await toShipped(await startDispatch(stack.client, queue(), temporary, { policyOverrides: { temporaryExportReimportMs: 50 * 86_400_000 } }));

  const scheduleId = `${sync.settings.idPrefix}expiry-sweep`;
  await stack.client.schedule.getHandle(scheduleId).trigger();
  const [result] = await scheduledResults(stack.client, scheduleId, 1);
  expect(result).toMatchObject({ outcome: 'sent' });
  const sweeps = stack.smtp.received.filter((mail) => mail.subject.startsWith('Barrido de vencimientos'));
  expect(sweeps).toHaveLength(1);
  expect(sweeps[0]!.to).toEqual([supervisor]);
  expect(sweeps[0]!.text).toMatch(new RegExp(`${d.dispatchId} · RUC 20100047218 · régimen 20 · \\d\\d/\\d\\d/\\d{4} \\(vence en 40 días\\)`));
  expect(sweeps[0]!.text).toContain('Importadora Andina S.A.C. · RUC 20100047218');
  expect(sweeps[0]!.text).toContain('(vence en 10 días)');
  expect(sweeps[0]!.text).toMatch(new RegExp(`${temporary.dispatchId} · RUC 20100047218 · régimen 41 · \\d\\d/\\d\\d/\\d{4} \\(vence en 50 días\\)`));
});
