/**
 * Applies prisma/migrations/<timestamp>_<name>/migration.sql to a PostgreSQL database without Prisma's native
 * schema engine (which cannot be downloaded here). It keeps Prisma's own `_prisma_migrations` bookkeeping, so
 * `prisma migrate deploy` sees the database as fully migrated wherever the engine exists.
 * CLI: `DATABASE_URL=postgresql://… tsx prisma/migrate.ts`.
 */
import { createHash, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Client } from 'pg';

/** The advisory lock id Prisma's engine takes while migrating, so our runner and Prisma never overlap. */
const PRISMA_ADVISORY_LOCK = 72707369;

/** Exactly the DDL Prisma's engine uses for its bookkeeping table. */
const CREATE_MIGRATIONS_TABLE = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    VARCHAR(36) PRIMARY KEY NOT NULL,
    "checksum"              VARCHAR(64) NOT NULL,
    "finished_at"           TIMESTAMPTZ,
    "migration_name"        VARCHAR(255) NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        TIMESTAMPTZ,
    "started_at"            TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count"   INTEGER NOT NULL DEFAULT 0
)`;

export const DEFAULT_MIGRATIONS_DIR = path.join(__dirname, 'migrations');

export interface ApplyMigrationsOptions {
  log?: (message: string) => void;
  /** Defaults to prisma/migrations beside this file. */
  migrationsDir?: string;
}

export interface LocalMigration {
  name: string;
  sql: string;
  checksum: string;
}

/** Prisma's checksum of a migration: sha256 hex of the migration.sql bytes. */
export function migrationChecksum(sql: string | Buffer): string {
  return createHash('sha256').update(sql).digest('hex');
}

/** The migrations on disk, in the order Prisma applies them (folder name, which starts with a timestamp). */
export function readMigrations(migrationsDir: string = DEFAULT_MIGRATIONS_DIR): LocalMigration[] {
  return fs
    .readdirSync(migrationsDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && fs.existsSync(path.join(migrationsDir, entry.name, 'migration.sql')))
    .map((entry) => entry.name)
    .sort()
    .map((name) => {
      const bytes = fs.readFileSync(path.join(migrationsDir, name, 'migration.sql'));
      return { name, sql: bytes.toString('utf8'), checksum: migrationChecksum(bytes) };
    });
}

interface AppliedRow {
  migration_name: string;
  checksum: string;
}

/**
 * Applies every pending migration, each in its own transaction, and returns the names applied.
 * Idempotent: already applied migrations are skipped; one whose file changed since it was applied is an error.
 */
export async function applyMigrations(databaseUrl: string, options: ApplyMigrationsOptions = {}): Promise<string[]> {
  const log = options.log ?? (() => undefined);
  const migrations = readMigrations(options.migrationsDir);
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [PRISMA_ADVISORY_LOCK]);
    try {
      await client.query(CREATE_MIGRATIONS_TABLE);
      const applied = await finishedMigrations(client);
      warnAboutUnknown(applied, migrations, log);
      const appliedNow: string[] = [];
      for (const migration of migrations) {
        const previous = applied.get(migration.name);
        if (previous !== undefined) {
          if (previous.checksum !== migration.checksum) {
            throw new Error(
              `Migration ${migration.name} was modified after it was applied (checksum ${previous.checksum} in ` +
                `the database, ${migration.checksum} on disk). Never edit an applied migration: add a new one.`,
            );
          }
          continue;
        }
        await applyOne(client, migration);
        log(`Applied migration ${migration.name}`);
        appliedNow.push(migration.name);
      }
      if (appliedNow.length === 0) log('No pending migrations');
      return appliedNow;
    } finally {
      await client.query('SELECT pg_advisory_unlock($1)', [PRISMA_ADVISORY_LOCK]);
    }
  } finally {
    await client.end();
  }
}

async function finishedMigrations(client: Client): Promise<Map<string, AppliedRow>> {
  const failed = await client.query<{ migration_name: string }>(
    `SELECT migration_name FROM "_prisma_migrations" WHERE finished_at IS NULL AND rolled_back_at IS NULL`,
  );
  if (failed.rows.length > 0) {
    // Same rule as Prisma (P3009): a failed migration must be resolved by a person before anything else runs.
    const names = failed.rows.map((row) => row.migration_name).join(', ');
    throw new Error(
      `Failed migrations in the database: ${names}. Resolve them first (prisma migrate resolve, or set rolled_back_at).`,
    );
  }
  const result = await client.query<AppliedRow>(
    `SELECT migration_name, checksum FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`,
  );
  return new Map(result.rows.map((row) => [row.migration_name, row]));
}

function warnAboutUnknown(applied: Map<string, AppliedRow>, migrations: LocalMigration[], log: (m: string) => void) {
  const local = new Set(migrations.map((migration) => migration.name));
  for (const name of applied.keys()) {
    if (!local.has(name)) log(`Warning: migration ${name} is applied in the database but missing on disk`);
  }
}

async function applyOne(client: Client, migration: LocalMigration): Promise<void> {
  const startedAt = new Date();
  try {
    await client.query('BEGIN');
    // No parameters: pg uses the simple query protocol, which runs a multi-statement script as is.
    await client.query(migration.sql);
    await client.query(
      `INSERT INTO "_prisma_migrations"
         (id, checksum, finished_at, migration_name, logs, rolled_back_at, started_at, applied_steps_count)
       VALUES ($1, $2, now(), $3, NULL, NULL, $4, 1)`,
      [randomUUID(), migration.checksum, migration.name, startedAt],
    );
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    const message = error instanceof Error ? error.message : String(error);
    // The transaction rolled the script back entirely, so the failure is recorded as rolled back:
    // the next run (ours or `prisma migrate deploy`) retries it once the file is fixed.
    await client.query(
      `INSERT INTO "_prisma_migrations"
         (id, checksum, finished_at, migration_name, logs, rolled_back_at, started_at, applied_steps_count)
       VALUES ($1, $2, NULL, $3, $4, now(), $5, 0)`,
      [randomUUID(), migration.checksum, migration.name, message, startedAt],
    );
    throw new Error(`Migration ${migration.name} failed and was rolled back: ${message}`, { cause: error });
  }
}

if (require.main === module) {
  const databaseUrl = process.env.DATABASE_URL;
  if (!databaseUrl) {
    console.error('DATABASE_URL is not set (postgresql://user:password@host:5432/database)');
    process.exit(1);
  }
  applyMigrations(databaseUrl, { log: (message) => console.log(message) }).catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
