/**
 * A throwaway Levante stack for `bench:api` and `fuzz:api`, loopback only: a fresh PostgreSQL database, a real
 * SMTP catcher, the terminal simulator, the real worker on a task queue of its own, and the API on a free port.
 * Uses the Temporal server at TEMPORAL_ADDRESS (namespace TEMPORAL_NAMESPACE) and the PostgreSQL at
 * TEST_DATABASE_ADMIN_URL when set; otherwise starts its own (Temporal CLI dev server, Debian's PostgreSQL).
 */
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client, Connection } from '@temporalio/client';
import { createApiKey } from '../../api/api-keys';
import type { Logger } from '../../api/logger';
import { startApi } from '../../api/server';
import { configSchema, type Config } from '../../config/config';
import { SEARCH_ATTRIBUTE_TYPES } from '../../domain/search-attributes';
import { createPrisma, type PrismaClient } from '../../prisma/client';
import { startSimulator } from '../../simulator/server';
import { createFreshDatabase } from '../../test/support/fresh-database';
import { startTestSmtp } from '../../test/support/smtp';
import { startDispatchWorker } from '../../workers/dispatch.worker';
import { freePort } from './ports.mjs';
import { startPostgres } from './postgres.mjs';
import { ensureTemporalCli, startDevServer } from './temporal.mjs';

export interface ThrowawayApi {
  url: string;
  config: Config;
  /** A direct Temporal client on the same server (for side-by-side figures). */
  temporal: Client;
  prisma: PrismaClient;
  adminKey: string;
  operatorKey: string;
  close(): Promise<void>;
}

export async function startThrowawayApi(name: string, opts: { logger?: Logger; log?: (m: string) => void } = {}): Promise<ThrowawayApi> {
  const log = opts.log ?? ((m: string) => console.log(`[${name}] ${m}`));
  const stops: (() => Promise<unknown>)[] = [];
  const work = mkdtempSync(join(tmpdir(), `levante-${name}-`));
  chmodSync(work, 0o755);
  stops.push(async () => rmSync(work, { recursive: true, force: true }));
  const stopAll = async () => {
    for (const stop of stops.reverse()) await stop().catch((err) => log(`cleanup: ${String(err)}`));
  };
  try {
    if (!process.env.TEST_DATABASE_ADMIN_URL) {
      const pg = await startPostgres({ dataDir: join(work, 'pg'), port: await freePort(), fast: true, log });
      stops.push(pg.stop);
      process.env.TEST_DATABASE_ADMIN_URL = pg.url;
    }
    let address = process.env.TEMPORAL_ADDRESS;
    let namespace = process.env.TEMPORAL_NAMESPACE ?? 'levante-test';
    if (!address) {
      namespace = 'levante-bench';
      const server = await startDevServer({ bin: await ensureTemporalCli({ log }), port: await freePort(), headless: true, namespace, searchAttributes: SEARCH_ATTRIBUTE_TYPES, log });
      stops.push(server.stop);
      address = server.address;
    }
    const db = await createFreshDatabase(`levante_${name}`);
    stops.push(db.drop);
    const smtp = await startTestSmtp();
    stops.push(smtp.close);
    const simulator = await startSimulator({ port: 0 });
    stops.push(simulator.close);
    const env = {
      DATABASE_URL: db.url,
      SMTP_PORT: String(smtp.port),
      TERMINAL_APMTC_URL: simulator.url,
      TERMINAL_DPWC_URL: simulator.url,
      TEMPORAL_ADDRESS: address,
      TEMPORAL_NAMESPACE: namespace,
      TEMPORAL_TASK_QUEUE: `${name}-${Date.now().toString(36)}`,
      API_HOST: '127.0.0.1',
      API_PORT: '0',
      LOG_LEVEL: 'warn',
    };
    const config = configSchema.parse(env);
    log('bundling workflows and starting the worker…');
    const worker = await startDispatchWorker(config);
    stops.push(worker.shutdown);
    const api = await startApi(env, opts.logger ? { logger: opts.logger } : {});
    stops.push(api.close);
    const connection = await Connection.connect({ address });
    stops.push(() => connection.close());
    // Runs after the worker stopped: leave no workflow of this throwaway task queue running in a shared namespace.
    stops.push(() => terminateRunning(new Client({ connection, namespace }), config.TEMPORAL_TASK_QUEUE, log));
    const prisma = createPrisma(db.url);
    stops.push(() => prisma.$disconnect());
    const adminKey = (await createApiKey(prisma, { role: 'admin', name: `${name}.admin` })).key;
    const operatorKey = (await createApiKey(prisma, { role: 'operator', name: `${name}.operator` })).key;
    log(`API at ${api.url}, Temporal ${address}/${namespace}, task queue ${config.TEMPORAL_TASK_QUEUE}`);
    return { url: api.url, config, temporal: new Client({ connection, namespace }), prisma, adminKey, operatorKey, close: stopAll };
  } catch (err) {
    await stopAll();
    throw err;
  }
}

async function terminateRunning(client: Client, taskQueue: string, log: (m: string) => void): Promise<void> {
  let count = 0;
  for await (const wf of client.workflow.list({ query: `ExecutionStatus = 'Running' AND TaskQueue = '${taskQueue}'` })) {
    await client.workflow.getHandle(wf.workflowId, wf.runId).terminate('throwaway stack closed').catch(() => undefined);
    count += 1;
  }
  if (count) log(`terminated ${count} workflows left running on ${taskQueue}`);
}
