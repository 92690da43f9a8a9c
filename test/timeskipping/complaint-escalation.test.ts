/**
 * Complaint / cost contingency: the supervisor is informed within "24 hrs. útiles" (Peruvian calendar), read by
 * default as 24 hours of business days (non-business days skipped); a client may agree office hours instead.
 */
import { calendarChanged, getDispatch, logComplaint, complaintReported } from '../../workflows/dispatch.messages';
import { createPrismaRecordStore } from '../../activities/records';
import { formatLima } from '../../activities/email/templates';
import { sampleDispatch, startDispatch } from '../support/fixtures';
import { startTimeSkippingStack, type TimeSkippingStack } from '../support/timeskipping';
import { awaitLaterEscalation, escalationSubject } from '../support/later-notice';
import { waitFor } from '../support/wait-for';
import { addDays, fridayBeforeHolidayWeek, fridayBeforePlainWeek, limaInstant, mondayOfPlainWeek, naiveAddBusinessDayMinutes } from '../support/lima-time';

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

/** Escalation emails of the dispatch, or only those about one complaint (by its description). */
const escalations = (id: string, description?: string) =>
  stack.smtp.received.filter((m) => m.subject === escalationSubject(id) && (!description || m.text.includes(description)));

test('a complaint logged on Friday afternoon escalates after the weekend and the holidays, not before', async () => {
  const now = new Date(await stack.env.currentTimeMs());
  const { friday, holidays } = fridayBeforeHolidayWeek(now);
  const loggedAt = limaInstant(friday, 15);
  const expectedDue = naiveAddBusinessDayMinutes(loggedAt, 24 * 60, holidays);

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
  await awaitLaterEscalation(stack, handle, d.dispatchId); // a notice due later: the clock loop is past any repeat
  expect(escalations(d.dispatchId, 'Sobreestadía de contenedor por demora del cliente')).toHaveLength(1);
});

test('a complaint reported to the supervisor in time is not escalated', async () => {
  const d = sampleDispatch();
  const handle = await startDispatch(stack.client, stack.config.TEMPORAL_TASK_QUEUE, d);
  const view = await handle.executeUpdate(logComplaint, { args: [{ actor: 'esc', category: 'complaint', description: 'El cliente reclama por demora en el aviso' }] });
  const complaintId = view.complaints[0]!.id;
  const due = Date.parse(view.deadlines.find((x) => x.clock === 'complaint_escalation')!.dueAt);
  await stack.env.sleep('3 hours');
  await handle.executeUpdate(complaintReported, { args: [{ actor: 'esc', complaintId }] });
  await stack.env.sleep('10 days');
  expect((await handle.query(getDispatch)).deadlines.some((x) => x.clock === 'complaint_escalation')).toBe(false);
  // Past the escalation's due time, and the same clock loop has sent a notice due later (another complaint's
  // escalation): this complaint's escalation would be here.
  expect(await stack.env.currentTimeMs()).toBeGreaterThan(due);
  await awaitLaterEscalation(stack, handle, d.dispatchId);
  expect(escalations(d.dispatchId, 'El cliente reclama por demora en el aviso')).toHaveLength(0);
});

test('a non-working day decreed at short notice moves an open escalation deadline by one business day', async () => {
  // Logged Monday 10:00: due Tuesday 10:00; Tuesday decreed non-working moves it to Wednesday 10:00.
  const now = new Date(await stack.env.currentTimeMs());
  const { monday } = mondayOfPlainWeek(now);
  const loggedAt = limaInstant(monday, 10);
  const d = sampleDispatch();
  const handle = await startDispatch(stack.client, stack.config.TEMPORAL_TASK_QUEUE, d);
  await sleepUntil(loggedAt);
  const before = await handle.executeUpdate(logComplaint, { args: [{ actor: 'esc', category: 'storage', description: 'Almacenaje adicional en el terminal', occurredAt: loggedAt.toISOString() }] });
  const tuesday = addDays(monday, 1);
  const wednesday = addDays(monday, 2);
  expect(before.deadlines.find((x) => x.clock === 'complaint_escalation')?.dueAt).toBe(limaInstant(tuesday, 10).toISOString());

  // Decreed on Monday afternoon: Tuesday becomes a non-working day.
  await createPrismaRecordStore(stack.prisma).add({ country: 'PE', date: addDays(monday, 1), reason: 'Día no laborable decretado', createdBy: 'supervisor' });
  await handle.signal(calendarChanged);
  const replanned = limaInstant(wednesday, 10).toISOString();
  await waitForDeadline(handle, replanned);

  await sleepUntil(limaInstant(tuesday, 11));
  expect(escalations(d.dispatchId)).toHaveLength(0);
  await sleepUntil(limaInstant(wednesday, 10, 5));
  const mail = await stack.smtp.waitFor((m) => escalations(d.dispatchId).includes(m));
  // The escalation that came is the one for Wednesday's deadline, and it is the only one: none went out at the
  // old Tuesday deadline (a later notice of the same clock has arrived since).
  expect(mail.text).toContain(`vence el ${formatLima(replanned)}`);
  expect(escalations(d.dispatchId)).toHaveLength(1);
});

async function waitForDeadline(handle: Awaited<ReturnType<typeof startDispatch>>, dueAt: string): Promise<void> {
  await waitFor(async () => (await handle.query(getDispatch)).deadlines.find((x) => x.clock === 'complaint_escalation')?.dueAt === dueAt, {
    timeout: 10_000,
    what: `the escalation deadline to be re-planned to ${dueAt}`,
  });
}

test('a complaint on Friday 17:00 before a Monday holiday is due Tuesday 17:00; a client on office hours, Thursday 16:00 for Tuesday 10:00', async () => {
  const now = new Date(await stack.env.currentTimeMs());
  const { friday } = fridayBeforePlainWeek(now);
  const monday = addDays(friday, 3);
  // The Monday after is a non-working day (decreed before the dispatch opens and loads its calendar).
  await createPrismaRecordStore(stack.prisma).add({ country: 'PE', date: monday, reason: 'Feriado de prueba', createdBy: 'supervisor' });
  const d = sampleDispatch();
  const handle = await startDispatch(stack.client, stack.config.TEMPORAL_TASK_QUEUE, d);
  const officeHours = sampleDispatch();
  const other = await startDispatch(stack.client, stack.config.TEMPORAL_TASK_QUEUE, officeHours, { policyOverrides: { complaintEscalationReading: 'office_hours' } });
  await sleepUntil(limaInstant(friday, 17));
  const view = await handle.executeUpdate(logComplaint, { args: [{ actor: 'esc', category: 'complaint', description: 'Reclamo del viernes por la tarde', occurredAt: limaInstant(friday, 17).toISOString() }] });
  expect(view.deadlines.find((x) => x.clock === 'complaint_escalation')?.dueAt).toBe(limaInstant(addDays(friday, 4), 17).toISOString());

  const tuesday = addDays(friday, 4);
  await sleepUntil(limaInstant(tuesday, 10));
  const option = await other.executeUpdate(logComplaint, { args: [{ actor: 'esc', category: 'complaint', description: 'Reclamo del martes', occurredAt: limaInstant(tuesday, 10).toISOString() }] });
  // Office hours: Tuesday 10:00 + 24 h of 09:00–18:00 = Thursday 16:00.
  expect(option.deadlines.find((x) => x.clock === 'complaint_escalation')?.dueAt).toBe(limaInstant(addDays(friday, 6), 16).toISOString());
  await handle.terminate('test over');
  await other.terminate('test over');
});
