/**
 * The embedded stack's first board account: `admin` with a random password, created once and kept in .state/
 * (readable only by its owner) so a newcomer can open the board at once. People get their own accounts with
 * `npm run staff:create` or PUT /staff-accounts/:username.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { upsertStaffAccount } from '../../api/staff-accounts';
import { createPrisma } from '../../prisma/client';

export async function bootstrapBoardAdmin(databaseUrl: string, file: string): Promise<{ username: string; password: string }> {
  if (existsSync(file)) {
    const [username = 'admin', password = ''] = readFileSync(file, 'utf8').trim().split('\n');
    return { username, password };
  }
  const prisma = createPrisma(databaseUrl);
  try {
    const password = randomBytes(15).toString('base64url');
    await upsertStaffAccount(prisma, { username: 'admin', name: 'Administrador local (npm start)', role: 'admin', function: 'admin', password });
    writeFileSync(file, `admin\n${password}\n`, { mode: 0o600 });
    return { username: 'admin', password };
  } finally {
    await prisma.$disconnect();
  }
}
