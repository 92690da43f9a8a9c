/**
 * `npm run bench:api`: what the HTTP API costs on top of Temporal. On one throwaway stack (scripts/lib/throwaway-api.ts),
 * it opens BENCH_COUNT dispatches (default 200, BENCH_CONCURRENCY in flight, default 10) through the API and the same
 * number directly with the Temporal client, then records one operator action (`documents-received`, an Update) on
 * each, again both ways, in BENCH_ROUNDS interleaved slices (default 4). Prints p50/p99 latency and throughput per path and the API/direct ratios, then drives one
 * complete dispatch per business path and prints how many history events it wrote. The worker and the API run
 * in processes of their own, as with `npm start`, so the measuring client shares an event loop with neither.
 * Bounded: counts are fixed and the run aborts after BENCH_MAX_SECONDS (default 600). Loopback only.
 */
import { Agent, request } from 'node:http';
import { performance } from 'node:perf_hooks';
import { sampleDispatch } from '../test/support/fixtures';
import type { DispatchInput } from '../domain/dispatch';
import { dispatchWorkflowId } from '../domain/ids';
import { agreementOf, startDispatchWorkflow } from '../api/routes/dispatches/dispatch-start';
import { documentsReceived } from '../workflows/dispatch.messages';
import { startThrowawayApi } from './lib/throwaway-api';
import { historySizes } from './lib/history-sizes';

const COUNT = Number(process.env.BENCH_COUNT ?? 200);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 10);
const MAX_SECONDS = Number(process.env.BENCH_MAX_SECONDS ?? 600);
const WARMUP = 5;
/** Slices per row, alternating which path goes first (BENCH_ROUNDS, default 4). */
const ROUNDS = Math.max(1, Number(process.env.BENCH_ROUNDS ?? 4));
const log = (m: string) => console.log(`[bench:api] ${m}`);

interface Figures {
  name: string;
  p50: number;
  p99: number;
  throughput: number;
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;

/** Latencies and busy time of one row, gathered over its rounds. */
interface Sample {
  latencies: number[];
  seconds: number;
}

/** Runs `op` for from..to-1 with `concurrency` in flight, adding to `sample`; every call must succeed. */
async function measure(sample: Sample, from: number, to: number, op: (i: number) => Promise<void>): Promise<void> {
  let next = from;
  const started = performance.now();
  const worker = async () => {
    for (let i = next++; i < to; i = next++) {
      const t = performance.now();
      await op(i);
      sample.latencies.push(performance.now() - t);
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  sample.seconds += (performance.now() - started) / 1000;
}

function figures(name: string, sample: Sample): Figures {
  const sorted = [...sample.latencies].sort((a, b) => a - b);
  return { name, p50: percentile(sorted, 50), p99: percentile(sorted, 99), throughput: sorted.length / sample.seconds };
}

function dispatch(id: string): Omit<DispatchInput, 'openedBy'> {
  const { openedBy: _openedBy, ...body } = sampleDispatch({ dispatchId: id, bl: 'MSCU1234567' });
  return body;
}

async function main(): Promise<void> {
  const abort = setTimeout(() => {
    console.error(`[bench:api] aborted: over ${MAX_SECONDS} s`);
    process.exit(2);
  }, MAX_SECONDS * 1000);
  abort.unref();
  const stack = await startThrowawayApi('bench', { log, separateWorker: true, separateApi: true });
  const run = Date.now().toString(36).toUpperCase();
  const id = (path: string, i: number) => `B${run}-${path}-${i}`;
  try {
    // node:http with a keep-alive agent (one socket per request in flight), as a service calling the API would:
    // WHATWG fetch costs the measuring process about a millisecond of CPU per request, which on two cores shows up
    // in the API row only.
    const agent = new Agent({ keepAlive: true, maxSockets: CONCURRENCY });
    const http = (method: string, path: string, body: unknown, expected: number) =>
      new Promise<void>((done, fail) => {
        const payload = JSON.stringify(body);
        const req = request(`${stack.url}${path}`, {
          method,
          agent,
          headers: { Authorization: `Bearer ${stack.operatorKey}`, 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(payload) },
        });
        req.on('response', (res) => {
          let text = '';
          res.setEncoding('utf8').on('data', (chunk: string) => (text += chunk));
          res.on('end', () => (res.statusCode === expected ? done() : fail(new Error(`${method} ${path}: ${res.statusCode} ${text.slice(0, 300)}`))));
        });
        req.on('error', fail);
        req.end(payload);
      });
    const apiCreate = (path: string) => (i: number) => http('POST', '/dispatches', dispatch(id(path, i)), 201);
    const apiAct = (path: string) => (i: number) => http('POST', `/dispatches/${id(path, i)}/actions/documents-received`, { documents: ['insurance'] }, 200);
    // Direct: what the API does minus HTTP, JSON, auth, validation, the client-directory lookup and the audit row —
    // the same start call with the same workflow input (agreement, summary, details), so both rows run the same workflow.
    const directCreate = (path: string) => async (i: number) => {
      const body = dispatch(id(path, i));
      await startDispatchWorkflow(stack.temporal, stack.config.TEMPORAL_TASK_QUEUE, { ...body, openedBy: 'bench.direct' }, agreementOf(null, body));
    };
    const directAct = (path: string) => async (i: number) => {
      await stack.temporal.workflow.getHandle(dispatchWorkflowId(id(path, i))).executeUpdate(documentsReceived, { args: [{ documents: ['insurance'], actor: 'bench.direct' }] });
    };

    log(`warm-up (${WARMUP} of each)…`);
    for (const [create, act] of [[apiCreate('WA'), apiAct('WA')], [directCreate('WD'), directAct('WD')]] as const) {
      for (let i = 0; i < WARMUP; i++) await create(i);
      for (let i = 0; i < WARMUP; i++) await act(i);
    }
    // Every open sends an acknowledgement and every partial receipt a missing-documents email: waiting for the
    // mail log to catch up lets each row start on an idle worker, so no row pays for the previous row's tail.
    let expectedEmails = 4 * WARMUP;
    const settle = async (added: number) => {
      expectedEmails += added;
      const deadline = Date.now() + 120_000;
      while ((await stack.prisma.emailSent.count()) < expectedEmails && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200));
    };
    await settle(0);
    log(`measuring: ${COUNT} operations per row, ${CONCURRENCY} in flight`);
    // Each row runs in ROUNDS slices, interleaved API, direct, direct, API, … so that both paths meet the same
    // machine: a slow stretch (the worker catching up, the dev server compacting) does not land on one path only.
    const row = async (name: string, api: (i: number) => Promise<void>, direct: (i: number) => Promise<void>): Promise<[Figures, Figures]> => {
      const a: Sample = { latencies: [], seconds: 0 };
      const d: Sample = { latencies: [], seconds: 0 };
      const slice = Math.ceil(COUNT / ROUNDS);
      for (let r = 0; r < ROUNDS; r++) {
        const from = r * slice;
        const to = Math.min(COUNT, from + slice);
        const order: [Sample, (i: number) => Promise<void>][] = r % 2 === 0 ? [[a, api], [d, direct]] : [[d, direct], [a, api]];
        for (const [sample, op] of order) {
          await measure(sample, from, to, op);
          await settle(to - from);
        }
      }
      return [figures(`${name} (API)`, a), figures(`${name} (direct)`, d)];
    };
    print([await row('open dispatch', apiCreate('A'), directCreate('D')), await row('documents-received', apiAct('A'), directAct('D'))]);
    log('history size of each complete path (events in the dispatch workflow history):');
    for (const h of await historySizes(stack.temporal, stack.config.TEMPORAL_TASK_QUEUE, run)) {
      console.log(`${h.path.padEnd(38)}${String(h.events).padStart(5)} events  ${String(h.actions).padStart(3)} actions  ${h.breakdown}`);
    }
  } finally {
    await stack.close();
  }
}

function print(rows: [Figures, Figures][]): void {
  const f = (n: number) => n.toFixed(1).padStart(8);
  console.log('\noperation                      p50 ms   p99 ms    ops/s');
  for (const [api, direct] of rows) {
    for (const r of [api, direct]) console.log(`${r.name.padEnd(29)}${f(r.p50)} ${f(r.p99)} ${f(r.throughput)}`);
    console.log(`${'  ratio API/direct'.padEnd(29)}${f(api.p50 / direct.p50)} ${f(api.p99 / direct.p99)} ${f(api.throughput / direct.throughput)}\n`);
  }
}

main().then(
  () => process.exit(0),
  (err) => {
    console.error(`[bench:api] ${err instanceof Error ? err.stack : String(err)}`);
    process.exit(1);
  },
);
