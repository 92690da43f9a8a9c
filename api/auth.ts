/**
 * Credentials: `Authorization: Bearer <api key>`. The key is hashed and looked up (only hashes are stored);
 * unknown or revoked keys get 401, a role the route does not allow gets 403 (routing.ts).
 */
import type { Request } from 'express';
import type { PrismaClient } from '../prisma/client';
import { findPrincipal } from './api-keys';
import { ApiError } from './errors';
import type { Principal } from './principal';

const BEARER = /^Bearer ([A-Za-z0-9_-]{10,200})$/;

const unauthorized = (message: string) =>
  new ApiError(401, 'unauthorized', message, undefined, { 'WWW-Authenticate': 'Bearer realm="levante"' });

export function createAuthenticator(prisma: PrismaClient): (req: Request) => Promise<Principal> {
  return async (req) => {
    const header = req.get('authorization');
    if (!header) throw unauthorized('Falta la credencial: envíe el encabezado Authorization: Bearer <clave>.');
    const match = BEARER.exec(header.trim());
    if (!match) throw unauthorized('Credencial con formato inválido: use Authorization: Bearer <clave>.');
    const principal = await findPrincipal(prisma, match[1]!);
    if (!principal) throw unauthorized('Credencial desconocida o revocada.');
    return principal;
  };
}
