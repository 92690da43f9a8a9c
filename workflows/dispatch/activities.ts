import { patched as askPatch, proxyActivities, proxyLocalActivities, type ActivityOptions, type LocalActivityOptions } from '@temporalio/workflow';
import type { Activities } from '../../activities';
import { ErrorType } from '../../domain/errors';
import { BASELINE_2_FEATURES, BASELINE_FEATURES, type LifecycleFeature } from '../../domain/lifecycle';

// Records: 8 attempts (about 2 min of backoff). Email: 8 attempts (about 4 min). Past the bound nothing is lost
// (change bounded-side-effects-2026-12): the write or the email waits in the dispatch's book, an incident
// tells the executive, and the main loop tries again every RETRY_SIDE_EFFECTS_AFTER_MS until it goes through;
// the operator action that caused it answers meanwhile. (Runs from before that change retried without limit.)
export const RECORD_OPTIONS: ActivityOptions = {
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute', maximumAttempts: 8 },
};
export const EMAIL_OPTIONS: ActivityOptions = {
  startToCloseTimeout: '1 minute',
  retry: { initialInterval: '2 seconds', backoffCoefficient: 2, maximumInterval: '2 minutes', maximumAttempts: 8 },
};
/** After side effects outlasted their retries, the next attempt comes this much later. */
export const RETRY_SIDE_EFFECTS_AFTER_MS = 10 * 60_000;
// Terminals: bounded to 6 attempts (about 1 min of backoff, at most ~4 min with every attempt timing out):
// past it the step becomes an incident the executive sees and is emailed about, and the operator retries later.
// The API answers 202 after a few seconds, so the operator never waits for this. Business rejections (the
// terminal's 4xx) never retry.
export const TERMINAL_OPTIONS: ActivityOptions = {
  startToCloseTimeout: '30 seconds',
  retry: {
    initialInterval: '2 seconds',
    backoffCoefficient: 2,
    maximumInterval: '1 minute',
    maximumAttempts: 6,
    nonRetryableErrorTypes: [ErrorType.TerminalRejected],
  },
};

// Terminal calls, emails and the liquidation file stay activities (tried and measured for lean-history-2026-12). As
// local activities they would each write one marker instead of six events, but a local activity holds the workflow task
// that runs it, and an update is only accepted when that task completes: a terminal answering in 6 s made the API
// answer 503 ("not accepted in time") instead of 202 with the outcome to poll (test/api/bounded-actions.test.ts), and
// a mail server that is down would hold up every operator action on the dispatch.
export const records = proxyActivities<Activities>(RECORD_OPTIONS);
export const email = proxyActivities<Activities>(EMAIL_OPTIONS);
export const terminals = proxyActivities<Activities>(TERMINAL_OPTIONS);

/**
 * Changes to code that running dispatches execute, each behind `patched(id)` (docs/operations.md lists them and
 * when each can be deprecated). A run recorded before a change replays the old branch.
 */
export const PATCHES = {
  /** 2026-12-03: read-model, status-history, glosa and incident writes run as local activities. */
  localRecords: 'local-records-2026-12',
  /** 2026-12-03: record writes and emails past their (now bounded) retries wait in the book instead of failing. */
  boundedSideEffects: 'bounded-side-effects-2026-12',
  /** 2026-12-03: regime 20/70 expiry counted in calendar months from the levante (was 548/365 days). */
  regimeExpiryMonths: 'regime-expiry-months-2026-12',
  /** 2026-12-03: the complaint's "24 hrs. útiles" counted as hours of business days (was office hours). */
  businessDaysReading: 'business-days-reading-2026-12',
  /** 2026-12-03: emails queued by the last update (e.g. the cancellation notice) are sent before completing. */
  drainOutboxAtEnd: 'drain-outbox-at-end-2026-12',
  /** 2026-12-03: the calendar load waits for the record writes in flight (one local activity at a time). */
  serialLocalActivities: 'serial-local-activities-2026-12',
  /**
   * 2026-12-03: one marker for all of the above (and the lifecycle features of BASELINE_FEATURES). Temporal writes a
   * marker and a TemporalChangeVersion upsert for every patch a run asks, so a new dispatch used to start with
   * 14 such events; a run with this patch asks only this one. Patches added later are asked one by one again.
   */
  baseline: 'dispatch-baseline-2026-12',
  /**
   * 2026-12-03: the first baseline plus the lifecycle features that came after it (BASELINE_2_FEATURES:
   * outbound-regimes, lean-history), in one marker again. Asked before the first baseline; a run that has it asks
   * neither the first baseline nor anything that one stands for.
   */
  baseline2: 'dispatch-baseline-2-2026-12',
} as const;

type DispatchPatch = (typeof PATCHES)[keyof typeof PATCHES];

/** The patches the baseline stands for: every one that existed when it was introduced. Never add to this list. */
export const BASELINE_PATCHES: readonly DispatchPatch[] = [
  PATCHES.localRecords,
  PATCHES.boundedSideEffects,
  PATCHES.regimeExpiryMonths,
  PATCHES.businessDaysReading,
  PATCHES.drainOutboxAtEnd,
  PATCHES.serialLocalActivities,
];

// Asked once, first thing in every run (startRun); module state is per workflow run in the SDK's sandbox.
let baselineRun = false;

/**
 * First call of every dispatch run: asks the newest baseline, then the older one, and returns the lifecycle features
 * the run's baseline stands for (none when replaying a run from before the first baseline).
 */
export function startRun(): readonly LifecycleFeature[] {
  const second = askPatch(PATCHES.baseline2);
  baselineRun = second || askPatch(PATCHES.baseline);
  return second ? BASELINE_2_FEATURES : baselineRun ? BASELINE_FEATURES : [];
}

/** `patched(id)` for the dispatch workflow: true without a marker of its own when the run carries the baseline. */
export function patched(id: DispatchPatch): boolean {
  return (baselineRun && BASELINE_PATCHES.includes(id)) || askPatch(id);
}

// Record writes are short PostgreSQL statements: as local activities they run inside the workflow task that
// decided them, so an operator action completes in one workflow task (7 history events instead of about 13)
// and answers sooner. Past localRetryThreshold a retry waits on a durable timer instead of holding the task.
export const LOCAL_RECORD_OPTIONS: LocalActivityOptions = {
  startToCloseTimeout: '30 seconds',
  localRetryThreshold: '10 seconds',
  retry: RECORD_OPTIONS.retry,
};
const localRecords = proxyLocalActivities<Activities>(LOCAL_RECORD_OPTIONS);

/** The proxy for record writes at this point of the history: local, unless replaying a run from before the change. */
export function recorder(): typeof records {
  return patched(PATCHES.localRecords) ? localRecords : records;
}
