/** `npm run provision`: builds/fetches the Temporal CLI and the time-skipping test server ahead of time (both cached). */
import { ensureTemporalCli } from './lib/temporal.mjs';
import { ensureTestServer } from './lib/test-server.mjs';

async function main(): Promise<void> {
  console.log(`Temporal CLI: ${await ensureTemporalCli()}`);
  console.log(`Time-skipping test server: ${await ensureTestServer()}`);
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
