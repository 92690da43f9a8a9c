/**
 * The worker's structured log: pino, one JSON line per entry, and an adapter that makes it the Temporal runtime's
 * logger, so the SDK's own entries, workflow and activity context loggers and (forwarded) core logs come out as
 * JSON lines too, with workflowId and, for a dispatch's workflow, dispatchId. Secrets never reach it by design
 * (activities log ids, not payloads); redaction is the safety net.
 */
import pino, { type DestinationStream, type Logger as Pino } from 'pino';
import type { LogLevel as TemporalLogLevel, LogMetadata, Logger as TemporalLogger } from '@temporalio/common';
import type { Config } from '../config/config';
import { dispatchWorkflowId } from '../domain/ids';

const REDACTED = ['password', 'authorization', 'token', 'secret', 'body'];
const REDACT_PATHS = REDACTED.flatMap((key) => [key, `*.${key}`, `*.*.${key}`]);

/** JSON lines at LOG_LEVEL on stdout (synchronously: an entry logged just before exit is not lost). */
export function createWorkerLogger(level: Config['LOG_LEVEL'], destination?: DestinationStream): Pino {
  return pino(
    {
      level,
      base: { service: 'levante-worker' },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      redact: { paths: REDACT_PATHS, censor: '[redacted]' },
      serializers: { err: pino.stdSerializers.err, error: pino.stdSerializers.err },
    },
    destination ?? pino.destination({ dest: 1, sync: true }),
  );
}

const PINO_LEVEL = { TRACE: 'trace', DEBUG: 'debug', INFO: 'info', WARN: 'warn', ERROR: 'error' } as const satisfies Record<TemporalLogLevel, string>;

// What precedes a dispatch id in its workflow id, derived from the one helper so the two cannot drift.
const DISPATCH_PREFIX = dispatchWorkflowId('');

/** The Temporal runtime's logger over pino: the SDK's metadata (workflowId, runId, taskQueue, …) become fields. */
export function toTemporalLogger(log: Pino): TemporalLogger {
  const write = (level: TemporalLogLevel, message: string, meta: LogMetadata = {}) => {
    // String keys only: the SDK adds a symbol-keyed timestamp pino cannot print.
    const fields: Record<string, unknown> = Object.fromEntries(Object.entries(meta));
    const workflowId = fields.workflowId;
    if (typeof workflowId === 'string' && workflowId.startsWith(DISPATCH_PREFIX)) fields.dispatchId ??= workflowId.slice(DISPATCH_PREFIX.length);
    log[PINO_LEVEL[level]](fields, message);
  };
  return {
    log: write,
    trace: (message, meta) => write('TRACE', message, meta),
    debug: (message, meta) => write('DEBUG', message, meta),
    info: (message, meta) => write('INFO', message, meta),
    warn: (message, meta) => write('WARN', message, meta),
    error: (message, meta) => write('ERROR', message, meta),
  };
}
