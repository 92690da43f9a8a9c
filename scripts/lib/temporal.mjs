// Temporal CLI (dev server + Web UI): find or build it, start it, register the namespace and search attributes.
// See shared PLATFORM.md: v1.5.1 is the newest CLI that `go install` can build from the Go module proxy.
import { spawn, execFile } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
export const TEMPORAL_CLI_VERSION = '1.5.1';

export function cacheRoot() {
  return join(process.env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'levante');
}

async function works(path) {
  try {
    await run(path, ['--version'], { timeout: 15_000 });
    return true;
  } catch {
    return false;
  }
}

async function onPath(cmd) {
  try {
    const { stdout } = await run('sh', ['-c', `command -v ${cmd}`]);
    return stdout.trim() || undefined;
  } catch {
    return undefined;
  }
}

/**
 * Finds a Temporal CLI: $TEMPORAL_CLI, then `temporal` on PATH, then the cached build, then builds
 * v1.5.1 with `go install` into the cache (minutes on a cold machine; once per machine).
 */
export async function ensureTemporalCli({ log = console.log } = {}) {
  if (process.env.TEMPORAL_CLI) {
    if (await works(process.env.TEMPORAL_CLI)) return process.env.TEMPORAL_CLI;
    throw new Error(`TEMPORAL_CLI=${process.env.TEMPORAL_CLI} does not run: point it at a Temporal CLI binary.`);
  }
  const cached = join(cacheRoot(), `temporal-${TEMPORAL_CLI_VERSION}`, 'temporal');
  if (existsSync(cached) && (await works(cached))) return cached;
  const fromPath = await onPath('temporal');
  if (fromPath && (await works(fromPath))) return fromPath;
  const go = await onPath('go');
  if (!go) {
    throw new Error(
      'No Temporal CLI found and Go is not installed: install Go (apt-get install golang-go) or the Temporal CLI, or set TEMPORAL_CLI.',
    );
  }
  const dir = join(cacheRoot(), `temporal-${TEMPORAL_CLI_VERSION}`);
  mkdirSync(dir, { recursive: true });
  log(`Building Temporal CLI v${TEMPORAL_CLI_VERSION} from the Go module proxy into ${dir} (first run only; takes several minutes on 2 cores)…`);
  const started = Date.now();
  const ticker = setInterval(() => log(`  …still building Temporal CLI (${Math.round((Date.now() - started) / 1000)} s)`), 30_000);
  try {
    await run(go, ['install', '-trimpath', `github.com/temporalio/cli/cmd/temporal@v${TEMPORAL_CLI_VERSION}`], {
      env: { ...process.env, GOBIN: dir, CGO_ENABLED: '0', GOFLAGS: '-buildvcs=false' },
      maxBuffer: 64 * 1024 * 1024,
    });
  } catch (err) {
    throw new Error(`Building the Temporal CLI with Go failed: ${String(err.stderr || err.message).slice(-2000)}`);
  } finally {
    clearInterval(ticker);
  }
  log(`Temporal CLI built in ${Math.round((Date.now() - started) / 1000)} s.`);
  return cached;
}

async function cli(bin, args, address) {
  return run(bin, [...args, '--address', address], { timeout: 30_000 });
}

async function waitHealthy(bin, address, child, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`Temporal dev server exited with code ${child.exitCode}`);
    try {
      await cli(bin, ['operator', 'cluster', 'health'], address);
      return;
    } catch {
      await new Promise((r) => setTimeout(r, 300));
    }
  }
  throw new Error(`Temporal dev server did not become healthy at ${address} within ${timeoutMs / 1000} s`);
}

/**
 * Creates the namespace with a long retention (closed dispatches stay inspectable) or raises the retention
 * of an existing one, and registers every custom search attribute: `--search-attribute` on start-dev only
 * applies when a namespace is created, so this also covers an existing db file. Idempotent.
 */
export async function ensureNamespace(bin, address, namespace, searchAttributes, retention = '720h') {
  try {
    await cli(bin, ['operator', 'namespace', 'describe', '--namespace', namespace], address);
    await cli(bin, ['operator', 'namespace', 'update', '--namespace', namespace, '--retention', retention], address);
  } catch {
    await cli(bin, ['operator', 'namespace', 'create', '--namespace', namespace, '--retention', retention], address);
  }
  // A namespace created just now takes a few seconds to reach the frontend's cache.
  let stdout;
  for (let attempt = 0; ; attempt++) {
    try {
      ({ stdout } = await cli(bin, ['operator', 'search-attribute', 'list', '--namespace', namespace, '-o', 'json'], address));
      break;
    } catch (err) {
      if (attempt >= 60) throw err;
      await new Promise((r) => setTimeout(r, 500));
    }
  }
  const existing = JSON.stringify(JSON.parse(stdout));
  for (const [name, type] of Object.entries(searchAttributes)) {
    if (existing.includes(`"${name}"`)) continue;
    await cli(bin, ['operator', 'search-attribute', 'create', '--namespace', namespace, '--name', name, '--type', type], address);
  }
}

/**
 * Starts `temporal server start-dev` and resolves once it is healthy and the namespace is ready.
 * @param {{ bin: string, ip?: string, port: number, uiPort?: number, dbFile?: string, namespace: string,
 *   searchAttributes: Record<string, string>, headless?: boolean, log?: (m: string) => void, stdio?: any }} options
 */
export async function startDevServer({
  bin,
  ip = '127.0.0.1',
  port,
  uiPort = undefined,
  dbFile = undefined,
  namespace,
  searchAttributes,
  headless = false,
  log = console.log,
  stdio = 'ignore',
}) {
  const args = ['server', 'start-dev', '--ip', ip, '--port', String(port), '--log-level', 'error', '--namespace', namespace];
  // Applied only when the db file is new; ensureNamespace() covers an existing one.
  for (const [name, type] of Object.entries(searchAttributes)) args.push('--search-attribute', `${name}=${type}`);
  if (headless) args.push('--headless');
  else args.push('--ui-port', String(uiPort));
  if (dbFile) {
    mkdirSync(join(dbFile, '..'), { recursive: true });
    args.push('--db-filename', dbFile, '--sqlite-pragma', 'journal_mode=WAL', '--sqlite-pragma', 'synchronous=NORMAL');
  }
  // Own process group: Ctrl-C reaches only the launcher, which stops the services in order.
  const child = spawn(bin, args, { stdio, detached: true });
  const address = `${ip}:${port}`;
  await waitHealthy(bin, address, child);
  await ensureNamespace(bin, address, namespace, searchAttributes);
  log(`Temporal dev server ready at ${address}${headless ? '' : `, Web UI http://localhost:${uiPort}`}`);
  return {
    address,
    child,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
        setTimeout(() => child.kill('SIGKILL'), 10_000).unref();
      }),
  };
}
