/**
 * `npm test`: provisions what the suite needs (Temporal CLI, Java time-skipping server), type-checks and
 * lints, starts ONE Temporal dev server and ONE PostgreSQL for the whole run, runs every jest project
 * against them, prints a summary per project and stops everything it started.
 * Use TEST_DATABASE_ADMIN_URL / TEMPORAL_TEST_ADDRESS to run against servers you already have.
 * Extra arguments go to jest (e.g. `npm test -- --selectProjects unit`).
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SEARCH_ATTRIBUTE_TYPES } from '../domain/search-attributes';
import { freePort } from './lib/ports.mjs';
import { startPostgres } from './lib/postgres.mjs';
import { ensureTemporalCli, startDevServer } from './lib/temporal.mjs';
import { ensureTestServer } from './lib/test-server.mjs';

const log = (msg: string) => console.log(`[test] ${msg}`);

function step(name: string, cmd: string, args: string[]): void {
  log(name);
  const r = spawnSync(cmd, args, { stdio: 'inherit' });
  if (r.status !== 0) {
    log(`${name} failed`);
    process.exit(r.status ?? 1);
  }
}

async function main(): Promise<number> {
  const jestArgs = process.argv.slice(2);
  step('type-check (tsc --noEmit)', 'npx', ['tsc', '--noEmit', '-p', 'tsconfig.json']);
  step('lint (eslint)', 'npx', ['eslint', '.', '--max-warnings=0']);
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
      const server = await startDevServer({
        bin: cli,
        port: await freePort(),
        headless: true,
        namespace,
        searchAttributes: SEARCH_ATTRIBUTE_TYPES,
        log,
      });
      stops.push(server.stop);
      temporalAddress = server.address;
    }
    const resultsFile = join(work, 'jest-results.json');
    log('jest');
    // --forceExit: the Temporal SDK's native runtime keeps its threads after the last worker and connection
    // closed, which holds jest open; every test file closes what it opened in afterAll.
    const r = spawnSync('npx', ['jest', '--json', `--outputFile=${resultsFile}`, '--forceExit', ...jestArgs], {
      stdio: 'inherit',
      env: {
        ...process.env,
        TEST_DATABASE_ADMIN_URL: adminUrl,
        TEMPORAL_ADDRESS: temporalAddress,
        TEMPORAL_NAMESPACE: namespace,
        TEMPORAL_CLI: cli,
        TEMPORAL_TEST_SERVER: testServer,
        LEVANTE_TEST_WORK_DIR: work,
      },
    });
    const summary = printSummary(resultsFile);
    // Property-based fuzzing of the API from its OpenAPI document (schemathesis), bounded in examples and time;
    // any 5xx fails the run. Skipped when jest was given a selection (a partial run).
    let fuzz = 0;
    if (jestArgs.length === 0 && process.env.LEVANTE_SKIP_FUZZ !== '1') {
      log('fuzz:api (schemathesis, bounded)');
      const f = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/fuzz-api.ts'], {
        stdio: 'inherit',
        env: {
          ...process.env,
          TEST_DATABASE_ADMIN_URL: adminUrl,
          TEMPORAL_ADDRESS: temporalAddress,
          TEMPORAL_NAMESPACE: namespace,
          FUZZ_MAX_EXAMPLES: process.env.FUZZ_MAX_EXAMPLES ?? '10',
          FUZZ_MAX_TIME: process.env.FUZZ_MAX_TIME ?? '150',
        },
      });
      fuzz = f.status ?? 1;
      log(fuzz === 0 ? 'fuzz:api: no server errors' : 'fuzz:api failed');
      if (summary) console.log(summary); // the test runner's summary stays the last line
    }
    return (r.status ?? 1) || fuzz;
  } finally {
    for (const stop of stops.reverse()) await stop();
    rmSync(work, { recursive: true, force: true, maxRetries: 3 });
  }
}

function printSummary(file: string): string | undefined {
  let results: { testResults: { name: string; assertionResults: { status: string }[] }[] };
  try {
    results = JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    log('no jest results were written');
    return undefined;
  }
  const perProject = new Map<string, { passed: number; failed: number; skipped: number }>();
  for (const file of results.testResults) {
    const project = /test\/(timeskipping|workflows)\//.test(file.name)
      ? RegExp.$1
      : /test\/(activities|api|prisma)\//.test(file.name)
        ? 'integration'
        : 'unit';
    const counts = perProject.get(project) ?? { passed: 0, failed: 0, skipped: 0 };
    for (const a of file.assertionResults) {
      if (a.status === 'passed') counts.passed += 1;
      else if (a.status === 'failed') counts.failed += 1;
      else counts.skipped += 1;
    }
    perProject.set(project, counts);
  }
  const total = { passed: 0, failed: 0, skipped: 0 };
  for (const [project, c] of perProject) {
    log(`${project}: ${c.passed} passed, ${c.failed} failed, ${c.skipped} skipped`);
    total.passed += c.passed;
    total.failed += c.failed;
    total.skipped += c.skipped;
  }
  const line = `tests: ${total.passed} passed, ${total.failed} failed, ${total.skipped} skipped`;
  console.log(line);
  return line;
}

main().then(
  (code) => process.exit(code),
  (err) => {
    console.error(`[test] ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  },
);
