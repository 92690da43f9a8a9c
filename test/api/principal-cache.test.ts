/**
 * The API key cache on a real PostgreSQL: keys come from memory only while the cache listens for key changes,
 * a change made by another connection empties it, and a lost listener turns it off until it is back.
 */
import { Client } from 'pg';
import { createApiKey, findPrincipal, hashApiKey, revokeApiKey } from '../../api/api-keys';
import { listeningPrincipalCache, type PrincipalCache } from '../../api/principal-cache';
import { createPrisma, type PrismaClient } from '../../prisma/client';
import { createFreshDatabase, type FreshDatabase } from '../support/fresh-database';
import { waitFor } from '../support/wait-for';

jest.setTimeout(60_000);

let db: FreshDatabase;
let prisma: PrismaClient;
let cache: PrincipalCache;
const warnings: string[] = [];

beforeAll(async () => {
  db = await createFreshDatabase('principal_cache');
  prisma = createPrisma(db.url);
  cache = listeningPrincipalCache({ databaseUrl: db.url, logger: { info() {}, warn: (m) => warnings.push(m), error() {} }, reconnectMs: 100 });
  await waitFor(() => cache.listening, { what: 'the cache to listen' });
});

afterAll(async () => {
  await cache?.close();
  await prisma?.$disconnect();
  await db?.drop();
});

/** A lookup that counts its trips to the database. */
function counted(key: string) {
  const trips = { n: 0 };
  const load = () => {
    trips.n++;
    return findPrincipal(prisma, key);
  };
  return { trips, get: () => cache.get(hashApiKey(key), load) };
}

test('a known key is read from the database once, then from memory', async () => {
  const { key } = await createApiKey(prisma, { role: 'operator', name: 'operador.cache' });
  const lookup = counted(key);
  expect((await lookup.get())?.name).toBe('operador.cache');
  expect((await lookup.get())?.role).toBe('operator');
  expect(lookup.trips.n).toBe(1);
});

test('an unknown key is never kept: each attempt asks the database', async () => {
  const lookup = counted('lev_no-such-key-00000000000');
  expect(await lookup.get()).toBeNull();
  expect(await lookup.get()).toBeNull();
  expect(lookup.trips.n).toBe(2);
});

test('a revocation by another connection empties the cache, and the key stops working', async () => {
  const { id, key } = await createApiKey(prisma, { role: 'supervisor', name: 'supervisora.cache' });
  const lookup = counted(key);
  await lookup.get();
  await lookup.get();
  expect(lookup.trips.n).toBe(1);
  const before = cache.invalidations;
  // Another process: a plain connection of its own, as scripts/apikey.ts or psql would be.
  const other = createPrisma(db.url);
  expect(await revokeApiKey(other, id)).toBe(true);
  await other.$disconnect();
  await waitFor(() => cache.invalidations > before, { what: 'the notification of the revocation' });
  expect(await lookup.get()).toBeNull();
  expect(lookup.trips.n).toBe(2);
});

test('a change notified while a key is being read is not kept', async () => {
  const { key } = await createApiKey(prisma, { role: 'admin', name: 'admin.cache' });
  const before = cache.invalidations;
  let trips = 0;
  const load = async () => {
    trips++;
    const principal = await findPrincipal(prisma, key);
    if (trips === 1) {
      await prisma.apiKey.updateMany({ where: { name: 'nadie' }, data: { revokedAt: new Date() } }); // any UPDATE notifies
      await waitFor(() => cache.invalidations > before, { what: 'the notification' });
    }
    return principal;
  };
  await cache.get(hashApiKey(key), load);
  await cache.get(hashApiKey(key), load);
  expect(trips).toBe(2);
});

test('while its listener is down the cache is off (every lookup reads the database), then it comes back', async () => {
  await cache.close(); // the last test: one listener on the database, so the one terminated is this test's
  const slow = listeningPrincipalCache({ databaseUrl: db.url, logger: { info() {}, warn: (m) => warnings.push(m), error() {} }, reconnectMs: 2_000 });
  try {
    await waitFor(() => slow.listening, { what: 'the cache to listen' });
    const { key } = await createApiKey(prisma, { role: 'operator', name: 'operador.caida' });
    let trips = 0;
    const get = () =>
      slow.get(hashApiKey(key), () => {
        trips++;
        return findPrincipal(prisma, key);
      });
    await get();
    await get();
    expect(trips).toBe(1);
    const admin = new Client({ connectionString: db.url });
    await admin.connect();
    try {
      const killed = await admin.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND query = 'LISTEN levante_api_keys'`);
      expect(killed.rowCount).toBe(1);
    } finally {
      await admin.end();
    }
    await waitFor(() => !slow.listening, { what: 'the cache to notice its lost listener' });
    expect(warnings.some((w) => w.startsWith('API key cache off'))).toBe(true);
    await get();
    await get();
    expect(trips).toBe(3); // off: both read the database
    await waitFor(() => slow.listening, { what: 'the listener to reconnect', timeout: 20_000 });
    await get();
    await get();
    expect(trips).toBe(4); // back: emptied when it reconnected, read once, then from memory
  } finally {
    await slow.close();
  }
});
