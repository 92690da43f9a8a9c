/** Entry point of the dispatch worker process. */
import { loadConfig } from '../config/config';
import { startDispatchWorker } from './dispatch.worker';

async function main(): Promise<void> {
  const config = loadConfig();
  const { run } = await startDispatchWorker(config);
  console.log(`Levante worker polling ${config.TEMPORAL_NAMESPACE}/${config.TEMPORAL_TASK_QUEUE} at ${config.TEMPORAL_ADDRESS}`);
  await run; // the SDK shuts the worker down gracefully on SIGINT/SIGTERM
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
