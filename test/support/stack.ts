/**
 * Everything a dispatch needs, real and local, for one test file: a fresh PostgreSQL database, a real SMTP
 * server, the terminal simulator over HTTP, and the real worker (composition root) on a task queue of its own.
 */
import { Client, Connection } from '@temporalio/client';
import type { NativeConnection } from '@temporalio/worker';
import { configSchema, type Config } from '../../config/config';
import { startDispatchWorker, type RunningWorker } from '../../workers/dispatch.worker';
import { startSimulator } from '../../simulator/server';
import { createPrisma, type PrismaClient } from '../../prisma/client';
import { createFreshDatabase, type FreshDatabase } from './fresh-database';
import { startTestSmtp, type TestSmtp } from './smtp';
import { testEnv, uniqueId, workflowBundlePath } from './env';

export interface TestStack {
  config: Config;
  client: Client;
  smtp: TestSmtp;
  simulatorUrl: string;
  prisma: PrismaClient;
  worker: RunningWorker;
  /** Stops and starts the worker again (same task queue): a crash mid-dispatch, then recovery. */
  restartWorker(): Promise<void>;
  close(): Promise<void>;
}

export async function startTestStack(name: string, temporal?: { client: Client; nativeConnection: NativeConnection }): Promise<TestStack> {
  const db: FreshDatabase = await createFreshDatabase(name);
  const smtp = await startTestSmtp();
  const simulator = await startSimulator({ port: 0 });
  const config = configSchema.parse({
    DATABASE_URL: db.url,
    SMTP_PORT: String(smtp.port),
    TERMINAL_APMTC_URL: simulator.url,
    TERMINAL_DPWC_URL: simulator.url,
    TEMPORAL_ADDRESS: testEnv.temporalAddress,
    TEMPORAL_NAMESPACE: temporal ? 'default' : testEnv.namespace,
    TEMPORAL_TASK_QUEUE: uniqueId(name),
  });
  const connection = temporal ? undefined : await Connection.connect({ address: config.TEMPORAL_ADDRESS });
  const client = temporal?.client ?? new Client({ connection: connection!, namespace: config.TEMPORAL_NAMESPACE });
  const workerOptions = { workflowBundle: { codePath: workflowBundlePath() }, connection: temporal?.nativeConnection };
  const prisma = createPrisma(db.url);
  const stack: TestStack = {
    config,
    client,
    smtp,
    simulatorUrl: simulator.url,
    prisma,
    worker: await startDispatchWorker(config, workerOptions),
    async restartWorker() {
      await stack.worker.shutdown();
      stack.worker = await startDispatchWorker(config, workerOptions);
    },
    async close() {
      await stack.worker.shutdown();
      await connection?.close();
      await prisma.$disconnect();
      await simulator.close();
      await smtp.close();
      await db.drop();
    },
  };
  return stack;
}
