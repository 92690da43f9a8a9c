/**
 * The operator HTTP API, built without listening (server.ts listens; tests use supertest). Thin routers, one per
 * resource, all declared in one route registry that also generates the OpenAPI document; one error handler.
 * Hardening: JSON bodies only and size-limited, no CORS headers unless origins are configured, no x-powered-by.
 *
 * Layout: api/ itself holds only what every route shares (this app and server.ts, deps, auth and API keys,
 * routing and OpenAPI, errors, logging, the Temporal connection, caches) and schemas/ (the zod request schemas,
 * one file per resource, common.schemas.ts for the building blocks). Each capability is a folder under routes/
 * with its routers and the helpers only they use (dispatches/, partners/, calendar/, clients/, supervisors/); a
 * new capability adds routes/<name>/ and schemas/<name>.schemas.ts and registers its routes in buildRegistry
 * below. Files directly in routes/ are the service's own public endpoints (health, docs). A route imports api/'s
 * root and schemas/, never another capability's folder.
 */
import express, { type Express, type RequestHandler } from 'express';
import { createAuditTrail, type AuditTrail } from './audit-trail';
import { createAuthenticator } from './auth';
import type { ApiDeps } from './deps';
import { errorHandler, notFoundHandler } from './errors';
import { silentLogger, tagDispatch } from './logger';
import { createApiMetrics, METRICS_PATH, routeTemplate } from './metrics';
import { buildOpenApi } from './openapi';
import { RouteRegistry } from './routing';
import { TtlCache, type ClientCache } from './ttl-cache';
import { registerCalendarRoutes } from './routes/calendar/calendar.routes';
import { registerClientRoutes } from './routes/clients/clients.routes';
import { registerMandateRoutes } from './routes/clients/mandates.routes';
import { registerDispatchActionRoutes } from './routes/dispatches/dispatch-actions.routes';
import { registerDispatchRoutes } from './routes/dispatches/dispatches.routes';
import { docsRouter } from './routes/docs.routes';
import { registerHealthRoutes } from './routes/health.routes';
import { registerSupervisorRoutes } from './routes/supervisors/supervisors.routes';
import { registerPartnerRoutes } from './routes/partners/partners.routes';
import { createBoard } from './routes/board/board';
import { registerStaffRoutes } from './routes/staff/staff.routes';
import { registerPeopleRoutes } from './routes/people/people.routes';
import { registerMoneyRoutes } from './routes/money/money.routes';

export type { ApiDeps } from './deps';

export const API_VERSION = '0.1.0';

const CLIENT_TTL_MS = 30_000;

/** Every route of the API, declared once. */
export function buildRegistry(deps: ApiDeps): RouteRegistry {
  const registry = new RouteRegistry();
  // Client agreements read when a dispatch opens; PUT /clients/:ruc forgets its entry at once (another API
  // process sees a change within the TTL).
  const clients: ClientCache = new TtlCache(CLIENT_TTL_MS);
  registerHealthRoutes(registry, deps);
  registerDispatchRoutes(registry, deps, clients);
  registerDispatchActionRoutes(registry, deps);
  registerClientRoutes(registry, deps, clients);
  registerMandateRoutes(registry, deps);
  registerSupervisorRoutes(registry, deps);
  registerCalendarRoutes(registry, deps);
  registerPartnerRoutes(registry, deps);
  registerStaffRoutes(registry, deps);
  registerPeopleRoutes(registry, deps);
  registerMoneyRoutes(registry, deps);
  return registry;
}

function cors(origins: string[]): RequestHandler {
  return (req, res, next) => {
    const origin = req.get('origin');
    if (origin && origins.includes(origin)) {
      res.set({ 'Access-Control-Allow-Origin': origin, Vary: 'Origin', 'Access-Control-Allow-Headers': 'Authorization, Content-Type, Idempotency-Key', 'Access-Control-Allow-Methods': 'GET, POST, PUT' });
      if (req.method === 'OPTIONS') return void res.status(204).end();
    }
    next();
  };
}

/**
 * Request log: method, path and route template, status, duration, actor, and the dispatch and workflow a
 * /dispatches/:id request is about. Never headers or bodies (they may carry secrets). Scrapes only at debug level.
 */
function requestLog(deps: ApiDeps): RequestHandler {
  const logger = deps.logger ?? silentLogger;
  return (req, res, next) => {
    const started = process.hrtime.bigint();
    res.on('finish', () => {
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      const { actor, dispatchId, workflowId } = res.locals;
      const fields = { method: req.method, path: req.path, route: routeTemplate(req, res), status: res.statusCode, ms: Math.round(ms * 10) / 10, actor, dispatchId, workflowId };
      if (req.path === METRICS_PATH && res.statusCode < 400) logger.debug?.('request', fields);
      else logger.info('request', fields);
    });
    next();
  };
}

/** Resolves once the audit rows of the requests answered so far are written (or their failure logged). */
export async function auditsWritten(app: Express): Promise<void> {
  await (app.locals.audits as AuditTrail | undefined)?.written();
}

export function createApp(deps: ApiDeps): Express {
  const registry = buildRegistry(deps);
  const openapi = buildOpenApi(registry, API_VERSION);
  const authenticate = createAuthenticator(deps.prisma, deps.principals);
  const metrics = createApiMetrics({ prisma: deps.prisma, logger: deps.logger ?? silentLogger, token: deps.metricsToken });
  const app = express();
  // Audit rows are written after the answer (routing.ts), grouped under load: shutdown waits for them (auditsWritten).
  const audits = createAuditTrail(deps.prisma, deps.logger ?? silentLogger);
  app.locals.audits = audits;
  app.disable('x-powered-by');
  app.set('etag', false); // every answer is Cache-Control: no-store (below), so an ETag would never be used
  app.set('query parser', 'simple');
  app.use(requestLog(deps));
  app.use(metrics.observe);
  app.use('/dispatches/:id', tagDispatch);
  if (deps.corsOrigins?.length) app.use(cors(deps.corsOrigins));
  app.use((_req, res, next) => {
    res.set({ 'X-Content-Type-Options': 'nosniff', 'Cache-Control': 'no-store' });
    next();
  });
  app.get(METRICS_PATH, metrics.serve);
  app.use(express.json({ limit: deps.bodyLimit ?? '64kb', strict: true }));
  app.use(docsRouter(() => openapi));
  // The control board: HTML pages for people (session cookie + CSRF), on the same ports as the API.
  if (deps.board !== false) app.use('/board', createBoard(deps, audits, deps.board));
  app.use(
    registry.router({
      async authenticate(req) {
        const principal = await authenticate(req);
        req.res!.locals.actor = principal.name;
        return principal;
      },
      audit: (entry) => audits.record(entry),
    }),
  );
  app.use(notFoundHandler);
  app.use(errorHandler(deps.logger ?? silentLogger));
  return app;
}
