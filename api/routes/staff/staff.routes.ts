/** Board accounts, maintained by an admin: each person signs in to /board as themselves (API keys stay for machines). */
import { z } from 'zod';
import { disableStaffAccount, listStaffAccounts, upsertStaffAccount } from '../../staff-accounts';
import { ApiError } from '../../errors';
import { ADMINS } from '../../principal';
import type { ApiDeps } from '../../deps';
import type { RouteRegistry } from '../../routing';
import { putStaffBody, staffParams } from '../../schemas/staff.schemas';

const TAG = 'Cuentas del tablero';
const account = z.object({ id: z.string(), username: z.string(), name: z.string(), role: z.string(), function: z.string(), executiveId: z.string().nullable(), clientRuc: z.string().nullable(), disabled: z.boolean() });

export function registerStaffRoutes(r: RouteRegistry, deps: ApiDeps): void {
  r.add({
    method: 'get',
    path: '/staff-accounts',
    tag: TAG,
    summary: 'Listar las cuentas del tablero (nunca sus contraseñas)',
    roles: ADMINS,
    responses: { 200: { description: 'items: cuentas por usuario', schema: z.object({ items: z.array(account) }) } },
    async handler() {
      return { body: { items: await listStaffAccounts(deps.prisma) } };
    },
  });

  r.add({
    method: 'put',
    path: '/staff-accounts/:username',
    tag: TAG,
    summary: 'Crear una cuenta del tablero, o restablecerla (datos y contraseña; cierra sus sesiones abiertas)',
    roles: ADMINS,
    params: staffParams,
    body: putStaffBody,
    responses: { 201: { description: 'Cuenta creada', schema: account }, 200: { description: 'Cuenta restablecida', schema: account } },
    audit: ({ params }) => ({ action: 'staff.put', target: params.username }),
    // The audit trail keeps the validated body: never the password.
    secretFields: ['password'],
    async handler({ params, body }) {
      if (body.role === 'client' && !body.clientRuc) throw new ApiError(422, 'invalid_input', 'Una cuenta de cliente necesita clientRuc (el RUC del cliente).');
      const { account: saved, created } = await upsertStaffAccount(deps.prisma, { ...body, username: params.username });
      return { status: created ? 201 : 200, body: saved };
    },
  });

  r.add({
    method: 'post',
    path: '/staff-accounts/:username/disable',
    tag: TAG,
    summary: 'Desactivar una cuenta del tablero (cierra sus sesiones)',
    roles: ADMINS,
    params: staffParams,
    responses: { 200: { description: 'Cuenta desactivada' }, 404: { description: 'Usuario desconocido' } },
    audit: ({ params }) => ({ action: 'staff.disable', target: params.username }),
    async handler({ params }) {
      if (!(await disableStaffAccount(deps.prisma, params.username))) throw new ApiError(404, 'not_found', 'No existe esa cuenta.');
      return { body: { username: params.username, disabled: true } };
    },
  });
}
