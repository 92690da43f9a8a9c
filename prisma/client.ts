/**
 * The one way to build a PrismaClient: the generated client (prisma/generated, from `prisma generate`) over
 * the pg driver adapter, so no Prisma engine binary is needed at run time. Build it once per process.
 */
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from './generated/client';

export { PrismaClient, Prisma } from './generated/client';

/** Builds a PrismaClient connected to `databaseUrl` (postgresql://…). Call `$disconnect()` when done. */
export function createPrisma(databaseUrl: string): PrismaClient {
  return new PrismaClient({ adapter: new PrismaPg({ connectionString: databaseUrl }) });
}
