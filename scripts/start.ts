/**
 * `npm start`: the whole product on embedded defaults, in one terminal.
 * Temporal dev server + Web UI (:8233), PostgreSQL (DATABASE_URL, else a project-managed cluster in .state/),
 * migrations, mail catcher with web UI (:1080), terminal simulator (:4010), worker, API (:3000).
 * Ctrl-C stops everything it started; state persists in .state/ so a second start is fast.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { SEARCH_ATTRIBUTE_TYPES } from '../domain/search-attributes';
import { applyMigrations } from '../prisma/migrate';
import { isListening } from './lib/ports.mjs';
import { ensureDatabase, startPostgres } from './lib/postgres.mjs';
import { ensureTemporalCli, startDevServer, TEMPORAL_CLI_VERSION } from './lib/temporal.mjs';
import { bootstrapAdminKey } from './lib/bootstrap-admin';
import { bootstrapBoardAdmin } from './lib/bootstrap-board';

const root = resolve(__dirname, '..');
const state = join(root, '.state');
const log = (msg: string) => console.log(`[levante] ${msg}`);
const stops: (() => Promise<void>)[] = [];
const env = { ...process.env };
const port = (name: string, fallback: number) => Number(process.env[name] ?? fallback);

async function main(): Promise<void> {
  mkdirSync(state, { recursive: true });
  await startTemporal();
  await startDatabase();
  startChild('mail', process.execPath, [join(root, 'node_modules', 'maildev', 'dist', 'bin', 'maildev.js'), '--smtp', String(port('SMTP_PORT', 1025)), '--web', String(port('MAILDEV_WEB_PORT', 1080)), '--ip', '127.0.0.1', '--web-ip', '127.0.0.1', '--mail-directory', join(state, 'mail')]);
  env.SMTP_HOST = env.SMTP_HOST ?? '127.0.0.1';
  env.SMTP_PORT = String(port('SMTP_PORT', 1025));
  startChild('simulator', process.execPath, ['--import', 'tsx', 'simulator/server.ts'], { SIMULATOR_STATE_FILE: join(state, 'simulator.json') });
  startChild('worker', process.execPath, ['--import', 'tsx', 'workers/main.ts']);
  startChild('api', process.execPath, ['--import', 'tsx', 'api/server.ts']);
  const adminKey = await bootstrapAdminKey(env.DATABASE_URL!, join(state, 'admin-api-key.txt'));
  const boardAdmin = await bootstrapBoardAdmin(env.DATABASE_URL!, join(state, 'board-admin.txt'));
  const apiPort = port('API_PORT', 3000);
  log('Waiting for the worker (it bundles the workflow code) and the API…');
  await Promise.all([waitForWorker(), waitForHttp(`http://127.0.0.1:${apiPort}/health`), waitForHttp(`http://127.0.0.1:${port('SIMULATOR_PORT', 4010)}/health`)]);
  log('──────────────────────────────────────────────────────────────');
  log(`API            http://localhost:${apiPort}   (docs: http://localhost:${apiPort}/docs)`);
  log(`Board          http://localhost:${apiPort}/board   (user ${boardAdmin.username}, password ${boardAdmin.password}; kept in .state/board-admin.txt)`);
  log(`Temporal Web   http://localhost:${port('TEMPORAL_UI_PORT', 8233)}/namespaces/${env.TEMPORAL_NAMESPACE}/workflows`);
  log(`Mail catcher   http://localhost:${port('MAILDEV_WEB_PORT', 1080)}`);
  log(`Terminals      http://localhost:${port('SIMULATOR_PORT', 4010)}/health`);
  log(`Admin API key  ${adminKey}   (kept in .state/admin-api-key.txt)`);
  log('Ctrl-C stops everything.');
}

async function startTemporal(): Promise<void> {
  env.TEMPORAL_NAMESPACE = env.TEMPORAL_NAMESPACE ?? 'levante';
  if (env.TEMPORAL_ADDRESS) {
    log(`Using the Temporal cluster at ${env.TEMPORAL_ADDRESS} (namespace ${env.TEMPORAL_NAMESPACE}).`);
    return;
  }
  const grpcPort = port('TEMPORAL_PORT', 7233);
  if (await isListening(grpcPort)) {
    throw new Error(`Port ${grpcPort} is already in use: stop that process, or set TEMPORAL_ADDRESS=127.0.0.1:${grpcPort} to use it.`);
  }
  const cli = await ensureTemporalCli({ log });
  log('Starting the Temporal dev server…');
  const server = await startDevServer({
    bin: cli,
    port: grpcPort,
    uiPort: port('TEMPORAL_UI_PORT', 8233),
    dbFile: join(state, 'temporal', `temporal-${TEMPORAL_CLI_VERSION}.db`),
    namespace: env.TEMPORAL_NAMESPACE,
    searchAttributes: SEARCH_ATTRIBUTE_TYPES,
    log,
  });
  stops.push(server.stop);
  env.TEMPORAL_ADDRESS = server.address;
}

async function startDatabase(): Promise<void> {
  if (!env.DATABASE_URL) {
    const pg = await startPostgres({ dataDir: join(state, 'postgres'), port: port('LEVANTE_PG_PORT', 55432), log });
    stops.push(pg.stop);
    env.DATABASE_URL = await ensureDatabase(pg.url, 'levante');
  }
  const applied = await applyMigrations(env.DATABASE_URL!, { log: () => undefined });
  log(applied.length ? `Applied migrations: ${applied.join(', ')}` : 'Database schema is up to date.');
}

let workerReady: () => void;
const workerReadyPromise = new Promise<void>((resolve) => (workerReady = resolve));
const waitForWorker = () => workerReadyPromise;

async function waitForHttp(url: string, timeoutMs = 180_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await fetch(url).then((r) => r.ok, () => false)) return;
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`${url} did not answer within ${timeoutMs / 1000} s`);
}

function startChild(name: string, cmd: string, args: string[], extraEnv: Record<string, string> = {}): ChildProcess {
  const child = spawn(cmd, args, { cwd: root, env: { ...env, ...extraEnv }, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  const prefix = (chunk: Buffer) =>
    chunk
      .toString()
      .split('\n')
      .filter(Boolean)
      .forEach((line) => {
        if (name === 'worker' && line.includes('Levante worker polling')) workerReady();
        console.log(`[${name}] ${line}`);
      });
  child.stdout?.on('data', prefix);
  child.stderr?.on('data', prefix);
  child.on('exit', (code, signal) => {
    if (!shuttingDown) log(`${name} exited (${signal ?? code}); press Ctrl-C to stop the rest.`);
  });
  stops.push(
    () =>
      new Promise<void>((done) => {
        if (child.exitCode !== null || child.signalCode !== null) return done();
        child.once('exit', () => done());
        child.kill('SIGTERM'); // each service is one node process that shuts down gracefully on SIGTERM
        setTimeout(() => child.exitCode === null && child.kill('SIGKILL'), 15_000).unref();
      }),
  );
  return child;
}

let shuttingDown = false;
async function shutdown(code: number): Promise<never> {
  if (!shuttingDown) {
    shuttingDown = true;
    log('Stopping…');
    for (const stop of stops.reverse()) await stop().catch(() => undefined);
    log('Stopped.');
  }
  process.exit(code);
}

process.on('SIGINT', () => void shutdown(0));
process.on('SIGTERM', () => void shutdown(0));
main().catch(async (err) => {
  console.error(`[levante] ${err instanceof Error ? err.message : String(err)}`);
  await shutdown(1);
});

