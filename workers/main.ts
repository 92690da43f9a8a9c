/** Entry point of the dispatch worker process. */
import { loadConfig } from '../config/config';
import { startDispatchWorker } from './dispatch.worker';
import { syncSchedulesAtStartup } from '../schedules';

async function main(): Promise<void> {
  const config = loadConfig();
  const { run } = await startDispatchWorker(config);
  // Supervision schedules (reports, digest, sweeps) are created or updated in place from their definitions.
  const operations = config.OPERATIONS_EMAIL;
  const schedules = await syncSchedulesAtStartup(config, operations ? { operationsRecipients: [{ name: 'Operaciones', email: operations }] } : {});
  console.log(`Schedules synced: ${Object.entries(schedules).map(([id, outcome]) => `${id} ${outcome}`).join(', ')}`);
  console.log(`Levante worker polling ${config.TEMPORAL_NAMESPACE}/${config.TEMPORAL_TASK_QUEUE} at ${config.TEMPORAL_ADDRESS}`);
  await run; // the SDK shuts the worker down gracefully on SIGINT/SIGTERM
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
