/**
 * Checks that a migrated database has exactly the tables schema.prisma describes: columns (type, nullability,
 * default), primary keys, unique and plain indexes, and foreign keys. A field added to the schema without a
 * migration (or a migration that drifts from the schema) shows up as a difference.
 * CLI, against a database migrated with prisma/migrate.ts: `DATABASE_URL=postgresql://… tsx prisma/check-schema.ts`.
 */
import fs from 'node:fs';
import path from 'node:path';
import { Client } from 'pg';
import { expectedTables, type ExpectedForeignKey, type ExpectedIndex, type ExpectedTable } from './schema-model';

export const SCHEMA_PATH = path.join(__dirname, 'schema.prisma');

/** Prisma's own bookkeeping table: not in the schema, always in a migrated database. */
const IGNORED_TABLES = new Set(['_prisma_migrations']);

const FK_ACTIONS: Record<string, string> = { a: 'NoAction', r: 'Restrict', c: 'Cascade', n: 'SetNull', d: 'SetDefault' };

interface ActualColumn {
  table: string;
  name: string;
  type: string;
  nullable: boolean;
  default: string | null;
}

interface ActualIndex extends ExpectedIndex {
  table: string;
  primary: boolean;
}

interface ActualForeignKey extends ExpectedForeignKey {
  table: string;
}

/** Lists every difference between the database at `databaseUrl` and schema.prisma; empty when they agree. */
export async function schemaDifferences(databaseUrl: string, schemaPath: string = SCHEMA_PATH): Promise<string[]> {
  const expected = expectedTables(fs.readFileSync(schemaPath, 'utf8'));
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    // One connection runs one query at a time: read the catalog in sequence.
    const columns = await actualColumns(client);
    const indexes = await actualIndexes(client);
    const foreignKeys = await actualForeignKeys(client);
    return compare(expected, columns, indexes, foreignKeys);
  } finally {
    await client.end();
  }
}

function compare(
  expected: ExpectedTable[],
  columns: ActualColumn[],
  indexes: ActualIndex[],
  foreignKeys: ActualForeignKey[],
): string[] {
  const differences: string[] = [];
  const expectedNames = new Set(expected.map((table) => table.name));
  for (const table of new Set(columns.map((column) => column.table))) {
    if (!expectedNames.has(table) && !IGNORED_TABLES.has(table)) differences.push(`table ${table}: in the database, not in the schema`);
  }
  for (const table of expected) {
    const actual = columns.filter((column) => column.table === table.name);
    if (actual.length === 0) {
      differences.push(`table ${table.name} (model ${table.model}): in the schema, not in the database`);
      continue;
    }
    for (const column of table.columns) {
      const found = actual.find((candidate) => candidate.name === column.name);
      const where = `${table.name}.${column.name}`;
      if (!found) differences.push(`column ${where}: in the schema (${column.type}), not in the database`);
      else {
        if (found.type !== column.type) differences.push(`column ${where}: type ${found.type}, schema says ${column.type}`);
        if (found.nullable !== column.nullable) differences.push(`column ${where}: nullable ${found.nullable}, schema says ${column.nullable}`);
        if (found.default !== column.default) differences.push(`column ${where}: default ${found.default}, schema says ${column.default}`);
      }
    }
    for (const column of actual) {
      if (!table.columns.some((candidate) => candidate.name === column.name)) {
        differences.push(`column ${table.name}.${column.name}: in the database, not in the schema`);
      }
    }
    const tableIndexes = indexes.filter((index) => index.table === table.name);
    const primary = tableIndexes.find((index) => index.primary);
    if (!primary || describeIndex(primary) !== describeIndex(table.primaryKey)) {
      differences.push(`primary key of ${table.name}: ${primary ? describeIndex(primary) : 'none'}, schema says ${describeIndex(table.primaryKey)}`);
    }
    differences.push(...compareSets(`index on ${table.name}`, table.indexes, tableIndexes.filter((index) => !index.primary), describeIndex));
    const tableKeys = foreignKeys.filter((key) => key.table === table.name);
    differences.push(...compareSets(`foreign key on ${table.name}`, table.foreignKeys, tableKeys, describeForeignKey));
  }
  return differences;
}

function compareSets<T>(label: string, expected: T[], actual: T[], describe: (item: T) => string): string[] {
  const want = new Set(expected.map(describe));
  const have = new Set(actual.map(describe));
  return [
    ...[...want].filter((item) => !have.has(item)).map((item) => `${label}: ${item} in the schema, not in the database`),
    ...[...have].filter((item) => !want.has(item)).map((item) => `${label}: ${item} in the database, not in the schema`),
  ];
}

function describeIndex(index: ExpectedIndex): string {
  return `${index.unique ? 'UNIQUE ' : ''}"${index.name}" (${index.columns.join(', ')})`;
}

function describeForeignKey(key: ExpectedForeignKey): string {
  return `"${key.name}" (${key.columns.join(', ')}) -> ${key.referencedTable} (${key.referencedColumns.join(', ')}) ON DELETE ${key.onDelete} ON UPDATE ${key.onUpdate}`;
}

async function actualColumns(client: Client): Promise<ActualColumn[]> {
  const result = await client.query<ActualColumn>(`
    SELECT c.relname AS "table", a.attname AS "name", format_type(a.atttypid, a.atttypmod) AS "type",
           NOT a.attnotnull AS "nullable", pg_get_expr(d.adbin, d.adrelid) AS "default"
      FROM pg_attribute a
      JOIN pg_class c ON c.oid = a.attrelid
      JOIN pg_namespace n ON n.oid = c.relnamespace
      LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
     WHERE n.nspname = current_schema() AND c.relkind = 'r' AND a.attnum > 0 AND NOT a.attisdropped`);
  // Prisma's autoincrement() is a sequence default; its name is an implementation detail.
  return result.rows.map((row) => ({ ...row, default: row.default?.startsWith('nextval(') ? 'autoincrement()' : row.default }));
}

async function actualIndexes(client: Client): Promise<ActualIndex[]> {
  const result = await client.query<ActualIndex>(`
    SELECT t.relname AS "table", i.relname AS "name", ix.indisunique AS "unique", ix.indisprimary AS "primary",
           (SELECT array_agg(a.attname::text ORDER BY k.ord)
              FROM unnest(ix.indkey) WITH ORDINALITY AS k(attnum, ord)
              JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum) AS "columns"
      FROM pg_index ix
      JOIN pg_class i ON i.oid = ix.indexrelid
      JOIN pg_class t ON t.oid = ix.indrelid
      JOIN pg_namespace n ON n.oid = t.relnamespace
     WHERE n.nspname = current_schema()`);
  return result.rows;
}

async function actualForeignKeys(client: Client): Promise<ActualForeignKey[]> {
  const result = await client.query<ActualForeignKey & { onDelete: string; onUpdate: string }>(`
    SELECT t.relname AS "table", con.conname AS "name", rt.relname AS "referencedTable",
           con.confdeltype AS "onDelete", con.confupdtype AS "onUpdate",
           (SELECT array_agg(a.attname::text ORDER BY k.ord) FROM unnest(con.conkey) WITH ORDINALITY AS k(attnum, ord)
              JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.attnum) AS "columns",
           (SELECT array_agg(a.attname::text ORDER BY k.ord) FROM unnest(con.confkey) WITH ORDINALITY AS k(attnum, ord)
              JOIN pg_attribute a ON a.attrelid = con.confrelid AND a.attnum = k.attnum) AS "referencedColumns"
      FROM pg_constraint con
      JOIN pg_class t ON t.oid = con.conrelid
      JOIN pg_class rt ON rt.oid = con.confrelid
      JOIN pg_namespace n ON n.oid = t.relnamespace
     WHERE con.contype = 'f' AND n.nspname = current_schema()`);
  return result.rows.map((row) => ({
    ...row,
    onDelete: FK_ACTIONS[row.onDelete] ?? row.onDelete,
    onUpdate: FK_ACTIONS[row.onUpdate] ?? row.onUpdate,
  }));
}

if (require.main === module) {
  const databaseUrl = process.env.DATABASE_URL;
  if (!databaseUrl) {
    console.error('DATABASE_URL is not set (a database migrated with `tsx prisma/migrate.ts`)');
    process.exit(1);
  }
  schemaDifferences(databaseUrl).then(
    (differences) => {
      if (differences.length === 0) {
        console.log('Database and prisma/schema.prisma agree');
        return;
      }
      console.error(`Database and prisma/schema.prisma differ (a migration is missing or wrong):\n  ${differences.join('\n  ')}`);
      process.exit(1);
    },
    (error: unknown) => {
      console.error(error instanceof Error ? error.message : error);
      process.exit(1);
    },
  );
}
