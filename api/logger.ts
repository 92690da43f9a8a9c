/**
 * The API's structured log: pino, one JSON line per entry (`level`, `time`, `service`, `msg` and the caller's
 * fields). Callers pass fields explicitly and never headers or bodies; redaction is the safety net behind that
 * habit: credentials, cookies and bodies are replaced by "[redacted]" up to two levels deep.
 */
import pino, { type DestinationStream } from 'pino';
import type { RequestHandler } from 'express';
import { dispatchWorkflowId } from '../domain/ids';

export interface Logger {
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
  /** Routine entries only LOG_LEVEL=debug shows (e.g. every Prometheus scrape). Optional for hand-made loggers. */
  debug?(message: string, fields?: Record<string, unknown>): void;
}

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

/** Field names whose values never reach the log, at the top level, one and two levels down (`req.headers.cookie`). */
export const REDACTED_KEYS = ['authorization', 'Authorization', 'cookie', 'Cookie', 'set-cookie', 'password', 'token', 'apiKey', 'secret', 'body'];
const REDACT_PATHS = REDACTED_KEYS.flatMap((key) => {
  const step = /^[A-Za-z_$][\w$]*$/.test(key) ? `.${key}` : `["${key}"]`;
  return [step.replace(/^\./, ''), `*${step}`, `*.*${step}`];
});

/**
 * A JSON-lines logger at `level`. `write` receives each line without its newline (tests collect them);
 * by default lines go synchronously to stdout.
 */
export function createJsonLogger(level: LogLevel = 'info', write?: (line: string) => void, service = 'levante-api'): Logger {
  const destination: DestinationStream | undefined = write ? { write: (chunk: string) => write(chunk.replace(/\n$/, '')) } : undefined;
  const log = pino(
    {
      level,
      base: { service },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      redact: { paths: REDACT_PATHS, censor: '[redacted]' },
      serializers: { err: pino.stdSerializers.err },
    },
    destination ?? pino.destination({ dest: 1, sync: true }),
  );
  return {
    debug: (message, fields = {}) => log.debug(fields, message),
    info: (message, fields = {}) => log.info(fields, message),
    warn: (message, fields = {}) => log.warn(fields, message),
    error: (message, fields = {}) => log.error(fields, message),
  };
}

export const silentLogger: Logger = { info() {}, warn() {}, error() {} };

/** Mounted at /dispatches/:id: the request log names the dispatch and its workflow, whatever the route answers. */
export const tagDispatch: RequestHandler = (req, res, next) => {
  const id = req.params.id;
  if (typeof id === 'string' && id) {
    res.locals.dispatchId = id;
    res.locals.workflowId = dispatchWorkflowId(id);
  }
  next();
};
