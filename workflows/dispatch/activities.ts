import { proxyActivities, type ActivityOptions } from '@temporalio/workflow';
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
// Terminals: an outage usually heals within minutes; after ~30 min of failures (12 attempts) the operator
// must hear about it rather than the workflow retrying silently for hours. Business rejections never retry.
export const TERMINAL_OPTIONS: ActivityOptions = {
  startToCloseTimeout: '30 seconds',
  retry: {
    initialInterval: '2 seconds',
    backoffCoefficient: 2,
    maximumInterval: '5 minutes',
    maximumAttempts: 12,
    nonRetryableErrorTypes: [ErrorType.TerminalRejected],
  },
};

export const records = proxyActivities<Activities>(RECORD_OPTIONS);
export const email = proxyActivities<Activities>(EMAIL_OPTIONS);
export const terminals = proxyActivities<Activities>(TERMINAL_OPTIONS);
