/**
 * The worker process is killed (SIGKILL) while it is booking an appointment; another worker process takes over.
 * The dispatch completes, the terminal booked once, and no email went out twice. The booking is a local activity
 * (lean-history-2026-12): the workflow task that ran it dies with the worker, times out, and the new worker runs
 * the update again from its start, with the same idempotency key.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import * as m from '../../workflows/dispatch.messages';
import { startTestStack, type TestStack } from '../support/stack';
import { sampleDispatch, startDispatch } from '../support/fixtures';
import { toLevante } from '../support/drive';
import { bookingsFor, simulatorAdmin } from '../support/simulator-admin';
import { uniqueId } from '../support/env';
import { waitFor } from '../support/wait-for';

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
  // Mid-booking: the first worker's request waits 3 s at the terminal.
  await waitFor(async () => (await simulatorAdmin<{ delayed: { APMTC: number } }>(stack.simulatorUrl, '/_admin/faults')).delayed.APMTC === 1, {
    what: 'the first worker to send the booking request',
  });
  first.kill('SIGKILL');
  await simulatorAdmin(stack.simulatorUrl, '/_admin/faults', {});
  await startWorkerProcess();

  const view = await booking; // run again by the new worker once the dead worker's task timed out, same idempotency key
  expect(view.milestones.withdrawal.appointmentAt).toBeDefined();
  await handle.executeUpdate(m.pickupCoordinated, { args: [{ actor: 'op' }] });
  const delivered = await handle.executeUpdate(m.delivered, { args: [{ actor: 'op', receipt: { receivedBy: 'Almacén del cliente', documentRef: 'GR-001-0002' } }] });
  expect(delivered.status).toBe('delivered');

  expect(await bookingsFor(stack.simulatorUrl, d.bl, 'appointment')).toHaveLength(1);
  const history = await handle.fetchHistory();
  // One booking in the history too: the first worker's call never reached it (its task died with it).
  const bookings = history.events!.filter((e) => markerActivity(e) === 'requestAppointment');
  expect(bookings).toHaveLength(1);
  const subjects = stack.smtp.received.filter((x) => x.subject.startsWith(`[${d.dispatchId}]`)).map((x) => x.subject);
  expect(subjects).toEqual([`[${d.dispatchId}] Hemos recibido su despacho`]);
  const emails = await stack.prisma.emailSent.findMany({ where: { dispatchId: d.dispatchId } });
  expect(emails).toHaveLength(1);
});

/** The activity type a local-activity marker records ('' for other markers). */
function markerActivity(e: { markerRecordedEventAttributes?: { markerName?: string | null; details?: Record<string, { payloads?: { data?: Uint8Array | null }[] | null }> | null } | null }): string {
  const data = e.markerRecordedEventAttributes?.details?.data?.payloads?.[0]?.data;
  if (e.markerRecordedEventAttributes?.markerName !== 'core_local_activity' || !data) return '';
  return (JSON.parse(Buffer.from(data).toString('utf8')) as { activity_type?: string }).activity_type ?? '';
}
