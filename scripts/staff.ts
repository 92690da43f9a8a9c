/**
 * `npm run staff:create -- --username rosa.quispe --name "Rosa Quispe" --role supervisor --function supervision`
 *   [--executive-id ESC-07] [--client-ruc 20100047218]
 * Creates a board account, or resets it (details and password; its open sessions end) when the username exists.
 * The password comes from LEVANTE_STAFF_PASSWORD, or one is generated and printed ONCE; only its scrypt hash is
 * stored. Uses DATABASE_URL. Admins can do the same over the API: PUT /staff-accounts/:username.
 */
import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import { ROLES, type Role } from '../api/principal';
import { STAFF_FUNCTIONS, upsertStaffAccount, type StaffFunction } from '../api/staff-accounts';
import type { PrismaClient } from '../prisma/client';
import { runWithDatabase } from './lib/cli';

async function main(prisma: PrismaClient): Promise<number> {
  const { values } = parseArgs({
    args: process.argv.slice(2),
    options: { username: { type: 'string' }, name: { type: 'string' }, role: { type: 'string' }, function: { type: 'string' }, 'executive-id': { type: 'string' }, 'client-ruc': { type: 'string' } },
  });
  const role = values.role as Role;
  const fn = (values.function ?? (role === 'client' ? 'client' : role === 'supervisor' ? 'supervision' : role === 'admin' ? 'admin' : 'esc')) as StaffFunction;
  if (!values.username || !values.name || !ROLES.includes(role) || !STAFF_FUNCTIONS.includes(fn)) {
    throw new Error(`usage: npm run staff:create -- --username <user> --name "<full name>" --role <${ROLES.join('|')}> [--function <${STAFF_FUNCTIONS.join('|')}>] [--executive-id ESC-07] [--client-ruc <11 digits>]`);
  }
  const generated = !process.env.LEVANTE_STAFF_PASSWORD;
  const password = process.env.LEVANTE_STAFF_PASSWORD ?? randomBytes(15).toString('base64url');
  const { account, created } = await upsertStaffAccount(prisma, { username: values.username, name: values.name, role, function: fn, executiveId: values['executive-id'] ?? null, clientRuc: values['client-ruc'] ?? null, password });
  console.log(`Board account ${created ? 'created' : 'reset'}: ${account.username} (${account.role}, ${account.function}).`);
  if (generated) console.log(`Password (shown only now; only its hash is stored):\n\n  ${password}\n`);
  console.log('Sign in at http://localhost:3000/board');
  return 0;
}

if (require.main === module) runWithDatabase(main);
