import { patched, proxyActivities, proxyLocalActivities, type ActivityOptions, type LocalActivityOptions } from '@temporalio/workflow';
import type { Activities } from '../../activities';
import { ErrorType } from '../../domain/errors';

// Records and email: PostgreSQL or the mail server being down is transient, so retry without limit
// (backoff capped at 5 min); the dispatch waits rather than losing a status change or an alert.
export const RECORD_OPTIONS: ActivityOptions = {
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '5 minutes' },
};
export const EMAIL_OPTIONS: ActivityOptions = {
  startToCloseTimeout: '1 minute',
  retry: { initialInterval: '2 seconds', backoffCoefficient: 2, maximumInterval: '5 minutes' },
};
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
} as const;

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
