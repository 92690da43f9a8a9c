/**
 * The control board (Trazabilidad – Tablero de Control), mounted at /board on the API's express app: server-rendered
 * Spanish pages over the same ports as the API (read model, live query, the same Updates through `act`), small
 * scripts and chart.js served from this process (no CDN: it works offline), a strict Content-Security-Policy and
 * the usual security headers (helmet), sessions in PostgreSQL and CSRF tokens on every state-changing request.
 */
import path from 'node:path';
import express, { Router, type ErrorRequestHandler, type RequestHandler } from 'express';
import helmet from 'helmet';
import type { AuditTrail } from '../../audit-trail';
import type { ApiDeps } from '../../deps';
import { toApiError } from '../../errors';
import { silentLogger } from '../../logger';
import type { Board } from './board-context';
import { registerDispatchPage } from './dispatch.page';
import { registerKpiPage } from './kpis.page';
import { messagePage } from './layout';
import { registerPartnersPage } from './partners.page';
import { registerPeoplePages } from './people.page';
import { registerPortalPages } from './portal.page';
import { registerQueuePage } from './queue.page';
import { csrfProblem, loadSession, type BoardSession } from './session';
import { resolveBoardSettings, type BoardSettings } from './settings';
import { registerSignInRoutes } from './sign-in.routes';

export type { BoardSettings } from './settings';

const WEB_ASSETS = path.join(__dirname, '..', '..', '..', 'web', 'assets');
const CHART_JS = path.join(path.dirname(require.resolve('chart.js')), 'chart.umd.js');

const securityHeaders = helmet({
  contentSecurityPolicy: {
    useDefaults: false,
    directives: {
      defaultSrc: ["'none'"],
      scriptSrc: ["'self'"],
      styleSrc: ["'self'"],
      imgSrc: ["'self'", 'data:'],
      connectSrc: ["'self'"],
      fontSrc: ["'self'"],
      formAction: ["'self'"],
      frameAncestors: ["'none'"],
      baseUri: ["'none'"],
      objectSrc: ["'none'"],
    },
  },
  referrerPolicy: { policy: 'same-origin' },
  crossOriginEmbedderPolicy: true,
});

/** The board's router: mount it at /board. */
export function createBoard(deps: ApiDeps, audits: AuditTrail, options: BoardSettings = {}): Router {
  const board: Board = { deps, settings: resolveBoardSettings(options), audits };
  const router = Router();
  router.use(securityHeaders);
  const assets = (file: string, type: string): RequestHandler => (_req, res) => void res.set('Cache-Control', 'private, max-age=300').type(type).sendFile(file);
  router.get('/assets/chart.umd.js', assets(CHART_JS, 'application/javascript'));
  router.use('/assets', express.static(WEB_ASSETS, { index: false, fallthrough: false, setHeaders: (res) => res.set('Cache-Control', 'private, max-age=300') }));
  router.use(express.urlencoded({ extended: false, limit: '32kb', parameterLimit: 100 }));
  router.use(async (req, res, next) => {
    const session = await loadSession(deps.prisma, board.settings, req);
    if (session) {
      res.locals.boardSession = session;
      res.locals.actor = session.account.name;
    }
    next();
  });
  registerSignInRoutes(router, board);
  // Every page below needs a session; a state-changing request also its CSRF token.
  router.use((req, res, next) => {
    const session = res.locals.boardSession as BoardSession | undefined;
    if (!session) {
      if (req.method === 'GET' && !req.get('x-levante-poll')) return void res.redirect(303, `/board/entrar?siguiente=${encodeURIComponent(req.originalUrl)}`);
      return void res.status(401).type('html').send(messagePage(null, 'Sesión requerida', 'Su sesión terminó. Inicie sesión de nuevo.'));
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      const problem = csrfProblem(req, session);
      if (problem) return void res.status(403).type('html').send(messagePage(session, 'Solicitud rechazada', problem));
    }
    next();
  });
  router.get('/', (_req, res) => res.redirect(303, (res.locals.boardSession as BoardSession).account.role === 'client' ? '/board/portal' : '/board/cola'));
  registerQueuePage(router, board);
  registerDispatchPage(router, board);
  registerKpiPage(router, board);
  registerPartnersPage(router, board);
  registerPeoplePages(router, board);
  registerPortalPages(router, board);
  router.use((_req, res) => void res.status(404).type('html').send(messagePage((res.locals.boardSession as BoardSession | undefined) ?? null, 'Página no encontrada', 'La página solicitada no existe.')));
  router.use(boardErrors(board));
  return router;
}

/** Errors become a Spanish page with the API's status mapping (503 when Temporal or the database is down). */
function boardErrors(board: Board): ErrorRequestHandler {
  const logger = board.deps.logger ?? silentLogger;
  return (err, req, res, _next) => {
    const e = toApiError(err);
    if (e.status >= 500) logger.error('board request failed', { method: req.method, path: req.path, status: e.status, error: err instanceof Error ? `${err.name}: ${err.message}`.slice(0, 500) : String(err) });
    const title = e.status === 404 ? 'No encontrado' : e.status >= 500 ? 'Servicio no disponible' : 'Solicitud no válida';
    res.status(e.status).set(e.headers).type('html').send(messagePage((res.locals.boardSession as BoardSession | undefined) ?? null, title, e.message));
  };
}
