/**
 * The embedded stack's first credential: an admin API key created once and kept in .state/ (readable only by
 * its owner), so a newcomer can call the API at once. Production keys are made with `npm run apikey:create`.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createApiKey } from '../../api/api-keys';
import { createPrisma } from '../../prisma/client';

export async function bootstrapAdminKey(databaseUrl: string, file: string): Promise<string> {
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  const prisma = createPrisma(databaseUrl);
  try {
    const { key } = await createApiKey(prisma, { role: 'admin', name: 'Administrador local (npm start)' });
    writeFileSync(file, `${key}\n`, { mode: 0o600 });
    return key;
  } finally {
    await prisma.$disconnect();
  }
}
