/** Complaint / cost contingency: the supervisor is informed within 24 business hours (Peruvian calendar). */
import { calendarChanged, getDispatch, logComplaint, complaintReported } from '../../workflows/dispatch.messages';
import { createPrismaRecordStore } from '../../activities/records';
import { sampleDispatch, startDispatch } from '../support/fixtures';
import { startTimeSkippingStack, type TimeSkippingStack } from '../support/timeskipping';
import { addDays, fridayBeforeHolidayWeek, limaInstant, mondayOfPlainWeek, naiveAddBusinessMinutes } from '../support/lima-time';

jest.setTimeout(120_000);

let stack: TimeSkippingStack;
beforeAll(async () => {
  stack = await startTimeSkippingStack('complaint');
});
afterAll(() => stack?.close());

async function sleepUntil(instant: Date): Promise<void> {
  const now = await stack.env.currentTimeMs();
  if (instant.getTime() > now) await stack.env.sleep(instant.getTime() - now);
}

const escalations = (id: string) =>
  stack.smtp.received.filter((m) => m.subject === `[${id}] Reclamo/contingencia pendiente de informe al supervisor`);

test('a complaint logged on Friday afternoon escalates after the weekend and the holidays, not before', async () => {
  const now = new Date(await stack.env.currentTimeMs());
  const { friday, holidays } = fridayBeforeHolidayWeek(now);
  const loggedAt = limaInstant(friday, 15);
  const expectedDue = naiveAddBusinessMinutes(loggedAt, 24 * 60, holidays);

  const d = sampleDispatch();
  const handle = await startDispatch(stack.client, stack.config.TEMPORAL_TASK_QUEUE, d);
  await sleepUntil(loggedAt);
  const view = await handle.executeUpdate(logComplaint, {
    args: [{ actor: 'esc', category: 'demurrage', description: 'Sobreestadía de contenedor por demora del cliente', occurredAt: loggedAt.toISOString() }],
  });
  expect(view.deadlines.find((x) => x.clock === 'complaint_escalation')?.dueAt).toBe(expectedDue.toISOString());

  await sleepUntil(new Date(expectedDue.getTime() - 30 * 60_000));
  expect(escalations(d.dispatchId)).toHaveLength(0);

  await sleepUntil(new Date(expectedDue.getTime() + 60_000));
  const mail = await stack.smtp.waitFor((m) => escalations(d.dispatchId).includes(m));
  expect(mail.to).toEqual(expect.arrayContaining(['supervision@agencia.example.pe', 'jorge.salas@agencia.example.pe']));
  expect(mail.text).toContain('demurrage');
  await stack.env.sleep('2 days');
  expect(escalations(d.dispatchId)).toHaveLength(1);
});

test('a complaint reported to the supervisor in time is not escalated', async () => {
  const d = sampleDispatch();
  const handle = await startDispatch(stack.client, stack.config.TEMPORAL_TASK_QUEUE, d);
  const view = await handle.executeUpdate(logComplaint, { args: [{ actor: 'esc', category: 'complaint', description: 'El cliente reclama por demora en el aviso' }] });
  const complaintId = view.complaints[0]!.id;
  await stack.env.sleep('3 hours');
  await handle.executeUpdate(complaintReported, { args: [{ actor: 'esc', complaintId }] });
  await stack.env.sleep('10 days');
  expect(escalations(d.dispatchId)).toHaveLength(0);
  expect((await handle.query(getDispatch)).deadlines.some((x) => x.clock === 'complaint_escalation')).toBe(false);
});

test('a non-working day decreed at short notice moves an open escalation deadline by one business day', async () => {
  const now = new Date(await stack.env.currentTimeMs());
  const { monday } = mondayOfPlainWeek(now);
  const loggedAt = limaInstant(monday, 10);
  const d = sampleDispatch();
  const handle = await startDispatch(stack.client, stack.config.TEMPORAL_TASK_QUEUE, d);
  await sleepUntil(loggedAt);
  const before = await handle.executeUpdate(logComplaint, { args: [{ actor: 'esc', category: 'storage', description: 'Almacenaje adicional en el terminal', occurredAt: loggedAt.toISOString() }] });
  const wednesday = addDays(monday, 2);
  const thursday = addDays(monday, 3);
  expect(before.deadlines.find((x) => x.clock === 'complaint_escalation')?.dueAt).toBe(limaInstant(wednesday, 16).toISOString());

  // Decreed on Monday afternoon: Tuesday becomes a non-working day.
  await createPrismaRecordStore(stack.prisma).add({ country: 'PE', date: addDays(monday, 1), reason: 'Día no laborable decretado', createdBy: 'supervisor' });
  await handle.signal(calendarChanged);
  const replanned = limaInstant(thursday, 16).toISOString();
  await waitForDeadline(handle, replanned);

  await sleepUntil(limaInstant(wednesday, 17));
  expect(escalations(d.dispatchId)).toHaveLength(0);
  await sleepUntil(limaInstant(thursday, 16, 5));
  await stack.smtp.waitFor((m) => escalations(d.dispatchId).includes(m));
});

async function waitForDeadline(handle: Awaited<ReturnType<typeof startDispatch>>, dueAt: string): Promise<void> {
  for (let i = 0; i < 100; i++) {
    const view = await handle.query(getDispatch);
    if (view.deadlines.find((x) => x.clock === 'complaint_escalation')?.dueAt === dueAt) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`the escalation deadline was not re-planned to ${dueAt}`);
}
