/**
 * Sign-in and sign-out. Failed sign-ins are counted per account (and per address for unknown names): from the
 * third one on, each next attempt must wait twice as long (1 s, 2 s, 4 s … up to 5 min) and is refused with 429
 * before the password is even checked; every failure is logged and written to the audit trail.
 */
import type { Request, Response, Router } from 'express';
import { DECOY_HASH, verifyPassword } from '../../staff-accounts';
import { silentLogger } from '../../logger';
import { audit, type Board } from './board-context';
import { html } from './html';
import { page } from './layout';
import { crossSite, csrfProblem, endSession, startSession, type BoardSession } from './session';

const FREE_ATTEMPTS = 3;
const MAX_WAIT_MS = 5 * 60_000;

/** How long after the latest failure the next attempt must wait. */
export function signInWaitMs(failures: number): number {
  return failures < FREE_ATTEMPTS ? 0 : Math.min(1000 * 2 ** (failures - FREE_ATTEMPTS), MAX_WAIT_MS);
}

/** Failures per client address for names that match no account (bounded; forgotten after MAX_WAIT_MS). */
const byAddress = new Map<string, { failures: number; last: number }>();

function signInForm(message?: string, next?: string, username = ''): string {
  return page({
    title: 'Iniciar sesión',
    session: null,
    body: html`<section class="sign-in">
      <h1>Iniciar sesión</h1>
      ${message ? html`<p class="error" role="alert">${message}</p>` : ''}
      <form method="post" action="/board/entrar">
        <input type="hidden" name="siguiente" value="${next ?? ''}">
        <label for="usuario">Usuario</label>
        <input id="usuario" name="usuario" autocomplete="username" required value="${username}">
        <label for="clave">Contraseña</label>
        <input id="clave" name="clave" type="password" autocomplete="current-password" required>
        <button type="submit">Entrar</button>
      </form>
    </section>`,
  });
}

const safeNext = (next: unknown) => (typeof next === 'string' && /^\/board(\/[A-Za-z0-9/_.?=&%-]*)?$/.test(next) ? next : '/board');

export function registerSignInRoutes(router: Router, board: Board): void {
  const { prisma } = board.deps;
  const logger = board.deps.logger ?? silentLogger;

  router.get('/entrar', (req, res) => {
    const left = req.query.salio === '1' ? 'Sesión cerrada.' : req.query.expirada === '1' ? 'Su sesión expiró por inactividad. Inicie sesión de nuevo.' : undefined;
    res.type('html').send(signInForm(left, typeof req.query.siguiente === 'string' ? req.query.siguiente : undefined));
  });

  router.post('/entrar', async (req: Request, res: Response) => {
    if (crossSite(req) || csrfProblem(req, null)) return void res.status(403).type('html').send(signInForm('Solicitud rechazada: el formulario no viene de este sitio.'));
    const body = (req.body ?? {}) as Record<string, unknown>;
    const username = typeof body.usuario === 'string' ? body.usuario.trim().toLowerCase().slice(0, 60) : '';
    const password = typeof body.clave === 'string' ? body.clave.slice(0, 200) : '';
    const next = safeNext(body.siguiente);
    const account = username ? await prisma.staffAccount.findUnique({ where: { username } }) : null;
    const address = req.ip ?? 'unknown';
    const now = Date.now();
    const failures = account ? account.failedSignIns : (byAddress.get(address)?.failures ?? 0);
    const last = account ? (account.lastFailedAt?.getTime() ?? 0) : (byAddress.get(address)?.last ?? 0);
    const waitMs = last + signInWaitMs(failures) - now;
    if (waitMs > 0) {
      const seconds = Math.ceil(waitMs / 1000);
      logger.warn('board sign-in throttled', { username, address, failures });
      await audit(board, req, { name: username || '(vacío)', username }, 'board.sign_in_throttled', 'board', { failures });
      return void res.status(429).set('Retry-After', String(seconds)).type('html').send(signInForm(`Demasiados intentos fallidos. Espere ${seconds} s antes de intentar de nuevo.`, next, username));
    }
    // An unknown name costs the same scrypt as a known one: the answer's timing says nothing.
    const ok = (await verifyPassword(password, account?.passwordHash ?? (await DECOY_HASH))) && account !== null && account.disabledAt === null;
    if (!ok) {
      if (account) await prisma.staffAccount.update({ where: { id: account.id }, data: { failedSignIns: { increment: 1 }, lastFailedAt: new Date(now) } });
      else {
        if (byAddress.size > 10_000) byAddress.clear();
        byAddress.set(address, { failures: failures + 1, last: now });
      }
      logger.warn('board sign-in failed', { username, address, failures: failures + 1 });
      await audit(board, req, { name: username || '(vacío)', username }, 'board.sign_in_failed', 'board', { failures: failures + 1 });
      return void res.status(401).type('html').send(signInForm('Usuario o contraseña incorrectos.', next, username));
    }
    await prisma.staffAccount.update({ where: { id: account.id }, data: { failedSignIns: 0, lastFailedAt: null } });
    byAddress.delete(address);
    await startSession(prisma, board.settings, req, res, account.id);
    await audit(board, req, account, 'board.sign_in', 'board', {});
    res.redirect(303, account.role === 'client' && next === '/board' ? '/board/portal' : next);
  });

  router.post('/salir', async (req: Request, res: Response) => {
    const session = res.locals.boardSession as BoardSession | undefined;
    if (session && csrfProblem(req, session)) return void res.status(403).type('html').send(signInForm('Solicitud rechazada.'));
    await endSession(prisma, board.settings, req, res);
    if (session) await audit(board, req, session.account, 'board.sign_out', 'board', {});
    res.redirect(303, '/board/entrar?salio=1');
  });
}
