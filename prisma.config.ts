/**
 * Prisma 7 configuration: schema, migrations folder and the datasource used by Prisma's CLI.
 * The application itself never reads this file; it builds its client in prisma/client.ts.
 */
import path from 'node:path';
import { defineConfig } from 'prisma/config';

// `prisma generate` first tries to download the native schema engine, which these machines cannot reach.
// Pointing PRISMA_SCHEMA_ENGINE_BINARY at any existing file (here the node binary) skips the download; generate
// itself needs no engine. Only for generate: `prisma migrate diff` run against that stand-in exits 0 without
// comparing anything, so every other command must meet the real engine (or fail saying it cannot fetch it).
// Where a real engine is installed, set the variable to it. Offline, apply migrations with `tsx prisma/migrate.ts`.
if (process.argv.includes('generate') && !process.env.PRISMA_SCHEMA_ENGINE_BINARY) {
  process.env.PRISMA_SCHEMA_ENGINE_BINARY = process.execPath;
}

export default defineConfig({
  schema: path.join('prisma', 'schema.prisma'),
  migrations: { path: path.join('prisma', 'migrations') },
  datasource: {
    // A placeholder keeps `prisma generate` working without a database; migrations take the real URL.
    url: process.env.DATABASE_URL ?? 'postgresql://levante:levante@127.0.0.1:5432/levante',
  },
});
