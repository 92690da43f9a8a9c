/** Entry point of the dispatch worker process: JSON-lines log, the Temporal runtime's metrics, the worker, schedules. */
import { makeTelemetryFilterString, Runtime } from '@temporalio/worker';
import type { Logger as Pino } from 'pino';
import { loadConfig, type Config } from '../config/config';
import { startDispatchWorker } from './dispatch.worker';
import { createWorkerLogger, toTemporalLogger } from './logger';
import { syncSchedulesAtStartup } from '../schedules';

/**
 * The SDK's runtime is a process-wide singleton fixed when it is created, so it is installed here, once, before
 * any connection or worker exists. Only this entry point installs it: tests build workers in-process through
 * dispatch.worker.ts with their own runtime. Metrics names follow Prometheus conventions (counters `_total`,
 * durations in seconds), which Temporal's SDK dashboards expect.
 */
function installRuntime(config: Config, log: Pino): void {
  const address = config.WORKER_METRICS_ADDRESS;
  Runtime.install({
    logger: toTemporalLogger(log),
    telemetryOptions: {
      logging: { filter: makeTelemetryFilterString({ core: config.LOG_LEVEL === 'error' ? 'ERROR' : 'WARN', other: 'ERROR' }), forward: {} },
      ...(address
        ? { metrics: { prometheus: { bindAddress: address, countersTotalSuffix: true, unitSuffix: true, useSecondsForDurations: true } } }
        : {}),
    },
  });
  if (address) log.info({ metricsAddress: address }, `Worker metrics at http://${address}/metrics`);
}

async function main(log: Pino): Promise<void> {
  const config = loadConfig();
  log.level = config.LOG_LEVEL;
  installRuntime(config, log);
  const { run } = await startDispatchWorker(config);
  // Supervision schedules (reports, digest, sweeps) are created or updated in place from their definitions.
  const operations = config.OPERATIONS_EMAIL;
  const schedules = await syncSchedulesAtStartup(config, operations ? { operationsRecipients: [{ name: 'Operaciones', email: operations }] } : {});
  log.info({ schedules }, `Schedules synced: ${Object.entries(schedules).map(([id, outcome]) => `${id} ${outcome}`).join(', ')}`);
  // `npm start` waits for this line (scripts/start.ts): keep its wording.
  log.info(
    { namespace: config.TEMPORAL_NAMESPACE, taskQueue: config.TEMPORAL_TASK_QUEUE },
    `Levante worker polling ${config.TEMPORAL_NAMESPACE}/${config.TEMPORAL_TASK_QUEUE} at ${config.TEMPORAL_ADDRESS}`,
  );
  await run; // the SDK shuts the worker down gracefully on SIGINT/SIGTERM
}

// Info until the config is read (its errors must be seen); then LOG_LEVEL.
const log = createWorkerLogger('info');
main(log).catch((err) => {
  log.error({ error: err instanceof Error ? err.message : String(err) }, 'worker failed');
  process.exit(1);
});
