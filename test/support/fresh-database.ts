/**
 * A PostgreSQL database of its own for one test file: created under a unique name, migrated with
 * prisma/migrate.ts, dropped afterwards. Tests never share state by accident.
 * The admin URL (a role allowed to CREATE DATABASE) comes from TEST_DATABASE_ADMIN_URL.
 */
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { applyMigrations } from '../../prisma/migrate';

export const DEFAULT_TEST_DATABASE_ADMIN_URL = 'postgresql://levante:levante@127.0.0.1:5432/postgres';

export interface FreshDatabase {
  /** Connection URL of the new, fully migrated database. */
  url: string;
  /** Drops the database (terminating any connection left open). */
  drop(): Promise<void>;
}

export interface FreshDatabaseOptions {
  /** Apply prisma/migrations (default true); false gives an empty database, e.g. to test the runner itself. */
  migrate?: boolean;
}

/** Creates a uniquely named database (`<prefix>_<random>`), migrated unless told otherwise. */
export async function createFreshDatabase(prefix: string, options: FreshDatabaseOptions = {}): Promise<FreshDatabase> {
  const adminUrl = process.env.TEST_DATABASE_ADMIN_URL ?? DEFAULT_TEST_DATABASE_ADMIN_URL;
  const name = `${prefix.toLowerCase().replace(/[^a-z0-9_]/g, '_').slice(0, 40)}_${randomBytes(6).toString('hex')}`;
  await withAdmin(adminUrl, (admin) => admin.query(`CREATE DATABASE "${name}"`));
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const fresh: FreshDatabase = {
    url: url.toString(),
    drop: () => withAdmin(adminUrl, (admin) => admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)),
  };
  if (options.migrate !== false) {
    try {
      await applyMigrations(fresh.url);
    } catch (error) {
      await fresh.drop();
      throw error;
    }
  }
  return fresh;
}

async function withAdmin(adminUrl: string, work: (admin: Client) => Promise<unknown>): Promise<void> {
  const admin = new Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await work(admin);
  } finally {
    await admin.end();
  }
}
