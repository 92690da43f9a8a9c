/** Client directory and agreements: contacts, status-report recipients and frequency, deadline overrides, extra documents. */
import type { ApiDeps } from '../../deps';
import { ApiError } from '../../errors';
import { ADMINS, OPERATORS, READERS } from '../../principal';
import type { RouteRegistry } from '../../routing';
import type { ClientCache } from '../../ttl-cache';
import { clientParams, listQuery, putClientBody } from '../../schemas/client.schemas';
import type { ClientRecord, JsonValue } from '../../../activities/records';

const notFound = () => new ApiError(404, 'client_not_found', 'No existe un cliente con ese RUC.');

export function registerClientRoutes(r: RouteRegistry, deps: ApiDeps, cache: ClientCache): void {
  r.add({
    method: 'get',
    path: '/clients',
    tag: 'Clientes',
    summary: 'Listar clientes',
    roles: OPERATORS,
    query: listQuery,
    responses: { 200: { description: 'Página de clientes: items, total, limit, offset' } },
    async handler({ query }) {
      const [rows, total] = await deps.prisma.$transaction([
        deps.prisma.client.findMany({ orderBy: { ruc: 'asc' }, skip: query.offset, take: query.limit, select: { ruc: true } }),
        deps.prisma.client.count(),
      ]);
      const items = await Promise.all(rows.map((row) => deps.store.getClient(row.ruc)));
      return { body: { items, total, limit: query.limit, offset: query.offset } };
    },
  });

  r.add({
    method: 'get',
    path: '/clients/:ruc',
    tag: 'Clientes',
    summary: 'Ver un cliente y su acuerdo de servicio',
    roles: READERS,
    params: clientParams,
    responses: { 200: { description: 'El cliente' }, 404: { description: 'Cliente desconocido' } },
    async handler({ params, principal }) {
      if (principal.role === 'client' && principal.clientRuc !== params.ruc) throw notFound();
      const client = await deps.store.getClient(params.ruc);
      if (!client) throw notFound();
      return { body: client };
    },
  });

  r.add({
    method: 'put',
    path: '/clients/:ruc',
    tag: 'Clientes',
    summary: 'Crear o reemplazar un cliente y su acuerdo (plazos pactados, contactos, reporte de estado)',
    roles: ADMINS,
    params: clientParams,
    body: putClientBody,
    responses: { 200: { description: 'El cliente guardado' } },
    audit: ({ params }) => ({ action: 'client.put', target: params.ruc }),
    async handler({ params, body }) {
      const record: ClientRecord = { ruc: params.ruc, ...body, deadlineOverrides: body.deadlineOverrides as { [key: string]: JsonValue } };
      await deps.store.upsertClient(record);
      cache.delete(params.ruc);
      const warnings: string[] = [];
      try {
        await deps.onClientAgreementChanged?.(params.ruc);
      } catch (err) {
        // The agreement is saved; the schedule catches up on the next change or restart.
        deps.logger?.warn('client agreement hook failed', { ruc: params.ruc, error: err instanceof Error ? err.message : String(err) });
        warnings.push('El acuerdo se guardó, pero no se pudo reprogramar el reporte de estado. Se reintentará en el próximo cambio.');
      }
      return { body: { ...(await deps.store.getClient(params.ruc)), ...(warnings.length ? { warnings } : {}) } };
    },
  });
}
