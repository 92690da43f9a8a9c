/**
 * Part (b) of `bench:scale`: the dispatch list (GET /dispatches) over a read model of N seeded dispatches.
 * Times every filter the API supports through HTTP (sequential requests, p50/p95), then reads the plan of each
 * filter's two statements — the page and the count, captured from Prisma as the route sends them — with
 * EXPLAIN ANALYZE. With SCALE_LIST_COMPARE (default on) it then puts the indexes back as they were before the
 * list-indexes migration and does it all again, so the report shows what that migration buys.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Client } from 'pg';
import { EXPLAIN_RUNS, explainer, type Explained } from './scale-explain';
import { seedReadModel, seededExecutive, seededRuc, SEED_CLIENTS, SEED_EXECUTIVES, vacuumDispatches } from './scale-seed';
import { ascending, num, percentile, printTable } from './scale-stats';
import type { ThrowawayApi } from './throwaway-api';

export const LIST_INDEXES_MIGRATION = join(__dirname, '../../prisma/migrations/20261203130000_list_indexes/migration.sql');

export interface ListOptions {
  rows: number;
  requests: number;
  compare: boolean;
  /** Print each statement's full EXPLAIN ANALYZE text, not only the scans it uses. */
  verbose: boolean;
  log: (m: string) => void;
}

interface Filter {
  name: string;
  /** The query string of the i-th request (parameters vary so no request repeats the one before). */
  query: (i: number) => string;
}

const DAY = 86_400_000;
const iso = (ms: number) => new Date(ms).toISOString();
const ACTIVE = ['opened', 'documents_complete', 'documents_reviewed', 'channel_assigned', 'released', 'withdrawal_in_progress'];

function filters(now: number): Filter[] {
  const client = (i: number) => seededRuc(1 + ((i * 37) % SEED_CLIENTS));
  const executive = (i: number) => seededExecutive(1 + (i % SEED_EXECUTIVES));
  const month = (i: number) => `openedFrom=${iso(now - (30 + (i % 22) * 30) * DAY)}&openedTo=${iso(now - (i % 22) * 30 * DAY)}`;
  const week = (i: number) => `etaFrom=${iso(now - (i % 8) * 7 * DAY)}&etaTo=${iso(now - ((i % 8) - 1) * 7 * DAY)}`;
  // The control board's work queue (api/routes/board/queue.page.ts) asks for open dispatches by deadline, 100 a page.
  const queue = 'open=true&sort=nextDeadlineAt&limit=100';
  return [
    { name: 'none (newest first)', query: () => '' },
    { name: 'none, offset 50,000–59,000', query: (i) => `offset=${50_000 + (i % 10) * 1000}` },
    { name: 'none, last page (offset 99,980)', query: () => 'offset=99980' },
    { name: 'open=true', query: () => 'open=true' },
    { name: 'status (an active one)', query: (i) => `status=${ACTIVE[i % ACTIVE.length]}` },
    { name: 'status=closed', query: () => 'status=closed' },
    { name: 'status=closed, offset 50,000', query: (i) => `status=closed&offset=${50_000 + (i % 10) * 100}` },
    { name: 'client (one of 300)', query: (i) => `client=${client(i)}` },
    { name: 'terminal=DPWC', query: () => 'terminal=DPWC' },
    { name: 'channel=rojo', query: () => 'channel=rojo' },
    { name: 'regime=20', query: () => 'regime=20' },
    { name: 'direction=export', query: () => 'direction=export' },
    { name: 'executive (one of 25)', query: (i) => `executive=${executive(i)}` },
    { name: 'atRisk=true', query: () => 'atRisk=true' },
    { name: 'overdue=true', query: () => 'overdue=true' },
    { name: 'deadlineBefore=+24 h', query: () => `deadlineBefore=${iso(now + DAY)}` },
    { name: 'openedFrom/To (a month)', query: (i) => month(i) },
    { name: 'etaFrom/To (a week), by ETA', query: (i) => `${week(i)}&sort=eta` },
    { name: 'sort=-updatedAt', query: () => 'sort=-updatedAt' },
    { name: 'open + terminal + channel', query: () => 'open=true&terminal=DPWC&channel=rojo' },
    { name: 'client + open', query: (i) => `client=${client(i)}&open=true` },
    { name: 'executive + atRisk', query: (i) => `executive=${executive(i)}&atRisk=true` },
    { name: 'board queue: open by deadline', query: () => queue },
    { name: 'board queue: executive', query: (i) => `${queue}&executive=${executive(i)}` },
    { name: 'board queue: overdue', query: () => `${queue}&overdue=true` },
    { name: 'board queue: at risk', query: () => `${queue}&atRisk=true` },
  ];
}

interface Timing extends Explained {
  total: number;
  p50: number;
  p95: number;
}

export async function benchList(stack: ThrowawayApi, o: ListOptions): Promise<void> {
  const started = Date.now();
  o.log(`seeding ${o.rows} dispatches into the read model…`);
  await seedReadModel(stack.config.DATABASE_URL, o.rows);
  const inTable = await stack.prisma.dispatch.count();
  const open = await stack.prisma.dispatch.count({ where: { status: { notIn: ['closed', 'cancelled'] } } });
  o.log(`seeded in ${num((Date.now() - started) / 1000)} s: ${inTable} dispatches (${open} open)`);
  const list = filters(Date.now());
  const sizeWith = await sizes(stack.config.DATABASE_URL);
  const withIndexes = await timeAll(stack, list, o);
  const undone = o.compare ? await undoListIndexes(stack.config.DATABASE_URL) : [];
  if (o.compare && undone.length === 0) o.log('no list-indexes migration on disk: nothing to compare');
  const sizeWithout = undone.length ? await sizes(stack.config.DATABASE_URL) : undefined;
  const without = undone.length ? await timeAll(stack, list, o) : undefined;

  console.log(`\n(b) GET /dispatches over ${inTable} dispatches (${open} open, ${SEED_CLIENTS} clients), 20 a page unless limit=100, ${o.requests} sequential requests per filter`);
  printTable(
    ['filter', 'matches', 'p50 ms', 'p95 ms', 'SQL ms', ...(without ? ['p50 w/o', 'p95 w/o', 'SQL w/o'] : [])],
    list.map((f, k) => {
      const w = withIndexes[k]!;
      const b = without?.[k];
      return [f.name, String(w.total), num(w.p50), num(w.p95), num(w.sqlMs), ...(b ? [num(b.p50), num(b.p95), num(b.sqlMs)] : [])];
    }),
  );
  console.log(`    p50/p95: HTTP round trip; SQL: median of ${EXPLAIN_RUNS} EXPLAIN ANALYZE runs of the page and the count statements`);
  console.log(`    dispatches: ${sizeWith}${sizeWithout ? ` (w/o: ${sizeWithout})` : ''}`);
  if (!without) {
    console.log('\nplans (page; count):');
    list.forEach((f, k) => console.log(`  ${f.name.padEnd(34)} ${withIndexes[k]!.detail}`));
  } else {
    console.log(`    w/o: the indexes as before the list-indexes migration (${undone.join(' ')})`);
    console.log('\nplans (page; count) the migration changes:');
    list.forEach((f, k) => {
      if (withIndexes[k]!.plan === without[k]!.plan) return;
      console.log(`  ${f.name}\n    with: ${withIndexes[k]!.detail}\n    w/o:  ${without[k]!.detail}`);
    });
    console.log('plans it leaves as they were:');
    list.forEach((f, k) => {
      if (withIndexes[k]!.plan === without[k]!.plan) console.log(`  ${f.name.padEnd(34)} ${withIndexes[k]!.detail}`);
    });
  }
  console.log(`    part (b) took ${num((Date.now() - started) / 1000, 0)} s`);
}

async function timeAll(stack: ThrowawayApi, list: Filter[], o: ListOptions): Promise<Timing[]> {
  await warmUp(stack.config.DATABASE_URL);
  const explain = await explainer(stack.config.DATABASE_URL, o.verbose);
  try {
    const out: Timing[] = [];
    for (const f of list) {
      const get = async (i: number) => {
        const res = await fetch(`${stack.url}/dispatches?${f.query(i)}`, { headers: { Authorization: `Bearer ${stack.operatorKey}` } });
        const body = (await res.json()) as { total?: number };
        if (res.status !== 200) throw new Error(`GET /dispatches?${f.query(i)}: ${res.status} ${JSON.stringify(body).slice(0, 300)}`);
        return body.total ?? NaN;
      };
      for (let i = 0; i < 3; i++) await get(i); // warm-up: connection pool, plan cache, buffers
      const ms: number[] = [];
      let total = 0;
      for (let i = 0; i < o.requests; i++) {
        const t = performance.now();
        total = await get(i);
        ms.push(performance.now() - t);
      }
      const sorted = ascending(ms);
      out.push({ total, p50: percentile(sorted, 50), p95: percentile(sorted, 95), ...(await explain(f.query(0))) });
      o.log(`${f.name}: p50 ${num(percentile(sorted, 50))} ms`);
    }
    return out;
  } finally {
    await explain.close();
  }
}

/** The dispatches table's size and its indexes' (count and size). */
async function sizes(databaseUrl: string): Promise<string> {
  const pg = new Client({ connectionString: databaseUrl });
  await pg.connect();
  try {
    const { rows } = await pg.query<{ heap: string; indexes: string; n: string }>(
      `SELECT pg_size_pretty(pg_relation_size('dispatches')) AS heap, pg_size_pretty(pg_indexes_size('dispatches')) AS indexes,
              (SELECT count(*) FROM pg_index WHERE indrelid = 'dispatches'::regclass) AS n`,
    );
    return `table ${rows[0]!.heap}, ${rows[0]!.n} indexes ${rows[0]!.indexes}`;
  } finally {
    await pg.end();
  }
}

/**
 * Loads the table and every index of the dispatches into shared buffers before a pass, so neither pass pays for
 * a cold cache the other found warm (pg_prewarm from PostgreSQL's contrib; a full read when it is missing).
 */
async function warmUp(databaseUrl: string): Promise<void> {
  const pg = new Client({ connectionString: databaseUrl });
  await pg.connect();
  try {
    await pg.query('CREATE EXTENSION IF NOT EXISTS pg_prewarm');
    await pg.query(`SELECT pg_prewarm(c) FROM unnest(ARRAY['dispatches'::regclass] || ARRAY(SELECT indexrelid::regclass FROM pg_index WHERE indrelid = 'dispatches'::regclass)) AS c`);
  } catch {
    await pg.query('SELECT count(*) FROM dispatches WHERE goods IS NOT NULL');
  } finally {
    await pg.end();
  }
}

/**
 * Undoes the list-indexes migration on the seeded database: drops the indexes it creates and recreates the ones
 * it drops (their CREATE INDEX from the earlier migrations). Returns what changed, empty when it is not on disk.
 */
async function undoListIndexes(databaseUrl: string): Promise<string[]> {
  if (!existsSync(LIST_INDEXES_MIGRATION)) return [];
  const sql = readFileSync(LIST_INDEXES_MIGRATION, 'utf8');
  const created = [...sql.matchAll(/CREATE INDEX "([^"]+)"/g)].map((m) => m[1]!);
  const dropped = [...sql.matchAll(/DROP INDEX "([^"]+)"/g)].map((m) => m[1]!);
  const migrations = dirname(dirname(LIST_INDEXES_MIGRATION));
  const earlier = readdirSync(migrations)
    .filter((name) => name < basename(dirname(LIST_INDEXES_MIGRATION)) && existsSync(join(migrations, name, 'migration.sql')))
    .map((name) => readFileSync(join(migrations, name, 'migration.sql'), 'utf8'))
    .join('\n');
  const pg = new Client({ connectionString: databaseUrl });
  await pg.connect();
  try {
    for (const name of created) await pg.query(`DROP INDEX IF EXISTS "${name}"`);
    for (const name of dropped) {
      const statement = new RegExp(`CREATE INDEX "${name}" ON [^;]+;`).exec(earlier)?.[0];
      if (!statement) throw new Error(`no earlier migration creates ${name}`);
      await pg.query(statement);
    }
    await vacuumDispatches(pg);
  } finally {
    await pg.end();
  }
  return [...created.map((name) => `-${name}`), ...dropped.map((name) => `+${name}`)];
}
