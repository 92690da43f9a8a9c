/** What every board page needs: the API's dependencies, the settings, the session, and a few shared helpers. */
import type { Request, Response } from 'express';
import type { AuditTrail } from '../../audit-trail';
import type { ApiDeps } from '../../deps';
import type { Role } from '../../principal';
import { messagePage } from './layout';
import type { BoardSession } from './session';
import type { ResolvedBoardSettings } from './settings';

export interface Board {
  deps: ApiDeps;
  settings: ResolvedBoardSettings;
  /** The API's audit trail (api/audit-trail.ts): one way to write an audit row. */
  audits: AuditTrail;
}

/** The signed-in session of a request that passed the board's guard. */
export function sessionOf(res: Response): BoardSession {
  return res.locals.boardSession as BoardSession;
}

/** 403 with a page that says so when the signed-in role may not see this page. */
export function allowed(res: Response, roles: readonly Role[]): boolean {
  const session = sessionOf(res);
  if (roles.includes(session.account.role)) return true;
  res.status(403).type('html').send(messagePage(session, 'Acceso denegado', `Su cuenta (rol ${session.account.role}) no puede ver esta página.`));
  return false;
}

/** Every action from the board goes to the same audit trail as the API's, with the person's name. */
export async function audit(board: Board, req: Request, session: { name: string; username: string }, action: string, target: string, details: Record<string, unknown>): Promise<void> {
  await board.audits.record({ actor: session.name, action, target, details: { via: 'board', username: session.username, ip: req.ip ?? null, ...details } });
}

/** A query-string value as one trimmed string (forms send empty fields; repeated keys are refused). */
export function param(req: Request, name: string): string | undefined {
  const v = (req.query as Record<string, unknown>)[name];
  return typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined;
}
