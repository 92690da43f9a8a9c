/** Liveness and readiness: whether Temporal and PostgreSQL answer. Public, for load balancers and the dev launcher. */
import { z } from 'zod';
import type { ApiDeps } from '../deps';
import { RETRY_AFTER_SECONDS } from '../errors';
import type { RouteRegistry } from '../routing';

const health = z.object({ status: z.enum(['ok', 'degraded']), temporal: z.boolean(), database: z.boolean() });

export function registerHealthRoutes(r: RouteRegistry, deps: ApiDeps): void {
  r.add({
    method: 'get',
    path: '/health',
    tag: 'Salud',
    summary: 'Estado de Temporal y PostgreSQL',
    roles: 'public',
    responses: {
      200: { description: 'Todo disponible', schema: health },
      503: { description: 'Temporal o PostgreSQL no responden' },
    },
    async handler() {
      const h = await deps.health().catch(() => ({ temporal: false, database: false }));
      const ok = h.temporal && h.database;
      return {
        status: ok ? 200 : 503,
        headers: ok ? undefined : { 'Retry-After': String(RETRY_AFTER_SECONDS) },
        body: { status: ok ? 'ok' : 'degraded', temporal: h.temporal, database: h.database },
      };
    },
  });
}
