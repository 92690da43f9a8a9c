/** Entry point of the operator API: builds its dependencies once, listens, and shuts down gracefully on SIGINT/SIGTERM. */
import type { Server } from 'node:http';
import { loadConfig } from '../config/config';
import { createPrismaRecordStore } from '../activities/records';
import { createPrisma } from '../prisma/client';
import { auditsWritten, createApp, type ApiDeps } from './app';
import { createJsonLogger, type Logger } from './logger';
import { listeningPrincipalCache } from './principal-cache';
import { connectTemporalForApi } from './temporal';

export interface RunningApi {
  server: Server;
  url: string;
  logger: Logger;
  close(): Promise<void>;
}

/** Starts the API on API_HOST:API_PORT (port 0 picks a free one) with dependencies built from the config. */
export async function startApi(env: NodeJS.ProcessEnv = process.env, extra: Partial<ApiDeps> = {}): Promise<RunningApi> {
  const config = loadConfig(env);
  const logger = extra.logger ?? createJsonLogger(config.LOG_LEVEL);
  const prisma = createPrisma(config.DATABASE_URL);
  const temporal = connectTemporalForApi(config.TEMPORAL_ADDRESS, config.TEMPORAL_NAMESPACE);
  const principals = extra.principals ?? listeningPrincipalCache({ databaseUrl: config.DATABASE_URL, logger });
  const app = createApp({
    temporal: temporal.client,
    taskQueue: config.TEMPORAL_TASK_QUEUE,
    store: createPrismaRecordStore(prisma),
    prisma,
    logger,
    metricsToken: config.METRICS_TOKEN,
    principals,
    async health() {
      const [t, database] = await Promise.all([temporal.healthy(), prisma.$queryRaw`SELECT 1`.then(() => true, () => false)]);
      return { temporal: t, database };
    },
    board: {
      temporalWebUrl: env.TEMPORAL_WEB_URL ?? `http://localhost:${env.TEMPORAL_UI_PORT ?? 8233}`,
      namespace: config.TEMPORAL_NAMESPACE,
      secureCookies: env.BOARD_SECURE_COOKIES === 'true',
    },
    ...extra,
  });
  const server = await new Promise<Server>((resolve, reject) => {
    const s = app.listen(config.API_PORT, config.API_HOST, () => resolve(s)).on('error', reject);
  });
  const address = server.address();
  const url = `http://${config.API_HOST}:${typeof address === 'object' && address ? address.port : config.API_PORT}`;
  return {
    server,
    url,
    logger,
    async close() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await auditsWritten(app);
      await principals.close();
      await temporal.connection.close();
      await prisma.$disconnect();
    },
  };
}

async function main(): Promise<void> {
  const api = await startApi();
  api.logger.info(`Levante API listening on ${api.url} (docs: ${api.url}/docs, metrics: ${api.url}/metrics)`, { url: api.url });
  let closing = false;
  const stop = (signal: string) => {
    if (closing) return;
    closing = true;
    api.logger.info(`${signal} received: finishing open requests`, { signal });
    api.close().then(
      () => process.exit(0),
      (err) => {
        api.logger.error('shutdown failed', { error: err instanceof Error ? err.message : String(err) });
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

if (require.main === module) {
  main().catch((err) => {
    // Before the config is read there is no level to honour: one JSON line at error level, then exit.
    createJsonLogger('error').error('API failed to start', { error: err instanceof Error ? err.message : String(err) });
    process.exit(1);
  });
}
