/**
 * `npm test`: provisions what the suite needs (Temporal CLI, Java time-skipping server), type-checks and
 * lints, starts ONE Temporal dev server and ONE PostgreSQL for the whole run, runs every jest project
 * against them, then the bounded OpenAPI fuzz, and stops everything it started.
 *
 * Its last line is always the verdict `tests: N passed, N failed, N skipped`, whatever happened: the
 * type-check, the lint and the fuzz count as one check each, a jest suite that fails to load counts as a
 * failed test, and a step that cannot start counts as failed. No other line it prints has that shape.
 * Use TEST_DATABASE_ADMIN_URL / TEMPORAL_TEST_ADDRESS to run against servers you already have;
 * LEVANTE_SKIP_CHECKS=1 skips tsc and eslint (while iterating). Extra arguments go to jest
 * (e.g. `npm test -- --selectProjects unit`) and skip the fuzz.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SEARCH_ATTRIBUTE_TYPES } from '../domain/search-attributes';
import { freePort } from './lib/ports.mjs';
import { startPostgres } from './lib/postgres.mjs';
import { ensureTemporalCli, startDevServer } from './lib/temporal.mjs';
import { ensureTestServer } from './lib/test-server.mjs';
import { emptyTally, jestTally, type Tally } from './lib/test-tally';

const log = (msg: string) => console.log(`[test] ${msg}`);
const tally: Tally = emptyTally();

/** A check that is not a jest test (type-check, lint, fuzz) counts as one test of the verdict. */
function check(name: string, ok: boolean): boolean {
  tally.add(name, ok ? 'passed' : 'failed');
  log(`${name}: ${ok ? 'ok' : 'FAILED'}`);
  return ok;
}

function step(name: string, cmd: string, args: string[]): boolean {
  log(name);
  return check(name, spawnSync(cmd, args, { stdio: 'inherit' }).status === 0);
}

async function main(): Promise<void> {
  const jestArgs = process.argv.slice(2);
  if (process.env.LEVANTE_SKIP_CHECKS !== '1') {
    step('type-check', 'npx', ['tsc', '--noEmit', '-p', 'tsconfig.json']);
    step('lint', 'npx', ['eslint', '.', '--max-warnings=0']);
  }
  const cli = await ensureTemporalCli({ log });
  const testServer = await ensureTestServer({ log });
  const work = mkdtempSync(join(tmpdir(), 'levante-test-'));
  chmodSync(work, 0o755); // the PostgreSQL cluster inside runs as the `postgres` user when we are root
  const stops: (() => Promise<void>)[] = [];
  try {
    let adminUrl = process.env.TEST_DATABASE_ADMIN_URL;
    if (!adminUrl) {
      const pg = await startPostgres({ dataDir: join(work, 'pg'), port: await freePort(), fast: true, log });
      stops.push(pg.stop);
      adminUrl = pg.url;
    }
    let temporalAddress = process.env.TEMPORAL_TEST_ADDRESS;
    const namespace = process.env.TEMPORAL_TEST_NAMESPACE ?? 'levante-test';
    if (!temporalAddress) {
      const server = await startDevServer({ bin: cli, port: await freePort(), headless: true, namespace, searchAttributes: SEARCH_ATTRIBUTE_TYPES, log });
      stops.push(server.stop);
      temporalAddress = server.address;
    }
    const env = { ...process.env, TEST_DATABASE_ADMIN_URL: adminUrl, TEMPORAL_ADDRESS: temporalAddress, TEMPORAL_NAMESPACE: namespace };
    const resultsFile = join(work, 'jest-results.json');
    log('jest');
    // --forceExit: the Temporal SDK's native runtime keeps its threads after the last worker and connection
    // closed, which holds jest open; every test file closes what it opened in afterAll.
    const r = spawnSync('npx', ['jest', '--json', `--outputFile=${resultsFile}`, '--forceExit', ...jestArgs], {
      stdio: 'inherit',
      env: { ...env, TEMPORAL_CLI: cli, TEMPORAL_TEST_SERVER: testServer, LEVANTE_TEST_WORK_DIR: work },
    });
    const jest = jestTally(resultsFile);
    if (!jest) check('jest (no results written)', false);
    else {
      tally.merge(jest);
      // jest failing with every test green means something outside a test failed (a hook, a leak): say so.
      if (r.status !== 0 && jest.failed === 0) check(`jest exited with code ${r.status}`, false);
    }
    // Property-based fuzzing of the API from its OpenAPI document (schemathesis), bounded in examples and time;
    // any 5xx fails the check. Skipped when jest was given a selection (a partial run).
    if (jestArgs.length === 0 && process.env.LEVANTE_SKIP_FUZZ !== '1') {
      log('fuzz:api (schemathesis, bounded; its own report goes to a file)');
      const maxTime = Number(process.env.FUZZ_MAX_TIME ?? 150);
      const f = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/fuzz-api.ts'], {
        stdio: 'inherit',
        env: { ...env, FUZZ_MAX_EXAMPLES: process.env.FUZZ_MAX_EXAMPLES ?? '10', FUZZ_MAX_TIME: String(maxTime) },
        // Backstop behind the fuzz script's own deadline: a hung fuzzer must not hold CI.
        timeout: (maxTime + 240) * 1000,
        killSignal: 'SIGTERM',
      });
      check('fuzz:api (no 5xx)', f.status === 0);
    }
  } catch (err) {
    check(`test environment (${err instanceof Error ? err.message : String(err)})`, false);
  } finally {
    for (const stop of stops.reverse()) await stop().catch(() => undefined);
    rmSync(work, { recursive: true, force: true, maxRetries: 3 });
  }
}

main()
  .catch((err) => check(`test runner (${err instanceof Error ? err.message : String(err)})`, false))
  .finally(() => {
    for (const line of tally.report()) log(line);
    // The verdict: always the last line, whatever failed before it.
    console.log(`tests: ${tally.passed} passed, ${tally.failed} failed, ${tally.skipped} skipped`);
    process.exit(tally.failed > 0 || tally.passed === 0 ? 1 : 0);
  });
