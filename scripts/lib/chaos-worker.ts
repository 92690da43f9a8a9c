/**
 * The worker of `npm run chaos`, alone in its process so that SIGKILL kills the worker itself: the dispatch
 * worker configured from the environment like workers/main.ts (no schedules, no metrics endpoint), on the
 * prebuilt workflow bundle named by CHAOS_WORKFLOW_BUNDLE so a restart takes seconds instead of a rebundle.
 * JSON lines at LOG_LEVEL on stdout; prints "worker ready" once polling.
 */
import { makeTelemetryFilterString, Runtime } from '@temporalio/worker';
import { loadConfig } from '../../config/config';
import { startDispatchWorker } from '../../workers/dispatch.worker';
import { createWorkerLogger, toTemporalLogger } from '../../workers/logger';

async function main(): Promise<void> {
  const config = loadConfig();
  const log = createWorkerLogger(config.LOG_LEVEL);
  // Installed before any connection exists: the runtime is a process-wide singleton (see workers/main.ts).
  Runtime.install({
    logger: toTemporalLogger(log),
    telemetryOptions: { logging: { filter: makeTelemetryFilterString({ core: 'WARN', other: 'ERROR' }), forward: {} } },
  });
  const bundle = process.env.CHAOS_WORKFLOW_BUNDLE;
  const { run } = await startDispatchWorker(config, bundle ? { workflowBundle: { codePath: bundle } } : {});
  console.log('worker ready');
  await run; // the SDK drains and stops on SIGINT/SIGTERM
}

main().catch((err) => {
  console.error(err instanceof Error ? err.stack : err);
  process.exit(1);
});
