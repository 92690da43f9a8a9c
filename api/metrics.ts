/**
 * Prometheus metrics of the API at `GET /metrics` (text format), on the port the API listens on:
 * - levante_http_requests_total / levante_http_request_duration_seconds by method, route template and status
 *   (the express route path, /dispatches/:id, never the raw URL: ids would make a series per dispatch);
 * - Node's process metrics (process_*, nodejs_*), once per process;
 * - business gauges read from the read model at scrape time: open, at-risk and overdue dispatches by the clock
 *   of their next deadline, plus levante_read_model_up.
 * Not in the route registry, hence not in the OpenAPI document nor the fuzz surface. Public like /health
 * unless METRICS_TOKEN is set, then it wants `Authorization: Bearer <token>`.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { Request, RequestHandler, Response } from 'express';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import { CLOCK_LABEL_ES } from '../domain/clocks';
import type { Prisma, PrismaClient } from '../prisma/client';
import { ApiError } from './errors';
import type { Logger } from './logger';

export const METRICS_PATH = '/metrics';

/** Label of open dispatches with no pending deadline. */
export const NO_CLOCK = 'none';

// Scrapes every 15 s cost one set of read-model queries at most every 10 s, however many Prometheus servers ask.
const READ_MODEL_CACHE_MS = 10_000;

// Seconds. Reads answer in milliseconds; operator actions wait up to 8 s for their outcome (actionAnswerWithinMs).
const LATENCY_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

const OPEN: Prisma.DispatchWhereInput = { status: { notIn: ['closed', 'cancelled'] } };

export interface ApiMetrics {
  /** Counts and times every request under its route template; mount before the routes. */
  observe: RequestHandler;
  /** `GET /metrics`. */
  serve: RequestHandler;
}

export interface ApiMetricsDeps {
  prisma: PrismaClient;
  logger: Logger;
  /** When set, a scrape must carry it as a Bearer token. */
  token?: string;
  /** Clock of the overdue check and the cache (tests). */
  now?: () => Date;
}

let processRegistry: Registry | undefined;
/** Process metrics are per process: collected once however many apps a process builds (tests build many). */
function processMetrics(): Registry {
  if (!processRegistry) {
    processRegistry = new Registry();
    collectDefaultMetrics({ register: processRegistry });
  }
  return processRegistry;
}

/** The route a request matched, as declared (`/dispatches/:id`); `(unmatched)` for 404s no route took. */
export function routeTemplate(req: Request, res: Response): string {
  const path: unknown = req.route?.path;
  if (typeof path === 'string') return `${req.baseUrl}${path}`;
  return res.statusCode === 404 ? '(unmatched)' : '(other)';
}

export function createApiMetrics(deps: ApiMetricsDeps): ApiMetrics {
  const perProcess = processMetrics(); // started now: CPU time and GC are counted from here on
  const registry = new Registry();
  const labelNames = ['method', 'route', 'status'] as const;
  const requests = new Counter({ name: 'levante_http_requests_total', help: 'HTTP requests answered by the API.', labelNames, registers: [registry] });
  const latency = new Histogram({
    name: 'levante_http_request_duration_seconds',
    help: 'Time from receiving a request to finishing its answer.',
    labelNames,
    buckets: LATENCY_BUCKETS,
    registers: [registry],
  });
  registerBusinessGauges(registry, deps);

  const observe: RequestHandler = (req, res, next) => {
    const end = latency.startTimer();
    res.on('finish', () => {
      const labels = { method: req.method, route: routeTemplate(req, res), status: String(res.statusCode) };
      requests.inc(labels);
      end(labels);
    });
    next();
  };

  const serve: RequestHandler = async (req, res) => {
    if (deps.token && !bearerMatches(req.get('authorization'), deps.token)) {
      throw new ApiError(401, 'unauthorized', 'Las métricas requieren el token configurado en METRICS_TOKEN.', undefined, {
        'WWW-Authenticate': 'Bearer realm="metrics"',
      });
    }
    const merged = Registry.merge([perProcess, registry]);
    res.type(merged.contentType).send(await merged.metrics());
  };

  return { observe, serve };
}

/** Compares hashes so neither the token's content nor its length leaks through timing. */
function bearerMatches(header: string | undefined, token: string): boolean {
  const given = /^Bearer\s+(\S+)$/i.exec(header ?? '')?.[1] ?? '';
  const digest = (s: string) => createHash('sha256').update(s).digest();
  return timingSafeEqual(digest(given), digest(token));
}

interface ClockCounts {
  open: Map<string, number>;
  atRisk: Map<string, number>;
  overdue: Map<string, number>;
}

/** Open, at-risk and overdue dispatches by the clock of their next deadline, from the `dispatches` read model. */
async function countByClock(prisma: PrismaClient, now: Date): Promise<ClockCounts> {
  const count = async (where: Prisma.DispatchWhereInput) => {
    const rows = await prisma.dispatch.groupBy({ by: ['nextDeadlineClock'], where: { ...OPEN, ...where }, _count: { _all: true } });
    return new Map(rows.map((r) => [r.nextDeadlineClock ?? NO_CLOCK, r._count._all]));
  };
  const [open, atRisk, overdue] = await Promise.all([
    count({}),
    count({ atRisk: true }),
    // Past its deadline counts even before the workflow's timer has written `overdue` (e.g. the worker is down).
    count({ OR: [{ overdue: true }, { nextDeadlineAt: { lte: now } }] }),
  ]);
  return { open, atRisk, overdue };
}

function registerBusinessGauges(registry: Registry, deps: ApiMetricsDeps): void {
  const now = deps.now ?? (() => new Date());
  // Every known clock is always present (0 when none), so a rate or an alert never meets a missing series.
  const clocks = [...Object.keys(CLOCK_LABEL_ES), NO_CLOCK];
  let cached: { at: number; refresh: Promise<void> } | undefined;

  const refresh = (): Promise<void> => {
    const at = now().getTime();
    if (cached && at - cached.at < READ_MODEL_CACHE_MS) return cached.refresh;
    cached = { at, refresh: read(new Date(at)) };
    return cached.refresh;
  };
  // Every gauge waits for the same read: the registry collects them concurrently.
  const collect = () => refresh();
  const labelNames = ['clock'] as const;
  const gauges = {
    open: new Gauge({ name: 'levante_dispatches_open', help: 'Open dispatches (not closed or cancelled) by the clock of their next deadline.', labelNames, registers: [registry], collect }),
    atRisk: new Gauge({ name: 'levante_dispatches_at_risk', help: 'Open dispatches flagged at risk by the clock of their next deadline.', labelNames, registers: [registry], collect }),
    overdue: new Gauge({
      name: 'levante_dispatches_overdue',
      help: 'Open dispatches flagged overdue or past their next deadline, by the clock of that deadline.',
      labelNames,
      registers: [registry],
      collect,
    }),
  };
  const up = new Gauge({ name: 'levante_read_model_up', help: '1 when the business gauges were read from PostgreSQL, 0 when it did not answer.', registers: [registry], collect });

  async function read(at: Date): Promise<void> {
    try {
      const counts = await countByClock(deps.prisma, at);
      for (const [key, gauge] of Object.entries(gauges) as [keyof ClockCounts, Gauge<'clock'>][]) {
        gauge.reset();
        for (const clock of new Set([...clocks, ...counts[key].keys()])) gauge.set({ clock }, counts[key].get(clock) ?? 0);
      }
      up.set(1);
    } catch (err) {
      // The HTTP and process metrics still answer; stale business figures would mislead, so none are shown.
      for (const gauge of Object.values(gauges)) gauge.reset();
      up.set(0);
      deps.logger.warn('business gauges unavailable', { error: err instanceof Error ? err.message : String(err) });
    }
  }
}
