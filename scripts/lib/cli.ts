import { loadConfig } from '../../config/config';
import { createPrisma, type PrismaClient } from '../../prisma/client';

/**
 * Runs a command-line script's body against the database of DATABASE_URL, disconnects, and exits with its code;
 * an error prints its message only (a usage line, a refusal) and exits 1.
 */
export function runWithDatabase(body: (prisma: PrismaClient) => Promise<number>): void {
  Promise.resolve()
    .then(async () => {
      const prisma = createPrisma(loadConfig().DATABASE_URL);
      try {
        return await body(prisma);
      } finally {
        await prisma.$disconnect();
      }
    })
    .then(
      (code) => process.exit(code),
      (err) => {
        console.error(err instanceof Error ? err.message : err);
        process.exit(1);
      },
    );
}
