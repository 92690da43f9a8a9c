import { ApplicationFailure, setHandler } from '@temporalio/workflow';
import type { UpdateDefinition } from '@temporalio/common';
import { REMEMBERED_REQUESTS } from '../../domain/dispatch-book';
import { ErrorType } from '../../domain/errors';
import type { ActionBase, ActionResult } from '../dispatch.messages';
import { nowIso, type DispatchRuntime } from './runtime';

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

/**
 * Registers an operator action (an Update) with its validator. An action whose requestId this dispatch already
 * applied — in this run or one before a continue-as-new — passes the validator and answers the current state
 * without acting again; a successful action remembers its requestId.
 */
export function setAction<A extends ActionBase>(
  rt: DispatchRuntime,
  def: UpdateDefinition<ActionResult, [A], string>,
  handler: (args: A) => Promise<ActionResult>,
  validator: (args: A) => void,
): void {
  const applied = (args: A) => typeof args?.requestId === 'string' && (rt.book.appliedRequests ?? []).includes(args.requestId);
  setHandler(
    def,
    async (args: A) => {
      if (applied(args)) return rt.view();
      let result = await handler(args);
      // Lifecycle feature money-clocks-2026-12: an action out of hours or scope bills itself (automatic 10110).
      if (rt.afterAction && (await rt.afterAction(def.name, args))) result = rt.view();
      if (typeof args.requestId === 'string') rt.book.appliedRequests = [...(rt.book.appliedRequests ?? []), args.requestId].slice(-REMEMBERED_REQUESTS);
      return result;
    },
    {
      validator: (args: A) => {
        if (!applied(args)) validator(args);
      },
    },
  );
}
