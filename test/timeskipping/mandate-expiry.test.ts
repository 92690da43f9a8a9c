/**
 * Client mandate (poder) expiry reminders (seed 2.1.13) at their real durations on the time-skipping server:
 * 30 and 7 days before the expiry to the client's titular executive (their substitute while absent), re-planned
 * when a renewed mandate is recorded.
 */
import { createPrismaMandateStore } from '../../activities/mandates';
import { createPrismaRecordStore } from '../../activities/records';
import { mandateExpiryWorkflowId } from '../../domain/ids';
import type { mandateExpiryWorkflow } from '../../workflows';
import { getMandateReminders, mandateRenewed } from '../../workflows/mandates/mandate.messages';
import { uniqueId } from '../support/env';
import { startTimeSkippingStack, type TimeSkippingStack } from '../support/timeskipping';

jest.setTimeout(120_000);

let stack: TimeSkippingStack;
beforeAll(async () => {
  stack = await startTimeSkippingStack('mandates');
});
afterAll(() => stack?.close());

const DAY = 86_400_000;
const uniqueRuc = () => `20${String(Math.floor(Math.random() * 1e9)).padStart(9, '0')}`;

/** A client with a titular executive in the staff directory (and, optionally, a substitute). */
async function clientWithExecutive(ruc: string) {
  const executive = uniqueId('esc').toLowerCase();
  const substitute = uniqueId('sub').toLowerCase();
  const person = (username: string, name: string) => ({ username, name, email: `${username}@agencia.example.pe`, position: 'esc', shiftId: null, active: true, updatedBy: 'test' });
  await stack.prisma.staffMember.createMany({ data: [person(executive, 'Jorge Salas'), person(substitute, 'Rosa Quispe')] });
  await stack.prisma.clientServiceAssignment.create({ data: { clientRuc: ruc, executiveUsername: executive, updatedBy: 'test' } });
  await createPrismaRecordStore(stack.prisma).upsertClient({ ruc, name: 'Agroexportadora del Sur S.A.C.', contacts: [], statusReportRecipients: [], statusReportSchedule: null, deadlineOverrides: {}, extraRequiredDocuments: [] });
  return { executive: `${executive}@agencia.example.pe`, substitute: `${substitute}@agencia.example.pe`, executiveUsername: executive, substituteUsername: substitute };
}

async function startReminders(ruc: string, expiresAt: string) {
  return stack.client.workflow.start<typeof mandateExpiryWorkflow>('mandateExpiryWorkflow', {
    taskQueue: stack.config.TEMPORAL_TASK_QUEUE,
    workflowId: mandateExpiryWorkflowId(ruc),
    args: [{ clientRuc: ruc, expiresAt, reminderDays: [30, 7] }],
  });
}

const mandateMails = (ruc: string) => stack.smtp.received.filter((m) => m.subject.includes(`(RUC ${ruc})`));

test('reminder 30 days before to the titular executive; a renewal re-plans, the old 7-day reminder never goes out', async () => {
  const ruc = uniqueRuc();
  const people = await clientWithExecutive(ruc);
  const now = await stack.env.currentTimeMs();
  const expiresAt = new Date(now + 40 * DAY).toISOString();
  const mandates = createPrismaMandateStore(stack.prisma);
  await mandates.record({ clientRuc: ruc, grantedAt: new Date(now - 325 * DAY).toISOString(), expiresAt, reference: 'MAND-2025-0001', recordedBy: 'test' });
  const h = await startReminders(ruc, expiresAt);

  await stack.env.sleep(10 * DAY - 3_600_000);
  expect(mandateMails(ruc)).toEqual([]);
  await stack.env.sleep(2 * 3_600_000);
  const first = await stack.smtp.waitFor((m) => m.subject === `Mandato electrónico de Agroexportadora del Sur S.A.C. (RUC ${ruc}) vence en 30 días`);
  expect(first.to).toEqual([people.executive]);
  expect(first.text).toContain('referencia MAND-2025-0001');

  // Renewed for a year: the reminders follow the new expiry.
  const renewedExpiry = new Date(Date.parse(expiresAt) + 365 * DAY).toISOString();
  await mandates.record({ clientRuc: ruc, grantedAt: new Date(now + 11 * DAY).toISOString(), expiresAt: renewedExpiry, reference: 'MAND-2026-0002', recordedBy: 'test' });
  await h.signal(mandateRenewed, { expiresAt: renewedExpiry });
  // Past the old 7-day reminder and the old expiry; the next reminder of the same workflow is the new 30-day one.
  await stack.env.sleep(Date.parse(renewedExpiry) - 30 * DAY + 3_600_000 - (await stack.env.currentTimeMs()));
  const next = await stack.smtp.waitFor((m) => m.subject.includes(`(RUC ${ruc}) vence en 30 días`) && m.text.includes('MAND-2026-0002'));
  expect(next.to).toEqual([people.executive]);
  expect(mandateMails(ruc).map((m) => /vence en \d+ días$/.exec(m.subject)?.[0])).toEqual(['vence en 30 días', 'vence en 30 días']);
  const state = await h.query(getMandateReminders);
  expect(state.expiresAt).toBe(renewedExpiry);
  expect(state.sent.map((s) => s.key)).toEqual([`${expiresAt}/30d`, `${renewedExpiry}/30d`]);
});

test('a mandate recorded 10 days before it expires: the overdue reminder at once, then the 7-day one, to the substitute while the executive is absent', async () => {
  const ruc = uniqueRuc();
  const people = await clientWithExecutive(ruc);
  const now = await stack.env.currentTimeMs();
  const expiresAt = new Date(now + 10 * DAY).toISOString();
  await createPrismaMandateStore(stack.prisma).record({ clientRuc: ruc, grantedAt: new Date(now - 355 * DAY).toISOString(), expiresAt, reference: 'MAND-2025-0077', recordedBy: 'test' });
  await stack.prisma.staffAbsence.create({
    data: { username: people.executiveUsername, substituteUsername: people.substituteUsername, startsAt: new Date(now), endsAt: new Date(now + 20 * DAY), reason: 'Vacaciones', createdBy: 'test' },
  });
  const h = await startReminders(ruc, expiresAt);
  const atOnce = await stack.smtp.waitFor((m) => m.subject.includes(`(RUC ${ruc}) vence en 10 días`));
  expect(atOnce.to).toEqual([people.substitute]);
  await stack.env.sleep(3 * DAY - 3_600_000);
  expect(mandateMails(ruc)).toHaveLength(1);
  await stack.env.sleep(2 * 3_600_000);
  const reminder = await stack.smtp.waitFor((m) => m.subject.includes(`(RUC ${ruc}) vence en 7 días`));
  expect(reminder.to).toEqual([people.substitute]);
  const state = await h.result();
  expect(state.sent).toEqual([{ key: `${expiresAt}/30d`, to: [people.substitute] }, { key: `${expiresAt}/7d`, to: [people.substitute] }]);
  expect(mandateMails(ruc)).toHaveLength(2);
});
