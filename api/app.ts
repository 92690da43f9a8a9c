/**
 * The operator HTTP API, built without listening (server.ts listens; tests use supertest). Thin routers, one per
 * resource, all declared in one route registry that also generates the OpenAPI document; one error handler.
 * Hardening: JSON bodies only and size-limited, no CORS headers unless origins are configured, no x-powered-by.
 */
import express, { type Express, type RequestHandler } from 'express';
import { createAuthenticator } from './auth';
import type { ApiDeps } from './deps';
import { errorHandler, notFoundHandler } from './errors';
import { silentLogger } from './logger';
import { buildOpenApi } from './openapi';
import { RouteRegistry } from './routing';
import { registerCalendarRoutes } from './routes/calendar.routes';
import { registerClientRoutes } from './routes/clients.routes';
import { registerDispatchActionRoutes } from './routes/dispatch-actions.routes';
import { registerDispatchRoutes } from './routes/dispatches.routes';
import { docsRouter } from './routes/docs.routes';
import { registerHealthRoutes } from './routes/health.routes';
import { registerSupervisorRoutes } from './routes/supervisors.routes';
import { registerPartnerRoutes } from './partners.routes';

export type { ApiDeps } from './deps';

export const API_VERSION = '0.1.0';

/** Every route of the API, declared once. */
export function buildRegistry(deps: ApiDeps): RouteRegistry {
  const registry = new RouteRegistry();
  registerHealthRoutes(registry, deps);
  registerDispatchRoutes(registry, deps);
  registerDispatchActionRoutes(registry, deps);
  registerClientRoutes(registry, deps);
  registerSupervisorRoutes(registry, deps);
  registerCalendarRoutes(registry, deps);
  registerPartnerRoutes(registry, deps);
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

/** Request log: method, route, status, duration and actor. Never headers or bodies (they may carry secrets). */
function requestLog(deps: ApiDeps): RequestHandler {
  const logger = deps.logger ?? silentLogger;
  return (req, res, next) => {
    const started = process.hrtime.bigint();
    res.on('finish', () => {
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      logger.info('request', { method: req.method, path: req.path, status: res.statusCode, ms: Math.round(ms * 10) / 10, actor: res.locals.actor });
    });
    next();
  };
}

export function createApp(deps: ApiDeps): Express {
  const registry = buildRegistry(deps);
  const openapi = buildOpenApi(registry, API_VERSION);
  const authenticate = createAuthenticator(deps.prisma);
  const app = express();
  app.disable('x-powered-by');
  app.set('query parser', 'simple');
  app.use(requestLog(deps));
  if (deps.corsOrigins?.length) app.use(cors(deps.corsOrigins));
  app.use((_req, res, next) => {
    res.set({ 'X-Content-Type-Options': 'nosniff', 'Cache-Control': 'no-store' });
    next();
  });
  app.use(express.json({ limit: deps.bodyLimit ?? '64kb', strict: true }));
  app.use(docsRouter(() => openapi));
  app.use(
    registry.router({
      async authenticate(req) {
        const principal = await authenticate(req);
        req.res!.locals.actor = principal.name;
        return principal;
      },
      async audit(entry) {
        try {
          await deps.prisma.auditEvent.create({ data: { ...entry, details: entry.details as object } });
        } catch (err) {
          // The workflow history already names the actor; a lost audit row must not fail a done action.
          (deps.logger ?? silentLogger).warn('audit write failed', { action: entry.action, target: entry.target, error: String(err) });
        }
      },
    }),
  );
  app.use(notFoundHandler);
  app.use(errorHandler(deps.logger ?? silentLogger));
  return app;
}
