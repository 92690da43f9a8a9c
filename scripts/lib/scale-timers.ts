/**
 * Part (a) of `bench:scale`: many open dispatches, each with one pending timer, on one worker. Every dispatch is
 * opened with the Temporal client (as bench:api's direct path) under a client agreement that shortens its
 * document review to minutes, and its complete checklist is recorded as received at the opening instant, so its
 * only open deadline is the review and its only timed notice the "deadline missed" alert (domain/schedule.ts;
 * `reviewReminderBeforeMs: 0` puts the reminder on the deadline itself, where it is skipped as stale). The due
 * times are spread evenly over a window that starts after the load, so every timer is pending at once before
 * the first one fires. Lateness = the alert's arrival at the SMTP server minus its due time.
 */
import { performance } from 'node:perf_hooks';
import { getHeapStatistics } from 'node:v8';
import { requiredDocuments } from '../../domain/documents';
import { dispatchWorkflowId } from '../../domain/ids';
import { sampleDispatch } from '../../test/support/fixtures';
import { documentsReceived, getDispatch, type DispatchWorkflowInput } from '../../workflows/dispatch.messages';
import { historyFigures, historyRow } from './scale-history';
import { childPid, memoryOf, sampleMemory } from './scale-proc';
import { ascending, num, percentile, printTable } from './scale-stats';
import type { ThrowawayApi } from './throwaway-api';

export interface TimerOptions {
  count: number;
  concurrency: number;
  /** Seconds from the start of the load to the first due alert. */
  leadSeconds: number;
  /** The due times are spread evenly over this many seconds. */
  spreadSeconds: number;
  /** Epoch ms after which the part stops waiting and reports what it has. */
  giveUpAt: number;
  log: (m: string) => void;
}

// A due time never closer than this to the dispatch's opening (when the load runs behind the planned lead).
const MIN_REVIEW_MS = 30_000;
// Histories read for the size and lateness breakdown.
const SAMPLE = 40;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function benchTimers(stack: ThrowawayApi, o: TimerOptions): Promise<void> {
  const started = Date.now();
  const run = `S${started.toString(36).toUpperCase()}`;
  const workerPid = childPid((cmd) => cmd.includes('worker-process.ts'));
  if (!workerPid) throw new Error('worker process not found (throwaway-api with separateWorker: true)');
  const serverPid = childPid((cmd) => cmd.includes('server start-dev'));
  const rows: string[][] = [];
  const mem = (phase: string, worker?: number, server?: number) =>
    rows.push([phase, num(worker), serverPid ? num(server ?? memoryOf(serverPid)?.rssMiB) : '(external)']);
  const worker = sampleMemory(workerPid);
  const server = serverPid ? sampleMemory(serverPid) : undefined;
  mem('worker ready, idle', memoryOf(workerPid)?.rssMiB);

  const firstDue = started + o.leadSeconds * 1000;
  const dueOf = new Map<string, number>();
  let clamped = 0;
  const id = (i: number) => `${run}-${i}`;
  const openOne = async (i: number) => {
    const dispatch = sampleDispatch({ dispatchId: id(i), terminal: i % 3 === 0 ? 'DPWC' : 'APMTC', openedBy: 'bench.scale' });
    const openedAtMs = Date.now();
    const planned = firstDue + Math.floor((i * o.spreadSeconds * 1000) / o.count);
    const due = Math.max(planned, openedAtMs + MIN_REVIEW_MS);
    if (due > planned) clamped += 1;
    dueOf.set(dispatch.dispatchId, due);
    const openedAt = new Date(openedAtMs).toISOString();
    const input: DispatchWorkflowInput = { dispatch, openedAt, agreement: { policyOverrides: { documentReviewMs: due - openedAtMs, reviewReminderBeforeMs: 0 } } };
    const handle = await stack.temporal.workflow.start('dispatchWorkflow', {
      taskQueue: stack.config.TEMPORAL_TASK_QUEUE,
      workflowId: dispatchWorkflowId(dispatch.dispatchId),
      args: [input],
      workflowIdReusePolicy: 'REJECT_DUPLICATE',
    });
    await handle.executeUpdate(documentsReceived, { args: [{ documents: requiredDocuments(dispatch), actor: 'bench.scale', occurredAt: openedAt }] });
  };

  o.log(`opening ${o.count} dispatches (${o.concurrency} in flight); alerts due from +${o.leadSeconds} s over ${o.spreadSeconds} s`);
  let next = 0;
  const loadStart = performance.now();
  await Promise.all(
    Array.from({ length: o.concurrency }, async () => {
      for (let i = next++; i < o.count && Date.now() < o.giveUpAt; i = next++) await openOne(i);
    }),
  );
  const opened = dueOf.size;
  const loadSeconds = (performance.now() - loadStart) / 1000;
  o.log(`opened ${opened} in ${num(loadSeconds)} s (${num(opened / loadSeconds)} dispatches/s, ${clamped} due times pushed back)`);

  const mine = { dispatchId: { startsWith: `${run}-` } };
  const count = (kind: string) => stack.prisma.emailSent.count({ where: { ...mine, kind } });
  const waitFor = async (kind: string, until: number) => {
    while ((await count(kind)) < opened && Date.now() < until) await sleep(2000);
    return count(kind);
  };
  const acks = await waitFor('acknowledgement', o.giveUpAt);
  mem('load (peak)', worker.takePhasePeak(), server?.takePhasePeak());
  o.log(`${acks} acknowledgements sent; ${num((firstDue - Date.now()) / 1000, 0)} s until the first alert is due`);

  // The workflow's own deadline must be the one computed here: check a few through the query.
  const sample = [0, Math.floor(opened / 2), opened - 1].filter((i, k, all) => i >= 0 && all.indexOf(i) === k);
  for (const i of sample) {
    const view = await stack.temporal.workflow.getHandle(dispatchWorkflowId(id(i))).query(getDispatch);
    const dueAt = view.deadlines.find((d) => d.clock === 'document_review')?.dueAt;
    if (Date.parse(dueAt ?? '') !== dueOf.get(id(i))) throw new Error(`${id(i)}: getDispatch says review due ${dueAt}, expected ${new Date(dueOf.get(id(i))!).toISOString()}`);
  }
  if (Date.now() < firstDue - 5000) await sleep(firstDue - 5000 - Date.now());
  mem(`${opened} timers pending, at rest`, memoryOf(workerPid)?.rssMiB);
  worker.takePhasePeak();
  server?.takePhasePeak();

  const lastDue = Math.max(...dueOf.values());
  const alerts = await waitFor('deadline_missed', Math.min(o.giveUpAt, lastDue + 600_000));
  mem('alerts firing (peak)', worker.takePhasePeak(), server?.takePhasePeak());
  await sleep(Math.min(15_000, Math.max(0, o.giveUpAt - Date.now())));
  mem('after the alerts, at rest', memoryOf(workerPid)?.rssMiB);
  mem('kernel high-water mark (VmHWM)', memoryOf(workerPid)?.peakMiB, serverPid ? memoryOf(serverPid)?.peakMiB : undefined);
  worker.stop();
  server?.stop();

  const sent = await stack.prisma.emailSent.findMany({ where: { ...mine, kind: 'deadline_missed' }, select: { dispatchId: true, sentAt: true } });
  const lateness = ascending(sent.map((e) => e.sentAt.getTime() - dueOf.get(e.dispatchId!)!));
  const picks = [...new Set(Array.from({ length: Math.min(SAMPLE, opened) }, (_, k) => Math.floor((k * opened) / Math.min(SAMPLE, opened))))];
  const h = await historyFigures(stack.temporal, picks.map(id), (dispatchId) => dueOf.get(dispatchId)!);
  const partSeconds = (Date.now() - started) / 1000;
  await terminateAll(stack, opened, id, o.concurrency);

  console.log(`\n(a) ${opened} open dispatches with one pending timer each, one worker (of ${o.count} asked; load ${num(loadSeconds)} s at ${num(opened / loadSeconds)}/s, ${o.concurrency} in flight)`);
  console.log(`    alerts due ${new Date(firstDue).toISOString()} … ${new Date(lastDue).toISOString()} (${num(opened / o.spreadSeconds)}/s); ${clamped} due times pushed back because the load ran late`);
  console.log(`    worker cache: maxCachedWorkflows ${defaultCacheSize()} (the SDK default for this V8 heap limit)\n`);
  printTable(['memory', 'worker RSS MiB', 'dev server RSS MiB'], rows);
  console.log('');
  printTable(
    ['alert lateness (arrival at SMTP − due)', 'arrived', 'p50 ms', 'p95 ms', 'p99 ms', 'max ms'],
    [['deadline missed (executive + supervisors)', `${alerts}/${opened}`, ...[50, 95, 99, 100].map((p) => num(percentile(lateness, p), 0))]],
  );
  console.log(`    where it goes (${h.workflows} sampled histories), each stage from the one before:`);
  printTable(['  stage', 'p50 ms', 'p95 ms'], h.stages.map((st) => [`  ${st.name}`, num(st.p50, 0), num(st.p95, 0)]));
  console.log('');
  printTable(['history (sampled)', 'workflows', 'events min', 'events max', 'bytes median', 'bytes max'], [historyRow(h)]);
  console.log(`    one history by kind: ${h.breakdown}`);
  console.log(`    part (a) took ${num(partSeconds, 0)} s`);
}

/** Terminates the part's workflows, many at a time (the stack's own clean-up goes one by one). */
async function terminateAll(stack: ThrowawayApi, opened: number, id: (i: number) => string, concurrency: number): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      for (let i = next++; i < opened; i = next++) {
        await stack.temporal.workflow.getHandle(dispatchWorkflowId(id(i))).terminate('bench:scale done').catch(() => undefined);
      }
    }),
  );
}

/** The SDK's default sticky-cache size for a worker with this V8 heap limit (reuseV8Context, SDK 1.24). */
function defaultCacheSize(): number {
  const heapMiB = getHeapStatistics().heap_size_limit / 2 ** 20;
  return Math.max(Math.floor((Math.max(heapMiB - 200, 0) * 600) / 1024), 10);
}
