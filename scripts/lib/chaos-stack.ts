/**
 * The whole stack `npm run chaos` owns, loopback only and shared with nobody: its own PostgreSQL cluster, its
 * own Temporal dev server on a db file, the SMTP sink (test/support/smtp.ts), the terminal simulator, the
 * worker as a child process and the API in this process. close() stops everything it started, in reverse order.
 */
import { chmodSync, createWriteStream, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client, Connection } from '@temporalio/client';
import { bundleWorkflowCode } from '@temporalio/worker';
import { createApiKey } from '../../api/api-keys';
import { createJsonLogger } from '../../api/logger';
import { startApi } from '../../api/server';
import { createPrisma, type PrismaClient } from '../../prisma/client';
import { applyMigrations } from '../../prisma/migrate';
import { startSimulator } from '../../simulator/server';
import { startTestSmtp, type TestSmtp } from '../../test/support/smtp';
import { PostgresCluster, TemporalDevServer, WorkerChild } from './chaos-services';
import { freePort } from './ports.mjs';
import { ensureDatabase } from './postgres.mjs';
import { ensureTemporalCli, TEMPORAL_CLI_VERSION } from './temporal.mjs';

export interface ChaosStack {
  work: string;
  apiUrl: string;
  /** An operator's API key (the driver and the prober act as operators). */
  operatorKey: string;
  taskQueue: string;
  /** A direct Temporal client, to read each workflow's outcome. */
  temporal: Client;
  prisma: PrismaClient;
  smtp: TestSmtp;
  simulatorUrl: string;
  postgres: PostgresCluster;
  temporalServer: TemporalDevServer;
  worker: WorkerChild;
  /** Where the worker's and the API's logs go. */
  logs: { worker: string; api: string };
  close(): Promise<void>;
}

export interface ChaosStackOptions {
  log: (m: string) => void;
  /** A workflow bundle already built (the test runner's); otherwise one is built into the work directory. */
  bundlePath?: string;
  /** Keep the work directory (databases, logs) after the run. */
  keep?: boolean;
  /** Receives close() before anything starts, so an interruption during the start stops what did start. */
  onClose?: (close: () => Promise<void>) => void;
}

export async function startChaosStack({ log, bundlePath, keep = false, onClose }: ChaosStackOptions): Promise<ChaosStack> {
  const work = mkdtempSync(join(tmpdir(), 'levante-chaos-'));
  chmodSync(work, 0o755); // the cluster inside runs as `postgres` when we are root
  const stops: (() => Promise<unknown>)[] = [];
  if (!keep) stops.push(async () => rmSync(work, { recursive: true, force: true, maxRetries: 3 }));
  else stops.push(async () => log(`work directory kept: ${work}`));
  const close = async () => {
    for (const stop of stops.splice(0).reverse()) await stop().catch((err) => log(`cleanup: ${String(err)}`));
  };
  onClose?.(close);
  try {
    mkdirSync(join(work, 'logs'));
    const logs = { worker: join(work, 'logs', 'worker.log'), api: join(work, 'logs', 'api.log') };

    const postgres = new PostgresCluster(join(work, 'pg'), await freePort(), log);
    stops.push(() => postgres.close());
    await postgres.start();
    const databaseUrl = await ensureDatabase(postgres.adminUrl, 'levante_chaos');
    await applyMigrations(databaseUrl);

    const namespace = 'levante-chaos';
    const dbFile = join(work, 'temporal', `temporal-${TEMPORAL_CLI_VERSION}.db`);
    const temporalServer = new TemporalDevServer(await ensureTemporalCli({ log }), await freePort(), dbFile, namespace, log);
    stops.push(() => temporalServer.stop());
    await temporalServer.start();

    const smtp = await startTestSmtp();
    stops.push(() => smtp.close());
    // Gate capacity is not what this suite tests: every dispatch gets its slot on the same day.
    const simulator = await startSimulator({ port: 0, slotCapacity: 100_000 });
    stops.push(() => simulator.close());

    const taskQueue = `chaos-${Date.now().toString(36)}`;
    const env = {
      DATABASE_URL: databaseUrl,
      SMTP_HOST: '127.0.0.1',
      SMTP_PORT: String(smtp.port),
      TERMINAL_APMTC_URL: simulator.url,
      TERMINAL_DPWC_URL: simulator.url,
      TEMPORAL_ADDRESS: temporalServer.address,
      TEMPORAL_NAMESPACE: namespace,
      TEMPORAL_TASK_QUEUE: taskQueue,
      API_HOST: '127.0.0.1',
      API_PORT: '0',
      LOG_LEVEL: 'warn',
      WORKER_METRICS_ADDRESS: '',
    };

    let bundle = bundlePath;
    if (!bundle) {
      log('bundling the workflows once (each worker start reuses the bundle)…');
      bundle = join(work, 'workflow-bundle.js');
      const { code } = await bundleWorkflowCode({
        workflowsPath: require.resolve('../../workflows'),
        logger: { info() {}, warn() {}, error: console.error, debug() {}, trace() {}, log() {} },
      });
      writeFileSync(bundle, code);
    }
    const workerOut = createWriteStream(logs.worker, { flags: 'a' });
    stops.push(async () => new Promise<void>((resolve) => workerOut.end(() => resolve())));
    const worker = new WorkerChild({ ...env, CHAOS_WORKFLOW_BUNDLE: bundle }, workerOut, log);
    stops.push(() => worker.close());
    await worker.start();

    const apiOut = createWriteStream(logs.api, { flags: 'a' });
    stops.push(async () => new Promise<void>((resolve) => apiOut.end(() => resolve())));
    // The API stays up for the whole run: it must recover from every outage by itself.
    const api = await startApi(env, { logger: createJsonLogger('warn', (line) => apiOut.write(`${line}\n`)) });
    stops.push(() => api.close());

    const prisma = createPrisma(databaseUrl);
    stops.push(() => prisma.$disconnect());
    const operatorKey = (await createApiKey(prisma, { role: 'operator', name: 'operador.caos' })).key;
    const connection = Connection.lazy({ address: temporalServer.address });
    stops.push(() => connection.close());
    const temporal = new Client({ connection, namespace });
    log(`stack ready: API ${api.url}, Temporal ${temporalServer.address}/${namespace}, PostgreSQL :${postgres.port}, worker pid ${worker.pid}`);
    return { work, apiUrl: api.url, operatorKey, taskQueue, temporal, prisma, smtp, simulatorUrl: simulator.url, postgres, temporalServer, worker, logs, close };
  } catch (err) {
    await close();
    throw err;
  }
}
