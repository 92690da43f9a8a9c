/**
 * The parts of the chaos stack that fail for real: a PostgreSQL cluster stopped with `pg_ctl stop -m fast` and
 * started again on the same data directory and port, a Temporal dev server stopped and started again on the
 * same db file and port (its workflows survive), and the worker as a child process that can be SIGKILLed.
 */
import { execFile, execFileSync, spawn, type ChildProcess } from 'node:child_process';
import type { WriteStream } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { SEARCH_ATTRIBUTE_TYPES } from '../../domain/search-attributes';
import { findPostgresBin, startPostgres } from './postgres.mjs';
import { startDevServer } from './temporal.mjs';

const run = promisify(execFile);
type Log = (m: string) => void;

/** PostgreSQL refuses to run as root: then the cluster belongs to `postgres` (as in postgres.mjs). */
function clusterOwner(): { uid?: number; gid?: number } {
  if (process.getuid?.() !== 0) return {};
  const id = (flag: string) => Number(execFileSync('id', [flag, 'postgres']).toString().trim());
  return { uid: id('-u'), gid: id('-g') };
}

export class PostgresCluster {
  private handle?: { url: string; stop(): Promise<void> };
  private starting?: Promise<unknown>;
  constructor(
    readonly dataDir: string,
    readonly port: number,
    private readonly log: Log,
  ) {}

  /** Admin URL (database `postgres`, superuser `levante`). */
  get adminUrl(): string {
    return `postgresql://levante@127.0.0.1:${this.port}/postgres`;
  }

  /** Starts the cluster (creating it the first time) on the same data directory and port. */
  async start(): Promise<void> {
    // fsync off as in the tests: a fast shutdown still writes everything out, so nothing a test checks is lost.
    const starting = startPostgres({ dataDir: this.dataDir, port: this.port, fast: true, log: this.log });
    this.starting = starting;
    this.handle = await starting;
  }

  /** What an operator does before maintenance: every session is cut, then the server stops. */
  async stop(): Promise<void> {
    const bin = findPostgresBin();
    if (!bin) throw new Error('PostgreSQL binaries not found');
    await run(join(bin, 'pg_ctl'), ['-D', this.dataDir, '-m', 'fast', '-w', 'stop'], clusterOwner());
  }

  /** Final cleanup: stops the cluster if it runs (after a start under way, when interrupted during it). */
  async close(): Promise<void> {
    await this.starting?.catch(() => undefined);
    await this.handle?.stop();
  }
}

export class TemporalDevServer {
  private handle?: { address: string; stop(): Promise<void> };
  private starting?: Promise<unknown>;
  constructor(
    private readonly bin: string,
    readonly port: number,
    readonly dbFile: string,
    readonly namespace: string,
    private readonly log: Log,
  ) {}

  get address(): string {
    return `127.0.0.1:${this.port}`;
  }

  /** Starts the dev server on its db file (the same file after a stop: every workflow is still there). */
  async start(): Promise<void> {
    const starting = startDevServer({
      bin: this.bin,
      port: this.port,
      headless: true,
      dbFile: this.dbFile,
      namespace: this.namespace,
      searchAttributes: SEARCH_ATTRIBUTE_TYPES,
      log: this.log,
    });
    this.starting = starting;
    this.handle = await starting;
  }

  /** SIGTERM, as temporal.mjs stops it (SIGKILL after 10 s); after a start under way, when interrupted during it. */
  async stop(): Promise<void> {
    await this.starting?.catch(() => undefined);
    await this.handle?.stop();
  }
}

const running = (child: ChildProcess) => child.exitCode === null && child.signalCode === null;

export interface WorkerExit {
  at: number;
  code: number | null;
  signal: NodeJS.Signals | null;
}

/**
 * The dispatch worker in a child process (scripts/lib/chaos-worker.ts). An exit nobody asked for is recorded
 * and, like a process supervisor would, the worker is started again two seconds later.
 */
export class WorkerChild {
  private child?: ChildProcess;
  private expectingExit = false;
  private closed = false;
  readonly unexpectedExits: WorkerExit[] = [];

  constructor(
    private readonly env: Record<string, string>,
    private readonly out: WriteStream,
    private readonly log: Log,
  ) {}

  get pid(): number | undefined {
    return this.child && running(this.child) ? this.child.pid : undefined;
  }

  /** Spawns the worker and resolves once it polls. */
  async start(): Promise<void> {
    this.expectingExit = false;
    const child = spawn(process.execPath, ['--import', 'tsx', join(__dirname, 'chaos-worker.ts')], {
      env: { ...process.env, ...this.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child = child;
    child.stderr!.pipe(this.out, { end: false });
    let ready = false;
    child.once('exit', (code, signal) => {
      // Exit code 0: stopped on request (Ctrl-C reaches the worker too), not a crash.
      if (!ready || this.expectingExit || this.closed || this.child !== child || code === 0) return;
      this.unexpectedExits.push({ at: Date.now(), code, signal });
      this.log(`worker exited by itself (code ${code}, signal ${signal}); restarting it in 2 s as a supervisor would`);
      setTimeout(() => {
        if (!this.closed) void this.start().catch((err) => this.log(`worker restart failed: ${String(err)}`));
      }, 2_000);
    });
    await new Promise<void>((resolve, reject) => {
      let seen = '';
      const timer = setTimeout(() => reject(new Error('worker not polling after 180 s')), 180_000);
      child.stdout!.on('data', (chunk: Buffer) => {
        this.out.write(chunk);
        if (seen.length < 10_000) seen += chunk.toString();
        if (!ready && seen.includes('worker ready')) {
          ready = true;
          clearTimeout(timer);
          resolve();
        }
      });
      child.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`worker exited with code ${code} before polling`));
      });
    });
  }

  /** SIGKILL: no shutdown, no draining, tasks in hand are lost to their timeouts. */
  async kill(): Promise<void> {
    const child = this.child;
    if (!child || !running(child)) return;
    this.expectingExit = true;
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    process.kill(child.pid!, 'SIGKILL');
    await exited;
  }

  /** Graceful stop (SIGTERM: the SDK drains), SIGKILL after 15 s. */
  async close(): Promise<void> {
    this.closed = true;
    const child = this.child;
    if (!child || !running(child)) return;
    await new Promise<void>((resolve) => {
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
      setTimeout(() => child.kill('SIGKILL'), 15_000).unref();
    });
  }
}
