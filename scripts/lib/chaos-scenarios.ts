/**
 * The four faults of the chaos suite and how one scenario runs: drive its dispatches through the API, inject
 * the fault once a share of the steps is done, heal it after its window, let every dispatch finish, then check
 * the side effects where they land (chaos-verify.ts) and what the API answered meanwhile.
 */
import type { DispatchView } from '../../domain/dispatch-view';
import { simulatorAdmin } from '../../test/support/simulator-admin';
import { driveAll, makeDispatches, STEPS_PER_DISPATCH } from './chaos-drive';
import { AnswerLog, ApiClient, sleep, type ApiAnswer } from './chaos-http';
import { Prober } from './chaos-probe';
import type { ChaosStack } from './chaos-stack';
import { awaitResults, verify, type Verification } from './chaos-verify';

export interface Scenario {
  key: 'a' | 'b' | 'c' | 'd';
  title: string;
  /** Share of all the scenario's steps done when the fault is injected (0: before the first). */
  triggerAt: number;
  /** How long the fault lasts before it is healed. */
  downMs: number;
  /** The API needs what fails: it must answer 503 with Retry-After meanwhile and recover by itself. */
  apiDependency: boolean;
  inject(stack: ChaosStack): Promise<unknown>;
  heal(stack: ChaosStack): Promise<unknown>;
  /** A part of the fault that lasts until every dispatch has been driven (the terminals' error rate). */
  afterDrive?(stack: ChaosStack): Promise<unknown>;
}

export interface ChaosConfig {
  dispatches: number;
  concurrency: number;
  triggerAt: number;
  workerDownMs: number;
  temporalDownMs: number;
  smtpDownMs: number;
  postgresDownMs: number;
  /** (c): the terminals heal with SMTP instead of once every dispatch was driven (the short form's bound on time). */
  terminalsHealWithSmtp: boolean;
}

export function scenarios(cfg: ChaosConfig): Scenario[] {
  const faults = (stack: ChaosStack, body: object) => simulatorAdmin(stack.simulatorUrl, '/_admin/faults', body);
  return [
    { key: 'a', title: 'worker SIGKILL + restart', triggerAt: cfg.triggerAt, downMs: cfg.workerDownMs, apiDependency: true,
      inject: (s) => s.worker.kill(), heal: (s) => s.worker.start() },
    { key: 'b', title: 'Temporal server restart', triggerAt: cfg.triggerAt, downMs: cfg.temporalDownMs, apiDependency: true,
      inject: (s) => s.temporalServer.stop(), heal: (s) => s.temporalServer.start() },
    { key: 'c', title: 'SMTP down + terminals 50%', triggerAt: 0, downMs: cfg.smtpDownMs, apiDependency: false,
      inject: async (s) => {
        s.smtp.setDown(true);
        await faults(s, { errorRate: 0.5 });
      },
      heal: async (s) => {
        s.smtp.setDown(false);
        if (cfg.terminalsHealWithSmtp) await faults(s, {});
      },
      afterDrive: (s) => faults(s, {}) },
    { key: 'd', title: 'PostgreSQL restart', triggerAt: cfg.triggerAt, downMs: cfg.postgresDownMs, apiDependency: true,
      inject: (s) => s.postgres.stop(), heal: (s) => s.postgres.start() },
  ];
}

export interface ScenarioRow extends Verification {
  scenario: Scenario;
  dispatches: number;
  /** 503 answers with Retry-After between the fault and the API's recovery. */
  seen503: number;
  /** Seconds from healing to the API answering normally again (health, live read, validator). */
  recoverySeconds?: number;
  seconds: number;
  notes: string[];
}

export interface RunContext {
  stack: ChaosStack;
  cfg: ChaosConfig;
  answers: AnswerLog;
  probeDispatchId: string;
  serial: number;
  deadline: number;
  log: (m: string) => void;
}

const secs = (ms: number) => (ms / 1000).toFixed(1);
const describe = (a: ApiAnswer) => `${a.method} ${a.path} → ${a.status || 'no answer'} ${a.code ?? ''} ${a.message ?? ''}`.slice(0, 200);

export async function runScenario(scn: Scenario, ctx: RunContext): Promise<ScenarioRow> {
  const { stack, cfg, answers, log } = ctx;
  const started = Date.now();
  const stop = () => Date.now() > ctx.deadline;
  const dispatches = makeDispatches(`CHAOS-${scn.key.toUpperCase()}`, cfg.dispatches, ctx.serial);
  const prober = new Prober(new ApiClient(stack.apiUrl, stack.operatorKey, answers, 'probe'), ctx.probeDispatchId);
  const driver = new ApiClient(stack.apiUrl, stack.operatorKey, answers, 'driver');
  const problems: string[] = [];
  const notes: string[] = [];
  const window: { injectedAt?: number; healedAt?: number } = {};
  let injected: Promise<unknown> | undefined;
  let healed: Promise<void> | undefined;
  const fire = () => {
    if (injected) return;
    window.injectedAt = Date.now();
    const inFlight = dispatches.filter((d) => d.next > 0 && d.next < STEPS_PER_DISPATCH).length;
    log(`(${scn.key}) fault: ${scn.title} (${inFlight} dispatches in flight); healing in ${secs(scn.downMs)} s`);
    injected = scn.inject(stack);
    healed = injected
      .then(() => log(`(${scn.key}) fault in place after ${secs(Date.now() - window.injectedAt!)} s`))
      .then(() => sleep(scn.downMs))
      .then(async () => {
        window.healedAt = Date.now();
        await scn.heal(stack);
        log(`(${scn.key}) healed (${secs(Date.now() - window.healedAt)} s to restart)`);
      })
      .catch((err: unknown) => {
        problems.push(`the fault could not be injected or healed: ${err instanceof Error ? err.message : String(err)}`);
      });
  };

  log(`(${scn.key}) ${scn.title}: ${dispatches.length} dispatches, ${cfg.concurrency} requests in flight`);
  prober.start();
  let results = new Map<string, DispatchView | string>();
  try {
    if (scn.triggerAt <= 0) {
      fire();
      await injected?.catch(() => undefined); // a failure is reported through `healed`
    }
    let reported = 0;
    await driveAll(driver, dispatches, {
      concurrency: cfg.concurrency,
      stop,
      onProgress: (done, total) => {
        if (done >= total * scn.triggerAt) fire();
        const tenth = Math.floor((done * 10) / total);
        if (tenth > reported) {
          reported = tenth;
          log(`(${scn.key}) ${tenth * 10}% of the steps done after ${secs(Date.now() - started)} s`);
        }
      },
    });
    if (!injected) problems.push('the fault was never injected');
    await healed;
    await scn.afterDrive?.(stack);
    log(`(${scn.key}) every dispatch driven to closure after ${secs(Date.now() - started)} s; waiting for every workflow to complete`);
    results = await awaitResults(stack, dispatches, ctx.deadline);
  } finally {
    await healed; // never rejects; the next scenario must not start on a fault still in place
  }
  const recoveredAt = window.healedAt && scn.apiDependency ? await prober.waitRecovered(window.healedAt, 120_000) : undefined;
  await prober.stop();
  const verification = await verify(stack, dispatches, results);

  const during = answers.between(started, Date.now());
  const outageEnd = recoveredAt ?? (window.healedAt ?? Date.now()) + 60_000;
  const inOutage = window.injectedAt ? answers.between(window.injectedAt, outageEnd) : [];
  const seen503 = inOutage.filter((a) => a.status === 503 && a.retryAfter).length;
  const check = (list: ApiAnswer[], what: string) => list.length && problems.push(`${what} (${list.length}): ${list.slice(0, 3).map(describe).join(' | ')}`);
  check(during.filter((a) => a.status === 503 && !a.retryAfter), '503 without Retry-After');
  check(during.filter((a) => a.status >= 500 && a.status !== 503), '5xx other than 503');
  check(during.filter((a) => a.status === 0), 'requests the API never answered');
  if (scn.apiDependency) {
    if (seen503 === 0) problems.push('the API never answered 503 with Retry-After while the dependency was down');
    if (window.healedAt && recoveredAt === undefined) problems.push('the API had not recovered 120 s after healing');
  }
  const stray503 = during.filter((a) => a.status === 503 && !inOutage.includes(a));
  if (stray503.length) notes.push(`${stray503.length} answers 503 outside the outage (e.g. ${describe(stray503[0]!)})`);
  const crashes = stack.worker.unexpectedExits.filter((e) => e.at >= started);
  for (const e of crashes) problems.push(`the worker exited by itself at +${secs(e.at - started)} s (code ${e.code}, signal ${e.signal}); restarted like a supervisor would`);
  const retries = dispatches.reduce((n, d) => n + d.terminalRetries, 0);
  if (retries) notes.push(`${retries} terminal actions answered "no se pudo" after 6 attempts and were asked again by the operator`);

  problems.unshift(...verification.problems);
  return {
    ...verification,
    problems,
    scenario: scn,
    dispatches: dispatches.length,
    seen503,
    recoverySeconds: recoveredAt && window.healedAt ? (recoveredAt - window.healedAt) / 1000 : undefined,
    seconds: (Date.now() - started) / 1000,
    notes,
  };
}
