/**
 * Temporary admission (regime 20): reminders 90/60/30/7 days before the 18-month expiry, counted from the
 * levante; the dispatch closes operationally long before, and its waiting runs stay short (continue-as-new).
 */
import { closeDispatch, getDispatch, regimeConcluded } from '../../workflows/dispatch.messages';
import { sampleDispatch, startDispatch } from '../support/fixtures';
import { toLevante, withdrawAndReturn } from '../support/drive';
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
  expect(Date.parse(expiry.dueAt) - Date.parse(released.milestones.levanteAt!)).toBe(548 * DAY);
  await withdrawAndReturn(handle);
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
  expect(reminders(d.dispatchId)).toHaveLength(4);
  await handle.result(); // nothing left to wait for: the workflow completes
});

test('concluding the regime stops the reminders', async () => {
  const d = sampleDispatch({ regime: '70' });
  const handle = await startDispatch(stack.client, stack.config.TEMPORAL_TASK_QUEUE, d);
  await toLevante(handle);
  await stack.env.sleep('100 days');
  const view = await handle.executeUpdate(regimeConcluded, { args: [{ actor: 'esc' }] });
  expect(view.deadlines.some((x) => x.clock === 'regime_expiry')).toBe(false);
  await stack.env.sleep('400 days');
  expect(stack.smtp.received.filter((m) => m.subject.startsWith(`[${d.dispatchId}] El régimen 70 vence`))).toHaveLength(0);
});
