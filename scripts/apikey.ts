/**
 * `npm run apikey:create -- --role operator --name "Operador noche" [--client-ruc 20100047218]`
 * `npm run apikey:revoke -- --id <key id>`
 * Creates an API key for the operator API and prints it ONCE: only its SHA-256 is stored. Uses DATABASE_URL.
 * Also usable from code (the dev launcher creates the first admin key with `createApiKey(prisma, { role, name })`).
 */
import { parseArgs } from 'node:util';
import { createApiKey, revokeApiKey } from '../api/api-keys';
import { ROLES, type Role } from '../api/principal';
import type { PrismaClient } from '../prisma/client';
import { runWithDatabase } from './lib/cli';

export { createApiKey, revokeApiKey } from '../api/api-keys';

async function main(prisma: PrismaClient): Promise<number> {
  const [command = 'create', ...rest] = process.argv.slice(2);
  const { values } = parseArgs({
    args: rest,
    options: { role: { type: 'string' }, name: { type: 'string' }, 'client-ruc': { type: 'string' }, id: { type: 'string' } },
  });
  if (command === 'revoke') {
    if (!values.id) throw new Error('usage: npm run apikey:revoke -- --id <key id>');
    console.log((await revokeApiKey(prisma, values.id)) ? `Key ${values.id} revoked.` : `No active key with id ${values.id}.`);
    return 0;
  }
  const role = values.role as Role;
  if (!ROLES.includes(role) || !values.name) {
    throw new Error(`usage: npm run apikey:create -- --role <${ROLES.join('|')}> --name "<who uses it>" [--client-ruc <11 digits>]`);
  }
  const { id, key } = await createApiKey(prisma, { role, name: values.name, clientRuc: values['client-ruc'] });
  console.log(`API key created (id ${id}, role ${role}, name "${values.name}").`);
  console.log('Copy it now: it is shown only once and only its hash is stored.\n');
  console.log(`  ${key}\n`);
  console.log(`Use it as:  curl -H "Authorization: Bearer ${key}" http://127.0.0.1:3000/dispatches`);
  return 0;
}

if (require.main === module) runWithDatabase(main);
