/**
 * Board sessions: a random token in an HttpOnly, SameSite=Strict cookie (Secure, and `__Host-` prefixed, behind
 * TLS); PostgreSQL keeps only its SHA-256, the account, a CSRF token, and the idle and absolute expiries.
 * Every state-changing request must carry the session's CSRF token (form field `_csrf` or header X-CSRF-Token).
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';
import type { PrismaClient } from '../../../prisma/client';
import type { Role } from '../../principal';
import type { ResolvedBoardSettings } from './settings';

export interface BoardAccount {
  id: string;
  username: string;
  name: string;
  role: Role;
  function: string;
  executiveId: string | null;
  clientRuc: string | null;
}

export interface BoardSession {
  account: BoardAccount;
  csrfToken: string;
}

const COOKIE = 'levante_sesion';
const SECURE_COOKIE = '__Host-levante_sesion';
/** lastSeenAt is written at most once a minute: a burst of requests costs one update. */
const TOUCH_EVERY_MS = 60_000;

const sha256 = (token: string) => createHash('sha256').update(token).digest('hex');
const isSecure = (req: Request, settings: ResolvedBoardSettings) => settings.secureCookies || req.secure;

function readCookie(req: Request, name: string): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k === name) return decodeURIComponent(v.join('='));
  }
  return undefined;
}

function cookieName(req: Request, settings: ResolvedBoardSettings) {
  return isSecure(req, settings) ? SECURE_COOKIE : COOKIE;
}

/** Starts a session for the account and sets its cookie. */
export async function startSession(prisma: PrismaClient, settings: ResolvedBoardSettings, req: Request, res: Response, accountId: string): Promise<void> {
  const token = randomBytes(32).toString('base64url');
  const now = Date.now();
  await prisma.boardSession.create({
    data: { id: sha256(token), accountId, csrfToken: randomBytes(32).toString('base64url'), lastSeenAt: new Date(now), expiresAt: new Date(now + settings.maxSessionMs) },
  });
  res.cookie(cookieName(req, settings), token, { httpOnly: true, sameSite: 'strict', secure: isSecure(req, settings), path: '/', maxAge: settings.maxSessionMs });
}

/** Ends the request's session (sign-out) and clears the cookie. */
export async function endSession(prisma: PrismaClient, settings: ResolvedBoardSettings, req: Request, res: Response): Promise<void> {
  const token = readCookie(req, cookieName(req, settings));
  if (token) await prisma.boardSession.deleteMany({ where: { id: sha256(token) } });
  res.clearCookie(cookieName(req, settings), { httpOnly: true, sameSite: 'strict', secure: isSecure(req, settings), path: '/' });
}

/** The request's live session, or null (no cookie, unknown, idle too long, past its end, account disabled). */
export async function loadSession(prisma: PrismaClient, settings: ResolvedBoardSettings, req: Request): Promise<BoardSession | null> {
  const token = readCookie(req, cookieName(req, settings));
  if (!token || token.length > 100) return null;
  const row = await prisma.boardSession.findUnique({ where: { id: sha256(token) }, include: { account: true } });
  if (!row) return null;
  const now = Date.now();
  if (row.expiresAt.getTime() <= now || row.lastSeenAt.getTime() + settings.idleTimeoutMs <= now || row.account.disabledAt) {
    await prisma.boardSession.deleteMany({ where: { id: row.id } });
    return null;
  }
  if (now - row.lastSeenAt.getTime() > TOUCH_EVERY_MS) await prisma.boardSession.update({ where: { id: row.id }, data: { lastSeenAt: new Date(now) } });
  const a = row.account;
  return { account: { id: a.id, username: a.username, name: a.name, role: a.role as Role, function: a.function, executiveId: a.executiveId, clientRuc: a.clientRuc }, csrfToken: row.csrfToken };
}

function sameToken(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/**
 * CSRF defence for state-changing requests: the session's synchronizer token must come back (form field or
 * header), and a browser's Origin, when sent, must be this host. SameSite=Strict is the second layer.
 */
export function csrfProblem(req: Request, session: BoardSession | null): string | undefined {
  const origin = req.get('origin');
  if (origin && origin !== `${req.protocol}://${req.get('host')}`) return 'La solicitud viene de otro sitio.';
  if (!session) return undefined; // the sign-in form: checked by Origin and Sec-Fetch-Site only
  const sent = (req.body && typeof req.body === 'object' ? (req.body as Record<string, unknown>)._csrf : undefined) ?? req.get('x-csrf-token');
  if (typeof sent !== 'string' || !sameToken(sent, session.csrfToken)) return 'La sesión del formulario no es válida. Recargue la página e intente de nuevo.';
  return undefined;
}

/** Blocks cross-site sign-in posts (login CSRF): a browser says where a request comes from. */
export function crossSite(req: Request): boolean {
  const site = req.get('sec-fetch-site');
  return site !== undefined && site !== 'same-origin' && site !== 'none';
}

export type BoardRequestHandler = (req: Request, res: Response, next: NextFunction) => Promise<void>;
