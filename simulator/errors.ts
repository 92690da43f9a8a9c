import type { ErrorRequestHandler, RequestHandler } from 'express';

/** An error with an HTTP status and a stable code, rendered as `{ error: { code, message } }`. */
export class SimulatorError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly extra: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'SimulatorError';
  }
}

/** Business rejections the operator may see: messages in Spanish (es-PE). */
export const rejections = {
  noSlot: (detail: string) => new SimulatorError(409, 'NO_SLOT', `No hay cupo disponible ${detail}.`),
  blNotFound: (bl: string) => new SimulatorError(422, 'BL_NOT_FOUND', `El BL ${bl} no figura en el terminal.`),
  blAlreadyAssigned: (bl: string, carrierRuc: string) =>
    new SimulatorError(409, 'BL_ALREADY_ASSIGNED', `El BL ${bl} ya está asignado al transportista RUC ${carrierRuc}.`),
  proformaNotFound: (id: string) =>
    new SimulatorError(422, 'PROFORMA_NOT_FOUND', `La proforma ${id} no existe en el terminal.`),
  keyReused: () =>
    new SimulatorError(
      422,
      'IDEMPOTENCY_KEY_REUSED',
      'La clave de idempotencia ya se usó con otra solicitud distinta.',
    ),
};

/** 404 for any route the contract does not define. */
export const notFoundHandler: RequestHandler = (req, _res, next) => {
  next(new SimulatorError(404, 'NOT_FOUND', `No route for ${req.method} ${req.path}`));
};

/** The single error handler: SimulatorError as-is, malformed JSON as 400, anything else as 500. */
export const errorHandler: ErrorRequestHandler = (err: unknown, _req, res, _next) => {
  if (err instanceof SimulatorError) {
    res.status(err.status).json({ error: { code: err.code, message: err.message, ...err.extra } });
    return;
  }
  if (isBodyParserError(err)) {
    res.status(400).json({ error: { code: 'INVALID_JSON', message: 'Request body is not valid JSON' } });
    return;
  }
  res.status(500).json({ error: { code: 'INTERNAL', message: err instanceof Error ? err.message : String(err) } });
};

function isBodyParserError(err: unknown): boolean {
  return typeof err === 'object' && err !== null && (err as { type?: unknown }).type === 'entity.parse.failed';
}
