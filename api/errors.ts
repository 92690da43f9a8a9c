/**
 * The one error handler: every failure becomes `{ error: { code, message, issues? } }` with a status a person can
 * act on. Business rejections from the workflow keep their Spanish reason; infrastructure outages become 503 with
 * Retry-After; only genuine bugs are 500, and their details go to the log, never to the caller.
 */
import type { ErrorRequestHandler, RequestHandler } from 'express';
import { z } from 'zod';
import {
  isGrpcServiceError,
  ServiceError,
  WorkflowExecutionAlreadyStartedError,
  WorkflowNotFoundError,
  WorkflowUpdateFailedError,
  WorkflowUpdateRPCTimeoutOrCancelledError,
} from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import { ErrorType } from '../domain/errors';
import type { ErrorBody } from './schemas/common.schemas';
import type { Logger } from './logger';

/** Seconds a client should wait before retrying after a 503. */
export const RETRY_AFTER_SECONDS = 5;

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly issues?: { path: string; message: string }[],
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

export const unavailable = (what: string) =>
  new ApiError(503, 'service_unavailable', `${what} no está disponible en este momento. Vuelva a intentarlo en unos segundos.`, undefined, {
    'Retry-After': String(RETRY_AFTER_SECONDS),
  });

/** Spanish messages for zod's own issues. */
export const zodSpanish = { error: z.locales.es().localeError };

export function validationError(error: z.ZodError, where: string): ApiError {
  const issues = error.issues.map((i) => ({ path: [where, ...i.path.map(String)].join('.'), message: i.message }));
  return new ApiError(400, 'validation_failed', 'La solicitud tiene datos inválidos. Revise los campos indicados.', issues);
}

const PG_CONNECTION_LOST = /^(Connection terminated( unexpectedly| due to connection timeout)?|Client has encountered a connection error and is not queryable|Client was closed and is not queryable)$/;
const PRISMA_UNREACHABLE = new Set(['P1001', 'P1002', 'P1008', 'P1017', 'P2024']);
const NODE_UNREACHABLE = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENOTFOUND', '57P01', '57P03']);
// gRPC status codes (not imported: @grpc/grpc-js is the SDK's dependency, not ours): DEADLINE_EXCEEDED, RESOURCE_EXHAUSTED, UNAVAILABLE.
const GRPC_UNREACHABLE: number[] = [4, 8, 14];

/** A property of whatever was thrown: undefined unless it is an object that has it. */
function propertyOf(thrown: unknown, key: 'cause' | 'code' | 'name'): unknown {
  return typeof thrown === 'object' && thrown !== null ? (thrown as Partial<Record<typeof key, unknown>>)[key] : undefined;
}

/** The thrown value and its causes (`Error.cause`), outermost first, at most `max` of them. */
function causeChain(err: unknown, max: number): unknown[] {
  const chain: unknown[] = [];
  for (let e = err; e && chain.length < max; e = propertyOf(e, 'cause')) chain.push(e);
  return chain;
}

// PostgreSQL SQLSTATE classes that mean "the server is going away / not reachable": 08 connection exception,
// 57P01–57P03 admin shutdown, crash shutdown, cannot connect now.
const PG_UNREACHABLE = /^(08...|57P0[123])$/;

/**
 * The driver adapter's own error behind a Prisma error (e.g. P2039 / P2010 on a pooled connection that a
 * PostgreSQL shutdown cut): `meta.driverAdapterError.cause` carries the SQLSTATE or the adapter's kind.
 */
function adapterCause(e: unknown): { code?: unknown; originalCode?: unknown; kind?: unknown } | undefined {
  const meta = typeof e === 'object' && e !== null ? (e as { meta?: { driverAdapterError?: { cause?: unknown } } }).meta : undefined;
  const cause = meta?.driverAdapterError?.cause;
  return typeof cause === 'object' && cause !== null ? (cause as { code?: unknown; originalCode?: unknown; kind?: unknown }) : undefined;
}

function isDatabaseDown(err: unknown): boolean {
  return causeChain(err, 5).some((e) => {
    const code = propertyOf(e, 'code');
    if (typeof code === 'string' && (PRISMA_UNREACHABLE.has(code) || NODE_UNREACHABLE.has(code))) return true;
    const adapter = adapterCause(e);
    if (adapter) {
      if (adapter.kind === 'DatabaseNotReachable' || adapter.kind === 'ConnectionClosed') return true;
      for (const c of [adapter.code, adapter.originalCode]) if (typeof c === 'string' && (PG_UNREACHABLE.test(c) || NODE_UNREACHABLE.has(c))) return true;
    }
    if (propertyOf(e, 'name') === 'PrismaClientInitializationError') return true;
    // node-postgres losing its socket mid-query (a backend killed, a server crash): a plain Error with no code,
    // which the driver adapter passes through unmapped.
    return e instanceof Error && !(e instanceof ApiError) && PG_CONNECTION_LOST.test(e.message);
  });
}

export function isTemporalDown(err: unknown): boolean {
  if (err instanceof WorkflowUpdateRPCTimeoutOrCancelledError) return true;
  const cause = err instanceof ServiceError ? err.cause : err;
  if (isGrpcServiceError(cause)) {
    // FAILED_PRECONDITION "no poller seen for task queue recently": the server is up but no worker serves the workflow.
    return GRPC_UNREACHABLE.includes(cause.code) || (cause.code === 9 && /no poller/i.test(cause.details ?? ''));
  }
  // A lazy connection that cannot reach the server fails before any gRPC call.
  return err instanceof Error && /Failed to connect|ECONNREFUSED|deadline/i.test(err.message) && !(err instanceof ApplicationFailure);
}

/** Maps a workflow's business rejection (ApplicationFailure type from domain/errors.ts) to a status. */
function fromFailure(failure: ApplicationFailure): ApiError {
  switch (failure.type) {
    case ErrorType.InvalidTransition:
      return new ApiError(409, 'invalid_transition', failure.message);
    case ErrorType.NotFound:
      return new ApiError(404, 'not_found', failure.message);
    case ErrorType.TerminalRejected:
      return new ApiError(422, 'terminal_rejected', failure.message);
    default:
      return new ApiError(422, 'invalid_input', failure.message);
  }
}

/** Turns anything thrown by a route into the ApiError the caller sees. */
export function toApiError(err: unknown): ApiError {
  if (err instanceof ApiError) return err;
  if (err instanceof z.ZodError) return validationError(err, 'body');
  if (err instanceof WorkflowUpdateFailedError && err.cause instanceof ApplicationFailure) return fromFailure(err.cause);
  if (err instanceof WorkflowExecutionAlreadyStartedError) return new ApiError(409, 'dispatch_exists', 'Ya existe un despacho con ese código.');
  if (err instanceof WorkflowNotFoundError) return new ApiError(404, 'dispatch_not_found', 'No existe un despacho con ese código.');
  if (isDatabaseDown(err)) return unavailable('La base de datos');
  if (isTemporalDown(err)) return unavailable('Temporal (servidor o worker)');
  const e = err as { status?: unknown; type?: unknown; expose?: unknown };
  if (typeof e?.status === 'number' && e.status >= 400 && e.status < 500) return fromHttpError(e.status, String(e.type ?? ''));
  return new ApiError(500, 'internal_error', 'Ocurrió un error inesperado. Se registró para su revisión.');
}

/** Errors raised by express and its body parser before a route runs. */
function fromHttpError(status: number, type: string): ApiError {
  if (type === 'entity.too.large') return new ApiError(413, 'payload_too_large', 'El cuerpo de la solicitud es demasiado grande.');
  if (type === 'entity.parse.failed') return new ApiError(400, 'malformed_json', 'El cuerpo de la solicitud no es JSON válido.');
  if (status === 415) return new ApiError(415, 'unsupported_media_type', 'Envíe el cuerpo como application/json en UTF-8.');
  return new ApiError(status, 'bad_request', 'La solicitud no es válida.');
}

export function errorHandler(logger: Logger): ErrorRequestHandler {
  return (err, req, res, _next) => {
    const apiError = toApiError(err);
    if (apiError.status >= 500) {
      // The cause chain says what actually failed (e.g. the failure inside a WorkflowUpdateFailedError).
      const detail = causeChain(err, 4)
        .map((e) => (e instanceof Error ? `${e.name}: ${e.message}` : String(e)))
        .join(' <- ');
      logger.error('request failed', { method: req.method, path: req.path, status: apiError.status, error: detail.slice(0, 500) });
    }
    const body: ErrorBody = { error: { code: apiError.code, message: apiError.message, ...(apiError.issues ? { issues: apiError.issues } : {}) } };
    res.status(apiError.status).set(apiError.headers).json(body);
  };
}

/** JSON 404 for any route the API does not have. */
export const notFoundHandler: RequestHandler = (_req, _res, next) => {
  next(new ApiError(404, 'route_not_found', 'La ruta solicitada no existe.'));
};
