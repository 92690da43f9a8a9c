/**
 * `npm run chaos`: the fault suite. On a stack of its own (scripts/lib/chaos-stack.ts: its own PostgreSQL
 * cluster and Temporal dev server, the SMTP sink, the terminal simulator, the worker as a child process, the API),
 * it drives CHAOS_DISPATCHES dispatches per scenario through a complete import with the operators' requests to
 * the API and, mid-flight: (a) SIGKILLs the worker and restarts it, (b) stops the Temporal dev server and starts
 * it again on its db file, (c) takes SMTP down for minutes while the terminals fail half their calls, (d) stops
 * PostgreSQL (pg_ctl stop -m fast) and starts it again. Each scenario asserts that every dispatch completes,
 * one email per notification at the SMTP sink, one booking per appointment at the simulator, no lost or wrong
 * read-model row, and that the API answered 503 with Retry-After while a dependency was down and recovered alone.
 * Prints one table; exits 1 on any failed assertion. Bounded by CHAOS_MAX_SECONDS; stops everything it started,
 * also on failure and Ctrl-C. Loopback only. CHAOS_SHORT=1 is the short form `npm test` runs. Settings:
 * docs/operations.md, "Fault suite".
 */
import { readFileSync } from 'node:fs';
import { makeDispatches, performNext } from './lib/chaos-drive';
import { AnswerLog, ApiClient } from './lib/chaos-http';
import { printReport, verdictOf } from './lib/chaos-report';
import { runScenario, scenarios, type ChaosConfig, type ScenarioRow } from './lib/chaos-scenarios';
import { startChaosStack } from './lib/chaos-stack';

const env = process.env;
const short = env.CHAOS_SHORT === '1';
const num = (name: string, full: number, shortValue: number): number => {
  const raw = env[name];
  const value = raw === undefined || raw === '' ? (short ? shortValue : full) : Number(raw);
  if (!Number.isFinite(value) || value < 0) throw new Error(`${name} must be a non-negative number, got "${raw}"`);
  return value;
};
const cfg: ChaosConfig = {
  dispatches: num('CHAOS_DISPATCHES', 100, 10),
  concurrency: num('CHAOS_CONCURRENCY', 25, 10),
  triggerAt: num('CHAOS_TRIGGER_AT', 0.3, 0.3),
  workerDownMs: num('CHAOS_WORKER_DOWN_SECONDS', 10, 5) * 1000,
  temporalDownMs: num('CHAOS_TEMPORAL_DOWN_SECONDS', 20, 5) * 1000,
  smtpDownMs: num('CHAOS_SMTP_DOWN_SECONDS', 150, 10) * 1000,
  postgresDownMs: num('CHAOS_PG_DOWN_SECONDS', 30, 5) * 1000,
  terminalsHealWithSmtp: short,
};
const MAX_SECONDS = num('CHAOS_MAX_SECONDS', 2700, 300);
const selected = (env.CHAOS_SCENARIOS ?? 'a,b,c,d').toLowerCase().split(',').map((s) => s.trim()).filter(Boolean);
const startedAt = Date.now();
const deadline = startedAt + MAX_SECONDS * 1000;
let interrupted = false;
const say = (m: string) => console.log(`[chaos +${Math.round((Date.now() - startedAt) / 1000)}s] ${m}`);
// After Ctrl-C only the shutdown speaks: the scenario under way fails as its servers go, which means nothing.
const log = (m: string): void => {
  if (!interrupted) say(m);
};

let closeStackOnce: (() => Promise<void>) | undefined;
let closing: Promise<void> | undefined;
const closeStack = () => (closing ??= closeStackOnce ? closeStackOnce() : Promise.resolve());

/** The last lines of a log worth reading after a failure: those matching `pattern`. */
function excerpt(file: string, pattern: RegExp, lines = 12): string {
  let all: string[];
  try {
    all = readFileSync(file, 'utf8').trimEnd().split('\n');
  } catch {
    return '(no log)';
  }
  const matching = all.filter((l) => pattern.test(l));
  if (matching.length === 0) return '(none)';
  return matching
    .slice(-lines)
    .map((l) => (l.length > 600 ? `${l.slice(0, 600)}…` : l))
    .join('\n');
}

async function main(): Promise<number> {
  const unknown = selected.filter((s) => !['a', 'b', 'c', 'd'].includes(s));
  if (unknown.length) throw new Error(`CHAOS_SCENARIOS: unknown ${unknown.join(', ')} (use a, b, c, d)`);
  log(`${short ? 'short form' : 'full run'}: scenarios ${selected.join(', ')}, ${cfg.dispatches} dispatches each, at most ${MAX_SECONDS} s`);
  const stack = await startChaosStack({
    log,
    bundlePath: env.CHAOS_WORKFLOW_BUNDLE || undefined,
    keep: env.CHAOS_KEEP === '1',
    onClose: (close) => (closeStackOnce = close),
  });
  const answers = new AnswerLog();
  // The prober's dispatch: opened once, never moved on (its refused `close` is the prober's validator check).
  const [probe] = makeDispatches('CHAOS-PROBE', 1, 0);
  await performNext(new ApiClient(stack.apiUrl, stack.operatorKey, answers, 'probe'), probe!);
  const rows: ScenarioRow[] = [];
  const all = scenarios(cfg);
  for (const [i, scn] of all.entries()) {
    if (!selected.includes(scn.key)) continue;
    if (Date.now() > deadline) break;
    rows.push(await runScenario(scn, { stack, cfg, answers, probeDispatchId: probe!.id, serial: i + 1, deadline, log }));
  }
  if (interrupted) return 130;
  printReport(rows);
  const failed = rows.filter((r) => verdictOf(r) === 'FAIL');
  if (rows.length < selected.length) log(`only ${rows.length} of ${selected.length} scenarios ran within CHAOS_MAX_SECONDS=${MAX_SECONDS}`);
  if (failed.length) {
    log(`the worker's errors (${stack.logs.worker}):\n${excerpt(stack.logs.worker, /"level":"(error|fatal)"|^(?!\{|worker ready)/)}`);
    log(`the API's answers 500 (${stack.logs.api}):\n${excerpt(stack.logs.api, /"status":5(?!03)/)}`);
  }
  log(`${rows.length - failed.length} of ${rows.length} scenarios passed in ${Math.round((Date.now() - startedAt) / 1000)} s`);
  return failed.length === 0 && rows.length === selected.length ? 0 : 1;
}

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    interrupted = true;
    say(`${signal}: stopping everything the suite started…`);
    void closeStack().finally(() => process.exit(130));
  });
}
// Backstop behind the deadline the scenarios honour: whatever hangs, stop everything and leave.
setTimeout(() => {
  say(`over CHAOS_MAX_SECONDS=${MAX_SECONDS} (+60 s): stopping everything`);
  void closeStack().finally(() => process.exit(2));
}, (MAX_SECONDS + 60) * 1000).unref();

void main()
  .catch((err: unknown) => {
    log(`failed: ${err instanceof Error ? err.stack : String(err)}`);
    return 1;
  })
  .then(async (code) => {
    await closeStack();
    process.exit(code);
  });
