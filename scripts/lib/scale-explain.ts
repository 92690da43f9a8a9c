/** The plans of the dispatch list's statements (api/dispatch-list.ts), for part (b) of `bench:scale`. */
import { PrismaPg } from '@prisma/adapter-pg';
import { Client } from 'pg';
import { listDispatches } from '../../api/dispatch-list';
import { listDispatchesQuery } from '../../api/schemas/dispatch.schemas';
import { PrismaClient } from '../../prisma/generated/client';
import { ascending, num, percentile } from './scale-stats';

export interface Explained {
  /** The page's and the count's plans, scans only (equal strings = same plans). */
  plan: string;
  /** The same with each statement's median EXPLAIN ANALYZE execution time. */
  detail: string;
  /** Median execution time of the page plus the count, in the database. */
  sqlMs: number;
}

export const EXPLAIN_RUNS = 5;

/**
 * EXPLAIN ANALYZE of the statements the list route sends for a query string (the page and the count; not the
 * client-name lookup): Prisma's query events give the SQL and parameters exactly as sent, which then run again
 * under EXPLAIN on a plain pg connection, a few times each (the median resists the other work on a shared machine).
 */
export async function explainer(databaseUrl: string, verbose: boolean) {
  const captured: { query: string; params: string }[] = [];
  const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: databaseUrl }), log: [{ emit: 'event', level: 'query' }] });
  prisma.$on('query', (e) => captured.push({ query: e.query, params: e.params }));
  const pg = new Client({ connectionString: databaseUrl });
  await pg.connect();
  const explain = async (qs: string): Promise<Explained> => {
    captured.length = 0;
    await listDispatches(prisma, listDispatchesQuery.parse(Object.fromEntries(new URLSearchParams(qs))), null);
    const statements = captured.filter((c) => /FROM "public"\."dispatches"/.test(c.query));
    const plans: string[] = [];
    const details: string[] = [];
    let sqlMs = 0;
    for (const s of statements) {
      const params = JSON.parse(s.params) as unknown[];
      const times: number[] = [];
      let plan = '';
      for (let run = 0; run < EXPLAIN_RUNS; run++) {
        const json = await pg.query<{ 'QUERY PLAN': [{ Plan: PlanNode; 'Execution Time': number }] }>(`EXPLAIN (ANALYZE, FORMAT JSON) ${s.query}`, params);
        const [root] = json.rows[0]!['QUERY PLAN'];
        plan = scans(root.Plan).join(' + ');
        times.push(root['Execution Time']);
      }
      const median = percentile(ascending(times), 50);
      sqlMs += median;
      plans.push(plan);
      details.push(`${plan} ${num(median)} ms`);
      if (verbose) {
        const text = await pg.query<{ 'QUERY PLAN': string }>(`EXPLAIN (ANALYZE, BUFFERS) ${s.query}`, params);
        console.log(`\n-- ${qs || '(no filter)'}\n${s.query}\n${text.rows.map((r) => r['QUERY PLAN']).join('\n')}`);
      }
    }
    return { plan: plans.join('; '), detail: details.join('; '), sqlMs };
  };
  return Object.assign(explain, { close: async () => Promise.all([prisma.$disconnect(), pg.end()]) });
}

interface PlanNode {
  'Node Type': string;
  'Index Name'?: string;
  'Scan Direction'?: string;
  Plans?: PlanNode[];
}

/** The scans (and sorts) of a plan, leaves last: what decides whether the statement reads an index or the table. */
function scans(node: PlanNode): string[] {
  const here = /Scan|Sort/.test(node['Node Type'])
    ? [`${node['Node Type']}${node['Scan Direction'] === 'Backward' ? ' Backward' : ''}${node['Index Name'] ? ` ${node['Index Name']}` : ''}`]
    : [];
  return [...here, ...(node.Plans ?? []).flatMap(scans)];
}
