/**
 * Known API keys kept in memory, safely: only while the API listens on PostgreSQL channel `levante_api_keys`,
 * which a trigger on `api_keys` notifies at the commit of any change (migration 20261203230000). A notification
 * forgets every cached key, so a revocation made by any process reaches this one as soon as PostgreSQL delivers it
 * (milliseconds after the commit); while the listening connection is down nothing is cached and every request
 * reads the key from the database, as without the cache. Unknown and revoked keys are never cached (a new key
 * works at once, and a flood of wrong keys cannot fill the memory). Entries also expire after `ttlMs`.
 *
 * Why: the key lookup was a database round trip on every request, the largest part of what the API added to
 * opening a dispatch (docs/api.md, "What the API costs").
 */
import { Client } from 'pg';
import type { Logger } from './logger';
import type { Principal } from './principal';

export const API_KEYS_CHANNEL = 'levante_api_keys';

export interface PrincipalCache {
  /** The principal of a key hash: cached while listening, else `load()`'s (a null answer is never kept). */
  get(hash: string, load: () => Promise<Principal | null>): Promise<Principal | null>;
  /** Whether the listening connection is up (the cache is in use). */
  readonly listening: boolean;
  /** How many times the cache was emptied (notifications, connection lost): for tests and metrics. */
  readonly invalidations: number;
  close(): Promise<void>;
}

export interface PrincipalCacheOptions {
  databaseUrl: string;
  logger: Logger;
  /** Backstop expiry of an entry (default 5 min). */
  ttlMs?: number;
  /** Most keys kept (default 1,000; the oldest goes first). */
  max?: number;
  /** First delay before reconnecting after the connection is lost (doubles up to 30 s; default 500 ms). */
  reconnectMs?: number;
}

/** Starts listening at once; until the LISTEN is in place, lookups go to the database. */
export function listeningPrincipalCache(options: PrincipalCacheOptions): PrincipalCache {
  const ttlMs = options.ttlMs ?? 5 * 60_000;
  const max = options.max ?? 1_000;
  const entries = new Map<string, { principal: Principal; expires: number }>();
  let listening = false;
  let invalidations = 0;
  let closed = false;
  let client: Client | undefined;
  let retryMs = options.reconnectMs ?? 500;
  let retryTimer: NodeJS.Timeout | undefined;

  const forget = () => {
    entries.clear();
    invalidations++;
  };

  /** Ends the listening connection, if any, without hearing from it again. */
  const hangUp = async () => {
    const c = client;
    client = undefined;
    c?.removeAllListeners();
    c?.on('error', () => undefined);
    await c?.end().catch(() => undefined);
  };

  const lost = (reason: string) => {
    if (!listening && !client) return;
    listening = false;
    forget();
    void hangUp();
    if (closed) return;
    options.logger.warn('API key cache off: lost its PostgreSQL listener; keys are read from the database until it is back', { reason, retryInMs: retryMs });
    retryTimer = setTimeout(connect, retryMs);
    retryMs = Math.min(retryMs * 2, 30_000);
  };

  async function connect(): Promise<void> {
    if (closed) return;
    const c = new Client({ connectionString: options.databaseUrl });
    client = c;
    c.on('error', (err) => lost(err.message));
    c.on('end', () => lost('connection ended'));
    c.on('notification', (n) => {
      if (n.channel === API_KEYS_CHANNEL) forget();
    });
    try {
      await c.connect();
      await c.query(`LISTEN ${API_KEYS_CHANNEL}`);
      if (closed || client !== c) return void c.end().catch(() => undefined);
      forget(); // nothing cached before this LISTEN can be trusted
      listening = true;
      retryMs = options.reconnectMs ?? 500;
    } catch (err) {
      if (client === c) lost(err instanceof Error ? err.message : String(err));
    }
  }
  void connect();

  return {
    get listening() {
      return listening;
    },
    get invalidations() {
      return invalidations;
    },
    async get(hash, load) {
      if (!listening) return load();
      const hit = entries.get(hash);
      if (hit && hit.expires > Date.now()) return hit.principal;
      const before = invalidations;
      const principal = await load();
      // Kept only if no change was notified while it was read: the row read may be older than the change.
      if (principal && listening && invalidations === before) {
        entries.delete(hash);
        entries.set(hash, { principal, expires: Date.now() + ttlMs });
        if (entries.size > max) entries.delete(entries.keys().next().value as string);
      }
      return principal;
    },
    async close() {
      closed = true;
      clearTimeout(retryTimer);
      listening = false;
      entries.clear();
      await hangUp();
    },
  };
}
