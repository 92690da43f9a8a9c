// A project-managed PostgreSQL cluster (Debian's server binaries), for the embedded stack and the tests.
// Used only when DATABASE_URL / TEST_DATABASE_ADMIN_URL are not given.
import { spawn, execFile, execFileSync } from 'node:child_process';
import { existsSync, readdirSync, mkdirSync, chownSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';

const run = promisify(execFile);

/** Directory of PostgreSQL server binaries: $PG_BIN, else the newest /usr/lib/postgresql/<v>/bin. */
export function findPostgresBin() {
  if (process.env.PG_BIN) return process.env.PG_BIN;
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return undefined;
  const versions = readdirSync(root)
    .filter((v) => existsSync(join(root, v, 'bin', 'initdb')))
    .sort((a, b) => Number(b) - Number(a));
  return versions[0] ? join(root, versions[0], 'bin') : undefined;
}

/** PostgreSQL refuses to run as root: when we are root, the cluster belongs to the `postgres` system user. */
function runAs() {
  if (process.getuid?.() !== 0) return {};
  try {
    const uid = Number(execFileSync('id', ['-u', 'postgres']).toString().trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres']).toString().trim());
    return { uid, gid };
  } catch {
    throw new Error('Running as root and there is no `postgres` system user: apt-get install postgresql, or set DATABASE_URL.');
  }
}

async function waitReady(url, child, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  let lastError;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`PostgreSQL exited with code ${child.exitCode}`);
    const client = new pg.Client({ connectionString: url });
    try {
      await client.connect();
      await client.end();
      return;
    } catch (err) {
      lastError = err;
      await client.end().catch(() => {});
      await new Promise((r) => setTimeout(r, 200));
    }
  }
  throw new Error(`PostgreSQL did not accept connections within ${timeoutMs / 1000} s: ${lastError?.message}`);
}

/**
 * Starts (creating on first use) a cluster in `dataDir` listening on 127.0.0.1:`port`, superuser `levante`
 * with trust authentication on loopback only. Returns the admin URL (database `postgres`) and stop().
 */
export async function startPostgres({ dataDir, port, fast = false, log = console.log }) {
  const bin = findPostgresBin();
  if (!bin) throw new Error('PostgreSQL server binaries not found: apt-get install postgresql, or set DATABASE_URL.');
  const owner = runAs();
  if (!existsSync(join(dataDir, 'PG_VERSION'))) {
    log(`Creating a PostgreSQL cluster in ${dataDir}…`);
    mkdirSync(dataDir, { recursive: true, mode: 0o700 });
    if (owner.uid !== undefined) chownSync(dataDir, owner.uid, owner.gid);
    await run(join(bin, 'initdb'), ['-D', dataDir, '-U', 'levante', '--auth=trust', '-E', 'UTF8', '--locale=C.UTF-8'], owner);
  }
  // A cluster left running by a launcher that was killed holds the data directory: stop it first.
  if (existsSync(join(dataDir, 'postmaster.pid'))) {
    await run(join(bin, 'pg_ctl'), ['-D', dataDir, '-m', 'fast', '-w', 'stop'], owner).catch(() => undefined);
  }
  const args = ['-D', dataDir, '-p', String(port), '-k', dataDir, '-c', 'listen_addresses=127.0.0.1'];
  // Tests throw their databases away: no need to wait for the disk.
  if (fast) args.push('-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off');
  const logFile = join(dataDir, 'server.log');
  if (!existsSync(logFile)) writeFileSync(logFile, '');
  if (owner.uid !== undefined) chownSync(logFile, owner.uid, owner.gid);
  const child = spawn(join(bin, 'postgres'), args, { ...owner, stdio: 'ignore', detached: true }); // own group: see temporal.mjs
  const url = `postgresql://levante@127.0.0.1:${port}/postgres`;
  await waitReady(url, child);
  log(`PostgreSQL ready at 127.0.0.1:${port} (data in ${dataDir})`);
  return {
    url,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGINT'); // fast shutdown
        setTimeout(() => child.kill('SIGKILL'), 15_000).unref();
      }),
  };
}

/** Creates database `name` if it does not exist (idempotent). */
export async function ensureDatabase(adminUrl, name) {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (!rowCount) await client.query(`CREATE DATABASE "${name.replace(/"/g, '')}"`);
  } finally {
    await client.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}
