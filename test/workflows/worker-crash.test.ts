/**
 * The worker process is killed (SIGKILL) while it is booking an appointment; another worker process takes over.
 * The dispatch completes, the terminal booked once, and no email went out twice.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import * as m from '../../workflows/dispatch.messages';
import { startTestStack, type TestStack } from '../support/stack';
import { sampleDispatch, startDispatch } from '../support/fixtures';
import { toLevante } from '../support/drive';
import { bookingsFor, simulatorAdmin } from '../support/simulator-admin';
import { uniqueId } from '../support/env';
import { waitForPendingActivity } from '../support/wait-for';

jest.setTimeout(180_000);

let stack: TestStack;
let taskQueue: string;
const children: ChildProcess[] = [];

beforeAll(async () => {
  stack = await startTestStack('crash');
  await stack.worker.shutdown(); // this test runs its workers as separate processes on their own queue
  taskQueue = uniqueId('crash-process');
});
afterAll(async () => {
  children.forEach((c) => c.exitCode === null && c.kill('SIGKILL'));
  await stack?.close();
});

// One process (node --import tsx), so SIGKILL kills the worker itself and not only a launcher.
function startWorkerProcess(): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'workers/main.ts'], {
    env: { ...process.env, ...stringEnv(stack.config), TEMPORAL_TASK_QUEUE: taskQueue },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  return new Promise((resolve, reject) => {
    let output = '';
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('Levante worker polling')) resolve(child);
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => reject(new Error(`worker exited early (${code}): ${output}`)));
  });
}

function stringEnv(config: Record<string, unknown>): Record<string, string> {
  return Object.fromEntries(Object.entries(config).filter(([, v]) => v !== undefined).map(([k, v]) => [k, String(v)]));
}

test('SIGKILL mid-booking, then a new worker: one booking, the dispatch goes on, no duplicate email', async () => {
  const first = await startWorkerProcess();
  const d = sampleDispatch({ terminal: 'APMTC' });
  const handle = await startDispatch(stack.client, taskQueue, d);
  await toLevante(handle);
  await handle.executeUpdate(m.requestProforma, { args: [{ actor: 'op' }] });
  await handle.executeUpdate(m.requestLiquidation, { args: [{ actor: 'op' }] });

  await simulatorAdmin(stack.simulatorUrl, '/_admin/faults', { terminal: 'APMTC', latencyMs: 3000 });
  const booking = handle.executeUpdate(m.bookAppointment, { args: [{ actor: 'op', date: '2026-12-21' }] });
  // Mid-booking: the first worker has started the booking activity (its request waits 3 s at the terminal).
  const inFlight = await waitForPendingActivity(handle, 'requestAppointment', { started: true, what: 'the first worker to start the booking' });
  expect(inFlight.attempt).toBe(1);
  first.kill('SIGKILL');
  await simulatorAdmin(stack.simulatorUrl, '/_admin/faults', {});
  await startWorkerProcess();

  const view = await booking; // retried by the new worker after the start-to-close timeout, same idempotency key
  expect(view.milestones.withdrawal.appointmentAt).toBeDefined();
  await handle.executeUpdate(m.pickupCoordinated, { args: [{ actor: 'op' }] });
  const delivered = await handle.executeUpdate(m.delivered, { args: [{ actor: 'op', receipt: { receivedBy: 'Almacén del cliente', documentRef: 'GR-001-0002' } }] });
  expect(delivered.status).toBe('delivered');

  expect(await bookingsFor(stack.simulatorUrl, d.bl, 'appointment')).toHaveLength(1);
  const history = await handle.fetchHistory();
  const scheduled = history.events!.find((e) => e.activityTaskScheduledEventAttributes?.activityType?.name === 'requestAppointment');
  const started = history.events!.find((e) => e.activityTaskStartedEventAttributes?.scheduledEventId?.toString() === scheduled!.eventId!.toString());
  expect(started!.activityTaskStartedEventAttributes!.attempt).toBeGreaterThanOrEqual(2); // the first attempt died with the worker
  const subjects = stack.smtp.received.filter((x) => x.subject.startsWith(`[${d.dispatchId}]`)).map((x) => x.subject);
  expect(subjects).toEqual([`[${d.dispatchId}] Hemos recibido su despacho`]);
  const emails = await stack.prisma.emailSent.findMany({ where: { dispatchId: d.dispatchId } });
  expect(emails).toHaveLength(1);
});
