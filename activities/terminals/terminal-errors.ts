/** Maps terminal HTTP outcomes to Temporal's error model: business rejections vs transient faults. */
import { ApplicationFailure } from '@temporalio/common';
import type { Terminal } from '../../domain/dispatch';
import { ErrorType } from '../../domain/errors';

/** Details attached to a TerminalRejected failure, readable by the workflow via `failure.details[0]`. */
export interface TerminalRejectionDetails {
  terminal: Terminal;
  status: number;
  code: string;
  message: string;
  path: string;
}

/** Statuses worth retrying although they are 4xx: request timeout and rate limiting. */
const TRANSIENT_4XX = new Set([408, 429]);

/** True for HTTP statuses that retrying cannot fix. */
export function isRejection(status: number): boolean {
  return status >= 400 && status < 500 && !TRANSIENT_4XX.has(status);
}

/** Reads `{ error: { code, message } }`, tolerating bodies that are not JSON (proxies, HTML error pages). */
export function errorBody(body: unknown, status: number): { code: string; message: string } {
  const error = (body as { error?: { code?: unknown; message?: unknown } } | undefined)?.error;
  return {
    code: typeof error?.code === 'string' ? error.code : `HTTP_${status}`,
    message: typeof error?.message === 'string' ? error.message : `HTTP ${status}`,
  };
}

/** The non-retryable failure for a business rejection (NO_SLOT, BL_NOT_FOUND, any other 4xx). */
export function terminalRejected(details: TerminalRejectionDetails): ApplicationFailure {
  return ApplicationFailure.nonRetryable(`${details.terminal}: ${details.message}`, ErrorType.TerminalRejected, details);
}

/** A plain (retryable) error for 5xx, 408, 429, network failures and timeouts. */
export function transientError(terminal: Terminal, what: string, cause?: unknown): Error {
  return new Error(`${terminal} transient failure: ${what}`, cause === undefined ? undefined : { cause });
}
