/**
 * A written agreement with a due date is a clock (seed 2.1.9): on the time-skipping server, missed it reminds the
 * executive on duty and then alerts the executive and the functional boss of its matter (a terminal's agreement:
 * Seguimiento, not Servicio al Cliente); fulfilled, its clock ends and nothing is sent, checked past the due time.
 */
import { createPrismaPeopleRecords } from '../../../activities/people';
import { messageIdFor } from '../../../activities/email/email.activities';
import { AGREEMENT_REMINDER_BEFORE_MS, agreementClockWorkflowId, type AgreementClockInput } from '../../../domain/people';
import type { agreementClockWorkflow } from '../../../workflows';
import { agreementFulfilled } from '../../../workflows/people/people.messages';
import { uniqueId } from '../../support/env';
import { startTimeSkippingStack, type TimeSkippingStack } from '../../support/timeskipping';
import { seedDirectory, seedReadModelDispatch, STAFF } from './people-seed';

jest.setTimeout(120_000);

const HOUR = 3_600_000;
let stack: TimeSkippingStack;
const dispatchId = uniqueId('DSP').toUpperCase();

beforeAll(async () => {
  stack = await startTimeSkippingStack('agreements');
  await seedDirectory(stack.prisma);
  await seedReadModelDispatch(stack.prisma, dispatchId);
});
afterAll(() => stack?.close());

async function recordAgreement(content: string, dueInMs: number) {
  const now = await stack.env.currentTimeMs();
  const agreement = await createPrismaPeopleRecords(stack.prisma).createAgreement({
    dispatchId, source: 'terminal', agreedWith: 'Carlos Díaz (APMTC, atención al cliente)', agreedAt: new Date(now).toISOString(), content, channel: 'mail',
    reference: '<cita-123@apmterminals.example>', matter: 'tracking', dueAt: new Date(now + dueInMs).toISOString(), recordedBy: 'jorge.salas',
  });
  const input: AgreementClockInput = { agreementId: agreement.id, dispatchId, dueAt: agreement.dueAt!, reminderBeforeMs: AGREEMENT_REMINDER_BEFORE_MS };
  const handle = await stack.client.workflow.start<typeof agreementClockWorkflow>('agreementClockWorkflow', {
    taskQueue: stack.config.TEMPORAL_TASK_QUEUE, workflowId: agreementClockWorkflowId(agreement.id), args: [input],
  });
  return { agreement, handle };
}

test('a missed agreement: reminder to the executive on duty, then alert to the executive and the Supervisora de Seguimiento', async () => {
  const content = `Reprogramar la cita de retiro ${uniqueId('cita')}`;
  const { agreement, handle } = await recordAgreement(content, 5 * HOUR);
  const result = await handle.result();
  expect(result.outcome).toBe('missed');
  expect(result.state.alerted).toEqual(['reminder', 'missed']);

  const mails = stack.smtp.received.filter((m) => m.text.includes(content));
  const reminder = mails.find((m) => m.subject === `[${dispatchId}] Recordatorio: acuerdo por cumplir`)!;
  const alert = mails.find((m) => m.subject === `[${dispatchId}] ALERTA: acuerdo incumplido`)!;
  expect(reminder.to).toHaveLength(1);
  expect([STAFF.titular, STAFF.night]).toContain(reminder.to[0]);
  expect(alert.to).toEqual(expect.arrayContaining([STAFF.seguimiento]));
  expect(alert.to).not.toContain(STAFF.jefeServicio);
  expect(alert.to).not.toContain(STAFF.jefeProduccion);
  expect(alert.text).toContain('Carlos Díaz (APMTC, atención al cliente)');
  expect((await stack.prisma.dispatchAgreement.findUniqueOrThrow({ where: { id: agreement.id } })).status).toBe('missed');
});

test('a fulfilled agreement: its clock ends, and past the due time nothing was sent', async () => {
  const content = `Enviar la factura corregida ${uniqueId('factura')}`;
  const { agreement, handle } = await recordAgreement(content, 5 * HOUR);
  await stack.env.sleep(HOUR);
  const at = new Date(await stack.env.currentTimeMs()).toISOString();
  await createPrismaPeopleRecords(stack.prisma).setAgreementStatus(agreement.id, 'fulfilled', { at, by: 'jorge.salas' });
  await handle.signal(agreementFulfilled, { at, by: 'jorge.salas' });
  const result = await handle.result();
  expect(result.outcome).toBe('fulfilled');
  expect(result.state.alerted).toEqual([]);

  await stack.env.sleep(10 * HOUR);
  expect(await stack.env.currentTimeMs()).toBeGreaterThan(Date.parse(agreement.dueAt!));
  const workflowId = agreementClockWorkflowId(agreement.id);
  for (const stage of ['reminder', 'missed']) {
    expect(await stack.prisma.emailSent.findUnique({ where: { messageId: messageIdFor(`${workflowId}/${stage}`) } })).toBeNull();
  }
  expect(stack.smtp.received.filter((m) => m.text.includes(content))).toEqual([]);
  expect((await stack.prisma.dispatchAgreement.findUniqueOrThrow({ where: { id: agreement.id } })).status).toBe('fulfilled');
});
