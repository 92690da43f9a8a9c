/** Request schemas of the board accounts (staff and client users who sign in to /board). */
import { z } from 'zod';
import { STAFF_FUNCTIONS } from '../staff-accounts';
import { ROLES } from '../principal';
import { line, ruc } from './common.schemas';

export const staffParams = z.strictObject({
  username: z.string().regex(/^[a-z0-9][a-z0-9._-]{2,59}$/, { error: 'Usuario inválido: de 3 a 60 minúsculas, dígitos, punto, guion o guion bajo.' }),
});

/** Create an account, or reset it (details and password) when the username exists. */
export const putStaffBody = z.strictObject({
  name: line(120),
  role: z.enum(ROLES),
  function: z.enum(STAFF_FUNCTIONS),
  executiveId: z.string().regex(/^[A-Z0-9-]{2,20}$/, { error: 'Código de ejecutivo inválido (p. ej. ESC-07).' }).optional(),
  clientRuc: ruc.optional(),
  password: z.string().min(12, { error: 'La contraseña debe tener al menos 12 caracteres.' }).max(200),
});
