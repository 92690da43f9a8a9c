/**
 * The shift handover (seed 1.3, 2.5): at 08:00 on a weekday the night shift hands over to the day shift. The run
 * (the workflow the `shift-handover` schedule starts) emails the incoming day executive what falls due that day,
 * what is open and what the night executive did; sent once; Sunday 08:00 has no shift change and sends nothing.
 */
import { createPrismaPeopleRecords } from '../../../activities/people';
import type { shiftHandoverWorkflow } from '../../../workflows';
import { uniqueId } from '../../support/env';
import { limaInstant } from '../../support/lima-time';
import { startTimeSkippingStack, type TimeSkippingStack } from '../../support/timeskipping';
import { seedDirectory, seedReadModelDispatch, STAFF } from './people-seed';

jest.setTimeout(120_000);

let stack: TimeSkippingStack;
beforeAll(async () => {
  stack = await startTimeSkippingStack('handover');
  await seedDirectory(stack.prisma);
});
afterAll(() => stack?.close());

const run = (scheduleId: string, scheduledAt: Date) =>
  stack.client.workflow.execute<typeof shiftHandoverWorkflow>('shiftHandoverWorkflow', {
    taskQueue: stack.config.TEMPORAL_TASK_QUEUE, workflowId: uniqueId('handover'), args: [{ scheduleId, scheduledAt: scheduledAt.toISOString() }],
  });

test('Wednesday 08:00: the day shift gets what is due that day, what is open and what the night executive did', async () => {
  const [dueToday, dueTomorrow] = [uniqueId('DSP').toUpperCase(), uniqueId('DSP').toUpperCase()];
  await seedReadModelDispatch(stack.prisma, dueToday, { nextDeadlineAt: limaInstant('2026-12-09', 11), nextDeadlineClock: 'dam_draft' });
  await seedReadModelDispatch(stack.prisma, dueTomorrow, { nextDeadlineAt: limaInstant('2026-12-10', 11), nextDeadlineClock: 'document_review' });
  await stack.prisma.statusHistory.create({ data: { dispatchId: dueToday, status: 'documents_reviewed', at: limaInstant('2026-12-09', 2), actor: 'nora.paredes', note: 'documentsReviewed', idempotencyKey: uniqueId('status') } });
  await stack.prisma.auditEvent.create({ data: { actor: 'Nora Paredes', action: 'dispatch.glosa', target: dueTomorrow, at: limaInstant('2026-12-09', 3) } });
  await stack.prisma.auditEvent.create({ data: { actor: 'Jorge Salas', action: 'dispatch.glosa', target: dueTomorrow, at: limaInstant('2026-12-08', 16) } });
  await createPrismaPeopleRecords(stack.prisma).createAgreement({
    dispatchId: dueTomorrow, source: 'client', agreedWith: 'Lucía Ramos', agreedAt: limaInstant('2026-12-08', 23).toISOString(), content: 'Confirmar la cita de retiro al cliente',
    channel: 'phone', reference: null, matter: 'client_service', dueAt: limaInstant('2026-12-09', 12).toISOString(), recordedBy: 'nora.paredes',
  });

  const scheduleId = uniqueId('shift-handover');
  const result = await run(scheduleId, limaInstant('2026-12-09', 8));
  expect(result.outcome).toBe('sent');
  const mail = await stack.smtp.waitFor((m) => m.subject.startsWith('Entrega de turno 09/12/2026 08:00'));
  expect(mail.to.sort()).toEqual([STAFF.titular, STAFF.seguimiento].sort()); // everyone on the day shift
  expect(mail.to).not.toContain(STAFF.night);
  const [due, open] = mail.text.split('ABIERTOS');
  expect(due).toContain(`${dueToday} · Importadora Andina S.A.C. · Emisión del borrador de la DAM vence 09/12/2026 11:00`);
  expect(due).toContain('Confirmar la cita de retiro al cliente» vence 09/12/2026 12:00');
  expect(due).not.toContain(dueTomorrow + ' · Importadora');
  expect(open).toContain(dueTomorrow);
  const [, did] = mail.text.split('LO QUE HIZO EL TURNO SALIENTE');
  expect(did).toContain(`09/12/2026 02:00 · nora.paredes · ${dueToday} · estado: documents_reviewed`);
  expect(did).toContain(`09/12/2026 03:00 · Nora Paredes · ${dueTomorrow} · dispatch.glosa`);
  expect(did).not.toContain('Jorge Salas');
  expect(mail.text).toContain('Turno saliente: Turno noche (Nora Paredes)');

  expect((await run(scheduleId, limaInstant('2026-12-09', 8))).outcome).toBe('already_sent');
});

test('Sunday 08:00: no shift starts, nothing is sent', async () => {
  expect((await run(uniqueId('shift-handover'), limaInstant('2026-12-06', 8))).outcome).toBe('no_shift_change');
});
