/**
 * Board accounts: each person signs in as themselves. Passwords are kept only as a scrypt hash (node:crypto,
 * memory-hard, a random salt per password); an admin creates the account and resets its password, through
 * `PUT /staff-accounts/:username` or `npm run staff:create`. API keys stay for machines and scripts.
 */
import { randomBytes, scrypt as scryptCb, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import type { PrismaClient } from '../prisma/client';
import type { Role } from './principal';

/** scrypt cost: N = 2^15, r = 8 (32 MiB, about 100 ms here): slow for a guesser, fine for one sign-in. */
const COST = { N: 32768, r: 8, p: 1 } as const;
const KEY_LENGTH = 32;
const MAX_MEMORY = 64 * 1024 * 1024;

export const STAFF_FUNCTIONS = ['esc', 'production', 'tracking', 'supervision', 'admin', 'client'] as const;
export type StaffFunction = (typeof STAFF_FUNCTIONS)[number];

function scrypt(password: string, salt: Buffer, N: number, r: number, p: number): Promise<Buffer> {
  const options: ScryptOptions = { N, r, p, maxmem: MAX_MEMORY };
  return new Promise((resolve, reject) => scryptCb(password.normalize('NFC'), salt, KEY_LENGTH, options, (err, key) => (err ? reject(err) : resolve(key))));
}

/** `scrypt$N$r$p$salt$hash`, salt and hash in base64url. */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await scrypt(password, salt, COST.N, COST.r, COST.p);
  return ['scrypt', COST.N, COST.r, COST.p, salt.toString('base64url'), key.toString('base64url')].join('$');
}

/** Whether the password matches the stored hash (constant-time comparison). */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, hash] = stored.split('$');
  if (scheme !== 'scrypt' || !salt || !hash) return false;
  const expected = Buffer.from(hash, 'base64url');
  const actual = await scrypt(password, Buffer.from(salt, 'base64url'), Number(n), Number(r), Number(p));
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

/** A hash of a random password: checked when the username is unknown, so both answers take the same time. */
export const DECOY_HASH = hashPassword(randomBytes(12).toString('base64url'));

/** The password rule shown to the admin: long rather than complicated. */
export function passwordProblem(password: string): string | undefined {
  if (password.length < 12) return 'La contraseña debe tener al menos 12 caracteres.';
  if (password.length > 200) return 'La contraseña no debe pasar de 200 caracteres.';
  return undefined;
}

export interface StaffAccountInput {
  username: string;
  name: string;
  role: Role;
  function: StaffFunction;
  executiveId?: string | null;
  clientRuc?: string | null;
  password: string;
}

export interface StaffAccountView {
  id: string;
  username: string;
  name: string;
  role: string;
  function: string;
  executiveId: string | null;
  clientRuc: string | null;
  disabled: boolean;
}

const view = (row: { id: string; username: string; name: string; role: string; function: string; executiveId: string | null; clientRuc: string | null; disabledAt: Date | null }): StaffAccountView => ({
  id: row.id,
  username: row.username,
  name: row.name,
  role: row.role,
  function: row.function,
  executiveId: row.executiveId,
  clientRuc: row.clientRuc,
  disabled: row.disabledAt !== null,
});

/**
 * Creates the account, or replaces its details and password when the username exists (a reset): failed sign-ins
 * are forgotten and every open session of the account ends.
 */
export async function upsertStaffAccount(prisma: PrismaClient, input: StaffAccountInput): Promise<{ account: StaffAccountView; created: boolean }> {
  const problem = passwordProblem(input.password);
  if (problem) throw new Error(problem);
  if (input.role === 'client' && !/^\d{11}$/.test(input.clientRuc ?? '')) throw new Error('Una cuenta de cliente necesita el RUC del cliente (11 dígitos).');
  const username = input.username.trim().toLowerCase();
  const data = {
    name: input.name.trim(),
    role: input.role,
    function: input.function,
    executiveId: input.executiveId ?? null,
    clientRuc: input.role === 'client' ? input.clientRuc! : null,
    passwordHash: await hashPassword(input.password),
    failedSignIns: 0,
    lastFailedAt: null,
    disabledAt: null,
  };
  const existing = await prisma.staffAccount.findUnique({ where: { username } });
  if (existing) {
    const [, row] = await prisma.$transaction([prisma.boardSession.deleteMany({ where: { accountId: existing.id } }), prisma.staffAccount.update({ where: { id: existing.id }, data })]);
    return { account: view(row), created: false };
  }
  return { account: view(await prisma.staffAccount.create({ data: { username, ...data } })), created: true };
}

export async function listStaffAccounts(prisma: PrismaClient): Promise<StaffAccountView[]> {
  return (await prisma.staffAccount.findMany({ orderBy: { username: 'asc' } })).map(view);
}

/** Disables the account and ends its sessions; returns false when the username is unknown. */
export async function disableStaffAccount(prisma: PrismaClient, username: string): Promise<boolean> {
  const row = await prisma.staffAccount.findUnique({ where: { username: username.toLowerCase() } });
  if (!row) return false;
  await prisma.$transaction([prisma.boardSession.deleteMany({ where: { accountId: row.id } }), prisma.staffAccount.update({ where: { id: row.id }, data: { disabledAt: new Date() } })]);
  return true;
}
