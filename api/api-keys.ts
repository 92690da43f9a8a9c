/**
 * API keys: random secrets shown once; only their SHA-256 is stored, so a database dump reveals no credential.
 * The key carries a prefix (`lev_`) so it is recognisable in a leaked file and by secret scanners.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { PrismaClient } from '../prisma/client';
import type { Principal, Role } from './principal';

export function hashApiKey(key: string): string {
  return createHash('sha256').update(key, 'utf8').digest('hex');
}

export interface NewApiKey {
  role: Role;
  name: string;
  /** Required for the client role. */
  clientRuc?: string;
}

/** Creates a key and returns it with its id; the plain key is never stored or retrievable again. */
export async function createApiKey(prisma: PrismaClient, input: NewApiKey): Promise<{ id: string; key: string }> {
  if (input.role === 'client' && !/^\d{11}$/.test(input.clientRuc ?? '')) throw new Error('a client key needs --client-ruc with 11 digits');
  if (input.name.trim() === '') throw new Error('a key needs a --name (who uses it)');
  const key = `lev_${randomBytes(32).toString('base64url')}`;
  const row = await prisma.apiKey.create({
    data: { name: input.name.trim(), role: input.role, clientRuc: input.role === 'client' ? input.clientRuc! : null, hash: hashApiKey(key) },
  });
  return { id: row.id, key };
}

/** Revokes a key by id; every API forgets it as PostgreSQL notifies the change at commit (api/principal-cache.ts). */
export async function revokeApiKey(prisma: PrismaClient, id: string): Promise<boolean> {
  const { count } = await prisma.apiKey.updateMany({ where: { id, revokedAt: null }, data: { revokedAt: new Date() } });
  return count > 0;
}

/** The principal holding this key, or null when it is unknown or revoked. */
export async function findPrincipal(prisma: PrismaClient, key: string): Promise<Principal | null> {
  const row = await prisma.apiKey.findUnique({ where: { hash: hashApiKey(key) } });
  if (!row || row.revokedAt) return null;
  return { keyId: row.id, name: row.name, role: row.role as Role, clientRuc: row.clientRuc };
}
