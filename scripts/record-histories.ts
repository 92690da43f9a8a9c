/**
 * `npm run histories:record [-- <path|workflowType>...] [--suffix <change-id>] [--force] [--list]`: drives the
 * business paths of test/support/histories/catalog.ts on real servers and saves each workflow run's history as
 * a replay fixture, test/workflows/histories/<workflowType>/<path>[.<run>].json, printing its event count.
 *
 * An existing file is never overwritten without --force: a history recorded before a change is what the workflows
 * still running on the old code look like, and test/workflows/replay.test.ts must keep replaying it. After a
 * change, record the paths it touched beside the old ones with `--suffix <change-id>` (docs/operations.md).
 *
 * Self-sufficient: builds a fresh workflow bundle from the code on disk; uses TEST_DATABASE_ADMIN_URL,
 * TEMPORAL_ADDRESS (+ TEMPORAL_NAMESPACE) and TEMPORAL_TEST_SERVER when set, else starts a throwaway
 * PostgreSQL and Temporal dev server and provisions the time-skipping server, like scripts/test.ts.
 */
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { historyToJSON } from '@temporalio/common/lib/proto-utils';
import { SEARCH_ATTRIBUTE_TYPES } from '../domain/search-attributes';
import { HISTORY_PATHS, type HistoryPath } from '../test/support/histories/catalog';
import { freePort } from './lib/ports.mjs';
import { startPostgres } from './lib/postgres.mjs';
import { ensureTemporalCli, startDevServer } from './lib/temporal.mjs';
import { ensureTestServer } from './lib/test-server.mjs';

const HISTORIES = join(__dirname, '..', 'test', 'workflows', 'histories');
const log = (msg: string) => console.log(`[histories] ${msg}`);
const { values: opts, positionals } = parseArgs({
  allowPositionals: true,
  options: { force: { type: 'boolean', default: false }, suffix: { type: 'string' }, list: { type: 'boolean', default: false } },
});
const target = (file: string) => join(HISTORIES, `${file}${opts.suffix ? `--${opts.suffix}` : ''}.json`);

/** The paths named on the command line (a path's name, or a workflow type: every path recording it); all when none. */
function selectPaths(names: string[]): HistoryPath[] {
  if (names.length === 0) return [...HISTORY_PATHS];
  const unknown = names.filter((n) => !HISTORY_PATHS.some((p) => p.name === n || p.files.some((f) => f.startsWith(`${n}/`))));
  if (unknown.length) throw new Error(`unknown path or workflow type: ${unknown.join(', ')}. Known paths:\n  ${HISTORY_PATHS.map((p) => p.name).join('\n  ')}`);
  return HISTORY_PATHS.filter((p) => names.includes(p.name) || p.files.some((f) => names.some((n) => f.startsWith(`${n}/`))));
}

/** `<file>.json` and the `<file>--<change-id>.json` recorded after changes, each with its event count and patch ids. */
function recorded(file: string): string[] {
  const dir = join(HISTORIES, dirname(file));
  const base = file.slice(dirname(file).length + 1);
  const names = existsSync(dir) ? readdirSync(dir).filter((n) => n === `${base}.json` || (n.startsWith(`${base}--`) && n.endsWith('.json'))) : [];
  if (names.length === 0) return [`${file}.json (missing)`];
  return names.sort().map((n) => {
    const { events = [] } = JSON.parse(readFileSync(join(dir, n), 'utf8')) as { events?: { markerRecordedEventAttributes?: PatchMarker }[] };
    const patches = events.flatMap((e) => (e.markerRecordedEventAttributes?.markerName === 'core_patch' ? e.markerRecordedEventAttributes.details?.['patch-data']?.payloads ?? [] : []));
    const ids = patches.map((pl) => (JSON.parse(Buffer.from(pl.data, 'base64').toString('utf8')) as { id: string }).id);
    return `${dirname(file)}/${n}: ${events.length} events, patches: ${ids.join(', ') || 'none'}`;
  });
}
type PatchMarker = { markerName?: string; details?: Record<string, { payloads?: { data: string }[] }> };

// What this process started, stopped last-started first (also on Ctrl-C: the servers run in their own process groups).
const stops: (() => Promise<void>)[] = [];
async function stopAll(): Promise<void> {
  while (stops.length) await stops.pop()!().catch(() => undefined);
}

/** Servers the chosen paths need, started here unless the environment names them. */
async function provideEnvironment(paths: HistoryPath[]): Promise<void> {
  const work = mkdtempSync(join(tmpdir(), 'levante-histories-'));
  chmodSync(work, 0o755); // the PostgreSQL cluster inside runs as the `postgres` user when we are root
  stops.push(async () => rmSync(work, { recursive: true, force: true, maxRetries: 3 }));
  process.env.LEVANTE_TEST_WORK_DIR = work; // always a fresh bundle: the histories must be of the code on disk
  if (!process.env.TEST_DATABASE_ADMIN_URL) {
    const pg = await startPostgres({ dataDir: join(work, 'pg'), port: await freePort(), fast: true, log });
    stops.push(pg.stop);
    process.env.TEST_DATABASE_ADMIN_URL = pg.url;
  }
  if (paths.some((p) => p.server === 'dev') && !process.env.TEMPORAL_ADDRESS) {
    const namespace = (process.env.TEMPORAL_NAMESPACE ??= 'levante-test');
    const bin = await ensureTemporalCli({ log });
    const server = await startDevServer({ bin, port: await freePort(), headless: true, namespace, searchAttributes: SEARCH_ATTRIBUTE_TYPES, log });
    stops.push(server.stop);
    process.env.TEMPORAL_ADDRESS = server.address;
  }
  if (paths.some((p) => p.server === 'timeskipping')) process.env.TEMPORAL_TEST_SERVER = await ensureTestServer({ log });
}

async function record(paths: HistoryPath[]): Promise<string[]> {
  // Loaded only now: test/support/env.ts reads the servers' addresses from the environment when imported.
  await import('../test/support/quiet-runtime');
  const { default: buildWorkflowBundle } = await import('../test/support/bundle.global-setup');
  const { startTestStack } = await import('../test/support/stack');
  const { startTimeSkippingStack } = await import('../test/support/timeskipping');
  const { devRecorders, timeSkippingRecorders } = await import('../test/support/histories/recorders');
  await buildWorkflowBundle();
  const failed: string[] = [];
  let dev: Awaited<ReturnType<typeof startTestStack>> | undefined;
  for (const path of paths) {
    log(`${path.name} (${path.server}): ${path.about}`);
    let closeOwn: (() => Promise<void>) | undefined;
    try {
      let runs: Record<string, { workflowId: string; runId?: string }>;
      let stack: Awaited<ReturnType<typeof startTestStack>>;
      if (path.server === 'dev') {
        if (!dev) stops.push(async () => dev?.close());
        stack = dev ??= await startTestStack('histories');
        runs = await devRecorders[path.name as keyof typeof devRecorders](stack);
      } else {
        const ts = await startTimeSkippingStack(`histories_${path.name}`);
        stops.push((closeOwn = () => ts.close()));
        stack = ts;
        runs = await timeSkippingRecorders[path.name as keyof typeof timeSkippingRecorders](ts);
      }
      if (JSON.stringify(Object.keys(runs).sort()) !== JSON.stringify([...path.files].sort())) {
        throw new Error(`the recorder returned ${Object.keys(runs).join(', ')}; the catalog lists ${path.files.join(', ')}`);
      }
      for (const file of path.files) {
        const { workflowId, runId } = runs[file]!;
        const history = await stack.client.workflow.getHandle(workflowId, runId).fetchHistory();
        const type = history.events?.[0]?.workflowExecutionStartedEventAttributes?.workflowType?.name;
        if (type !== dirname(file)) throw new Error(`${file}: the history is of ${type}, not ${dirname(file)}`);
        mkdirSync(dirname(target(file)), { recursive: true });
        writeFileSync(target(file), historyToJSON(history), { flag: opts.force ? 'w' : 'wx' });
        log(`  ${target(file).slice(HISTORIES.length + 1)}: ${history.events?.length} events`);
      }
    } catch (err) {
      failed.push(path.name);
      console.error(`[histories] ${path.name} FAILED:`, err);
    } finally {
      // A time-skipping path has a server of its own: stopped before the next path.
      if (closeOwn) await stops.splice(stops.indexOf(closeOwn), 1)[0]!().catch(() => undefined);
    }
  }
  return failed;
}

async function main(): Promise<void> {
  if (opts.suffix !== undefined && !/^[a-z0-9][a-z0-9-]*$/.test(opts.suffix)) throw new Error('--suffix takes a change id in kebab-case, e.g. --suffix review-clock-business-hours');
  const paths = selectPaths(positionals);
  const exists = (p: HistoryPath) => p.files.filter((f) => existsSync(target(f)));
  if (opts.list) {
    for (const p of paths) {
      log(`${p.name} [${p.server}]: ${p.about}`);
      for (const f of p.files) for (const line of recorded(f)) log(`  ${line}`);
    }
    return;
  }
  const todo = paths.filter((p) => opts.force || exists(p).length === 0);
  for (const p of paths.filter((x) => !todo.includes(x))) {
    log(`kept ${p.name}: ${exists(p).join(', ')} already recorded (older code's histories are kept; --suffix <change-id> records beside them, --force replaces them)`);
  }
  if (todo.length === 0) return;
  const onSignal = () => void stopAll().finally(() => process.exit(130));
  process.once('SIGINT', onSignal).once('SIGTERM', onSignal);
  try {
    await provideEnvironment(todo);
    const failed = await record(todo);
    if (failed.length) throw new Error(`not recorded: ${failed.join(', ')}`);
  } finally {
    await stopAll();
  }
}

main()
  .then(() => process.exit(0)) // the Temporal SDK's native runtime keeps threads alive after the last worker closed
  .catch((err) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  });
