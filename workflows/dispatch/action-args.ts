import { ApplicationFailure } from '@temporalio/workflow';
import { ErrorType } from '../../domain/errors';
import type { ActionBase } from '../dispatch.messages';
import { nowIso } from './runtime';

/** Refuses an operator action with a Spanish reason (non-retryable: it reaches the caller as a 4xx). */
export function reject(reason: string, type: string = ErrorType.InvalidInput): never {
  throw ApplicationFailure.nonRetryable(reason, type);
}

/** When the action happened: `occurredAt` if the operator gave one (never in the future), else now. */
export function eventTime(args: ActionBase): string {
  if (!args || typeof args.actor !== 'string' || args.actor.trim() === '') reject('Falta el usuario que realiza la acción (actor).');
  if (args.occurredAt === undefined) return nowIso();
  const t = Date.parse(args.occurredAt);
  if (Number.isNaN(t)) reject(`Fecha inválida: "${args.occurredAt}". Use formato ISO 8601.`);
  if (t > Date.now() + 60_000) reject('La fecha del evento no puede estar en el futuro.');
  return new Date(t).toISOString();
}
