/**
 * Temporary admission (regime 20): reminders 90/60/30/7 days before the 18-month expiry, counted from the
 * levante; the dispatch closes operationally long before, and its waiting runs stay short (continue-as-new).
 */
import * as m from '../../workflows/dispatch.messages';
import { closeDispatch, getDispatch, regimeConcluded } from '../../workflows/dispatch.messages';
import { sampleDispatch, startDispatch } from '../support/fixtures';
import { receiveAllDocuments, toLevante, withdrawAndReturn, deliverOriginals } from '../support/drive';
import { awaitLaterEscalation } from '../support/later-notice';
import { startTimeSkippingStack, type TimeSkippingStack } from '../support/timeskipping';

jest.setTimeout(180_000);

let stack: TimeSkippingStack;
beforeAll(async () => {
  stack = await startTimeSkippingStack('expiry');
});
afterAll(() => stack?.close());

const DAY = 86_400_000;
const reminders = (id: string) => stack.smtp.received.filter((m) => m.subject.startsWith(`[${id}] El régimen 20 vence en`));

test('reminders at 90, 60, 30 and 7 days before expiry reach client and executive, each once, in short runs', async () => {
  const d = sampleDispatch({ regime: '20' });
  const handle = await startDispatch(stack.client, stack.config.TEMPORAL_TASK_QUEUE, d);
  const released = await toLevante(handle);
  const expiry = released.deadlines.find((x) => x.clock === 'regime_expiry')!;
  // 18 calendar months after the levante, same Lima date and time (today's day exists in every month up to 28).
  const lima = new Date(Date.parse(released.milestones.levanteAt!) - 5 * 3_600_000);
  const sameDay18MonthsLater = Date.UTC(lima.getUTCFullYear() + 1, lima.getUTCMonth() + 6, lima.getUTCDate(), lima.getUTCHours(), lima.getUTCMinutes(), lima.getUTCSeconds(), lima.getUTCMilliseconds()) + 5 * 3_600_000;
  if (lima.getUTCDate() <= 28) expect(Date.parse(expiry.dueAt)).toBe(sameDay18MonthsLater);
  await withdrawAndReturn(handle);
  await deliverOriginals(handle); // closing waits for the originals in the Archive (money-clocks-2026-12)
  const closed = await handle.executeUpdate(closeDispatch, { args: [{ actor: 'esc' }] });
  expect(closed.status).toBe('closed');
  const firstRunId = (await handle.describe()).runId;

  const now = await stack.env.currentTimeMs();
  await stack.env.sleep(Date.parse(expiry.dueAt) - 91 * DAY - now);
  expect(reminders(d.dispatchId)).toHaveLength(0);
  for (const days of [90, 60, 30, 7]) {
    const t = await stack.env.currentTimeMs();
    await stack.env.sleep(Date.parse(expiry.dueAt) - days * DAY - t + 60_000);
    await stack.smtp.waitFor((m) => m.subject === `[${d.dispatchId}] El régimen 20 vence en ${days} días`);
  }
  expect(reminders(d.dispatchId).map((m) => m.to.sort())).toEqual(
    Array(4).fill(['jorge.salas@agencia.example.pe', 'lucia.ramos@andina.example.pe']),
  );

  const latest = await handle.describe();
  expect(latest.runId).not.toBe(firstRunId);
  const history = await handle.fetchHistory();
  expect(history.events?.length).toBeLessThan(60);
  expect((await handle.query(getDispatch)).status).toBe('closed');

  await stack.env.sleep('10 days');
  await handle.result(); // nothing left to wait for: the workflow completes, so no reminder can still come
  expect(reminders(d.dispatchId)).toHaveLength(4);
});

test('concluding the regime stops the reminders', async () => {
  const d = sampleDispatch({ regime: '70' });
  const handle = await startDispatch(stack.client, stack.config.TEMPORAL_TASK_QUEUE, d);
  const released = await toLevante(handle);
  const expiry = Date.parse(released.deadlines.find((x) => x.clock === 'regime_expiry')!.dueAt);
  await stack.env.sleep('100 days');
  const view = await handle.executeUpdate(regimeConcluded, { args: [{ actor: 'esc' }] });
  expect(view.deadlines.some((x) => x.clock === 'regime_expiry')).toBe(false);
  await stack.env.sleep('400 days');
  // Past the expiry itself (so past every reminder before it), and the same clock loop has sent a later notice.
  expect(await stack.env.currentTimeMs()).toBeGreaterThan(expiry);
  await awaitLaterEscalation(stack, handle, d.dispatchId);
  expect(stack.smtp.received.filter((m) => m.subject.startsWith(`[${d.dispatchId}] El régimen 70 vence`))).toHaveLength(0);
});

test('levante on 31 August: the 18 months end on 29 February 2028 (leap year), reminded 90 days before', async () => {
  const d = sampleDispatch({ regime: '20' });
  const handle = await startDispatch(stack.client, stack.config.TEMPORAL_TASK_QUEUE, d);
  await receiveAllDocuments(handle);
  for (const def of [m.documentsReviewed, m.draftEmitted, m.draftApproved]) await handle.executeUpdate(def, { args: [{ actor: 'esc' }] });
  await handle.executeUpdate(m.damNumbered, { args: [{ actor: 'esc', damNumber: '118-2026-20-000831' }] });
  await handle.executeUpdate(m.channelAssigned, { args: [{ actor: 'esc', channel: 'verde' }] });
  const released = await handle.executeUpdate(m.levanteGranted, { args: [{ actor: 'esc', occurredAt: '2026-08-31T10:00:00-05:00' }] });
  const expiry = released.deadlines.find((x) => x.clock === 'regime_expiry')!;
  expect(expiry.dueAt).toBe('2028-02-29T15:00:00.000Z'); // 29/02/2028 10:00 in Lima
  const ninetyBefore = Date.parse('2027-12-01T15:00:00.000Z');
  await stack.env.sleep(ninetyBefore - (await stack.env.currentTimeMs()) - 60_000);
  expect(reminders(d.dispatchId)).toHaveLength(0); // one minute before the 90-day reminder
  await stack.env.sleep(120_000);
  const reminder = await stack.smtp.waitFor((x) => x.subject === `[${d.dispatchId}] El régimen 20 vence en 90 días`);
  expect(reminder.text).toContain('29/02/2028');
  await handle.terminate('test over');
});
