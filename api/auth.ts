/**
 * Credentials: `Authorization: Bearer <api key>`. The key is hashed and looked up (only hashes are stored);
 * unknown or revoked keys get 401, a role the route does not allow gets 403 (routing.ts).
 */
import type { Request } from 'express';
import type { PrismaClient } from '../prisma/client';
import { findPrincipal, hashApiKey } from './api-keys';
import type { PrincipalCache } from './principal-cache';
import { ApiError } from './errors';
import type { Principal } from './principal';

const BEARER = /^Bearer ([A-Za-z0-9_-]{10,200})$/;

const unauthorized = (message: string) =>
  new ApiError(401, 'unauthorized', message, undefined, { 'WWW-Authenticate': 'Bearer realm="levante"' });

/** With `cache`, known keys are read from memory while it listens for key changes (principal-cache.ts). */
export function createAuthenticator(prisma: PrismaClient, cache?: PrincipalCache): (req: Request) => Promise<Principal> {
  return async (req) => {
    const header = req.get('authorization');
    if (!header) throw unauthorized('Falta la credencial: envíe el encabezado Authorization: Bearer <clave>.');
    const match = BEARER.exec(header.trim());
    if (!match) throw unauthorized('Credencial con formato inválido: use Authorization: Bearer <clave>.');
    const key = match[1]!;
    const principal = cache ? await cache.get(hashApiKey(key), () => findPrincipal(prisma, key)) : await findPrincipal(prisma, key);
    if (!principal) throw unauthorized('Credencial desconocida o revocada.');
    return principal;
  };
}
