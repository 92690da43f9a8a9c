/** Small helpers shared by the routers: the validated terminal, the idempotency header, the reply. */
import type { Request, Response } from 'express';
import { SimulatorError } from '../errors';
import type { Outcome } from '../idempotency';
import type { ResolvedOptions } from '../options';
import type { SimTerminal, SimulatorState } from '../state';

/** What every router needs: the shared state, the resolved options, and `persist` to call after a change. */
export interface SimContext {
  state: SimulatorState;
  options: ResolvedOptions;
  persist(): void;
}

/** The terminal validated by terminals.routes.ts for this request. */
export function terminalOf(res: Response): SimTerminal {
  return res.locals.terminal as SimTerminal;
}

const MAX_KEY_LENGTH = 200;

/** Reads `Idempotency-Key`; `required` routes answer 400 MISSING_IDEMPOTENCY_KEY without it. */
export function idempotencyKey(req: Request, required: true): string;
export function idempotencyKey(req: Request, required: false): string | undefined;
export function idempotencyKey(req: Request, required: boolean): string | undefined {
  const key = req.get('Idempotency-Key')?.trim();
  if (!key) {
    if (!required) return undefined;
    throw new SimulatorError(400, 'MISSING_IDEMPOTENCY_KEY', 'Header Idempotency-Key is required on this route');
  }
  if (key.length > MAX_KEY_LENGTH) {
    throw new SimulatorError(400, 'INVALID_IDEMPOTENCY_KEY', `Idempotency-Key longer than ${MAX_KEY_LENGTH} chars`);
  }
  return key;
}

/**
 * 201 for a new resource (persisted before answering, so a client never sees a record a restart would lose),
 * 200 plus `Idempotent-Replayed: true` for a replay; body `{ [envelope]: resource }`.
 */
export function reply<T>(ctx: SimContext, res: Response, envelope: string, outcome: Outcome<T>): void {
  if (outcome.created) ctx.persist();
  else res.set('Idempotent-Replayed', 'true');
  res.status(outcome.created ? 201 : 200).json({ [envelope]: outcome.resource });
}
