/**
 * `npm run bench:scale`: how Levante behaves at scale on one machine. Prints figures, asserts nothing timed.
 * (a) SCALE_DISPATCHES (default 5000) open dispatches with one pending timer each on one worker in its own
 *     process: worker RSS through the phases, history size, and how late the alerts arrive at the SMTP server
 *     (scripts/lib/scale-timers.ts).
 * (b) GET /dispatches over SCALE_LIST_ROWS (default 100,000) dispatches seeded into the read model: p50/p95 per
 *     filter, with and without the list indexes, and each statement's plan (scripts/lib/scale-list.ts).
 * SCALE_PARTS=timers,list (default both) picks the parts. One throwaway stack (scripts/lib/throwaway-api.ts),
 * loopback only; everything stops by itself within SCALE_MAX_SECONDS (default 1500). Other knobs, with their
 * defaults below: SCALE_CONCURRENCY, SCALE_LEAD_SECONDS, SCALE_SPREAD_SECONDS, SCALE_LIST_REQUESTS,
 * SCALE_LIST_COMPARE=0 (no run on the old indexes), SCALE_EXPLAIN=verbose (print every plan in full).
 */
import { benchList } from './lib/scale-list';
import { benchTimers } from './lib/scale-timers';
import { startThrowawayApi, type ThrowawayApi } from './lib/throwaway-api';

const env = (name: string, fallback: number) => {
  const value = Number(process.env[name] ?? fallback);
  if (!Number.isFinite(value) || value < 0) throw new Error(`${name} must be a non-negative number`);
  return value;
};
const DISPATCHES = env('SCALE_DISPATCHES', 5000);
const CONCURRENCY = env('SCALE_CONCURRENCY', 32);
// The load opens about 10 dispatches/s on 2 shared cores: the lead gives it time to finish (8/s) before the
// first alert is due; the alerts then come due at 15/s.
const LEAD_SECONDS = env('SCALE_LEAD_SECONDS', Math.ceil(60 + DISPATCHES / 8));
const SPREAD_SECONDS = env('SCALE_SPREAD_SECONDS', Math.max(30, Math.ceil(DISPATCHES / 15)));
const LIST_ROWS = env('SCALE_LIST_ROWS', 100_000);
const LIST_REQUESTS = env('SCALE_LIST_REQUESTS', 50);
const MAX_SECONDS = env('SCALE_MAX_SECONDS', 1500);
const PARTS = new Set((process.env.SCALE_PARTS ?? 'timers,list').split(',').map((p) => p.trim()));
// What the list part and closing the stack need after the timers part gives up waiting.
const RESERVE_SECONDS = (PARTS.has('list') ? 300 : 0) + 60;
const log = (m: string) => console.log(`[bench:scale] ${m}`);

async function main(): Promise<void> {
  const started = Date.now();
  const held: { stack?: ThrowawayApi } = {};
  const abort = setTimeout(() => {
    console.error(`[bench:scale] aborted: over ${MAX_SECONDS} s; closing the stack`);
    const exit = () => process.exit(2);
    setTimeout(exit, 60_000).unref();
    void (held.stack?.close() ?? Promise.resolve()).finally(exit);
  }, MAX_SECONDS * 1000);
  abort.unref();
  log(`parts ${[...PARTS].join(', ')}; at most ${MAX_SECONDS} s; ${new Date(started).toISOString()}`);
  const stack = await startThrowawayApi('scale', { log, separateWorker: true });
  held.stack = stack;
  try {
    if (PARTS.has('timers')) {
      await benchTimers(stack, {
        count: DISPATCHES,
        concurrency: CONCURRENCY,
        leadSeconds: LEAD_SECONDS,
        spreadSeconds: SPREAD_SECONDS,
        giveUpAt: started + (MAX_SECONDS - RESERVE_SECONDS) * 1000,
        log,
      });
    }
    if (PARTS.has('list')) {
      await benchList(stack, {
        rows: LIST_ROWS,
        requests: LIST_REQUESTS,
        compare: process.env.SCALE_LIST_COMPARE !== '0',
        verbose: process.env.SCALE_EXPLAIN === 'verbose',
        log,
      });
    }
    console.log(`\nbench:scale done in ${Math.round((Date.now() - started) / 1000)} s`);
  } finally {
    log('closing the stack…');
    await stack.close();
  }
}

main().then(
  () => process.exit(0),
  (err) => {
    console.error(`[bench:scale] ${err instanceof Error ? err.stack : String(err)}`);
    process.exit(1);
  },
);
