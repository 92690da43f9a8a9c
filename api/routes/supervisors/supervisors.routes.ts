/** The supervisor roster: who receives escalations, and when they are on shift. */
import type { ApiDeps } from '../../deps';
import { OPERATORS, SUPERVISORS } from '../../principal';
import type { RouteRegistry } from '../../routing';
import { putSupervisorBody } from '../../schemas/client.schemas';
import type { JsonValue } from '../../../activities/records';

export function registerSupervisorRoutes(r: RouteRegistry, deps: ApiDeps): void {
  r.add({
    method: 'get',
    path: '/supervisors',
    tag: 'Supervisores',
    summary: 'Listar la nómina de supervisores (activos e inactivos)',
    roles: OPERATORS,
    responses: { 200: { description: 'items: supervisores por nombre' } },
    async handler() {
      const rows = await deps.prisma.supervisor.findMany({ orderBy: [{ active: 'desc' }, { name: 'asc' }] });
      return { body: { items: rows.map(({ id, name, email, active, onShift }) => ({ id, name, email, active, onShift })) } };
    },
  });

  r.add({
    method: 'put',
    path: '/supervisors',
    tag: 'Supervisores',
    summary: 'Crear o actualizar un supervisor (por correo electrónico)',
    roles: SUPERVISORS,
    body: putSupervisorBody,
    responses: { 200: { description: 'El supervisor guardado' } },
    audit: ({ body }) => ({ action: 'supervisor.put', target: body.email }),
    async handler({ body }) {
      return { body: await deps.store.upsertSupervisor({ ...body, onShift: body.onShift as JsonValue | null }) };
    },
  });
}
