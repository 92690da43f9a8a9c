/**
 * A dispatch worker alone in its own process (no schedule sync), for throwaway stacks that want the production
 * topology: API and worker in separate processes, so neither's event loop delays the other's requests.
 * Configured from the environment like workers/main.ts; prints "worker ready" once polling.
 */
import { loadConfig } from '../../config/config';
import { startDispatchWorker } from '../../workers/dispatch.worker';

async function main(): Promise<void> {
  const { run } = await startDispatchWorker(loadConfig());
  console.log('worker ready');
  await run;
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
