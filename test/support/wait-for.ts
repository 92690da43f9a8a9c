/**
 * Waiting on a condition instead of a fixed sleep: a test that sleeps guesses how long the system needs and
 * is slow when the guess is generous, flaky when it is not. Poll what the test is waiting for, with a deadline.
 */
import type { WorkflowHandle } from '@temporalio/client';
import { temporal } from '@temporalio/proto';

export interface WaitOptions {
  /** Give up after this many milliseconds (default 20 s). */
  timeout?: number;
  /** Milliseconds between probes (default 50). */
  interval?: number;
  /** What is awaited, for the error message ("the booking request to reach the terminal"). */
  what?: string;
}

/**
 * Resolves with the first value `probe` returns that is neither `undefined`, `null` nor `false`; throws once
 * the deadline passes (with the last probe error, if the probe threw).
 */
export async function waitFor<T>(probe: () => T | undefined | null | false | Promise<T | undefined | null | false>, options: WaitOptions = {}): Promise<T> {
  const { timeout = 20_000, interval = 50, what = 'the condition' } = options;
  const deadline = Date.now() + timeout;
  let lastError: unknown;
  for (;;) {
    try {
      const value = await probe();
      if (value !== undefined && value !== null && value !== false) return value;
      lastError = undefined;
    } catch (err) {
      lastError = err;
    }
    if (Date.now() > deadline) {
      throw new Error(`timed out after ${timeout} ms waiting for ${what}${lastError ? ` (last error: ${String(lastError)})` : ''}`);
    }
    await new Promise((r) => setTimeout(r, interval));
  }
}

type PendingActivity = temporal.api.workflow.v1.IPendingActivityInfo;
const STARTED = temporal.api.enums.v1.PendingActivityState.PENDING_ACTIVITY_STATE_STARTED;

/**
 * Waits until the workflow has a pending activity of this type — at least at attempt `minAttempt` (a retry after
 * a failure), or `started` by a worker (executing now) — and returns what the server says about it.
 */
export function waitForPendingActivity(
  handle: WorkflowHandle,
  activityType: string,
  options: WaitOptions & { minAttempt?: number; started?: boolean } = {},
): Promise<PendingActivity> {
  const { minAttempt = 1, started = false } = options;
  return waitFor(
    async () => {
      const { raw } = await handle.describe();
      return (raw.pendingActivities ?? []).find(
        (a) => a.activityType?.name === activityType && (a.attempt ?? 0) >= minAttempt && (!started || a.state === STARTED),
      );
    },
    { what: `a pending ${activityType} activity${started ? ' started by a worker' : ''}${minAttempt > 1 ? ` at attempt ${minAttempt} or later` : ''}`, ...options },
  );
}
