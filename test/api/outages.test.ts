/**
 * When Temporal or PostgreSQL cannot be reached the API answers 503 with Retry-After (never 500), and reads
 * that the read model can serve keep working while Temporal is down.
 */
import { createServer } from 'node:net';
import request from 'supertest';
import { Runtime } from '@temporalio/worker';
import { createPrismaRecordStore } from '../../activities/records';
import { createApp } from '../../api/app';
import { connectTemporalForApi, type TemporalForApi } from '../../api/temporal';
import { createPrisma, type PrismaClient } from '../../prisma/client';
import { createFreshDatabase, type FreshDatabase } from '../support/fresh-database';
import { seedKeys, CLIENT_RUC, type Keys } from './api-stack';
import { dispatchBody } from './bodies';

jest.setTimeout(60_000);

/** A loopback port nobody listens on. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

let db: FreshDatabase;
let prisma: PrismaClient;
let keys: Keys;
let deadTemporal: TemporalForApi;
beforeAll(async () => {
  db = await createFreshDatabase('api_outages');
  prisma = createPrisma(db.url);
  keys = await seedKeys(prisma);
  deadTemporal = connectTemporalForApi(`127.0.0.1:${await closedPort()}`, 'levante-test', { maxAttempts: 2 });
});
afterAll(async () => {
  await deadTemporal?.connection.close().catch(() => undefined);
  await prisma?.$disconnect();
  await db?.drop();
  // The integration project's setup file installs a Temporal Runtime; with no worker here nothing shuts it down.
  await Runtime._instance?.shutdown();
});

const expect503 = (res: request.Response, what: RegExp) => {
  expect(res.status).toBe(503);
  expect(res.headers['retry-after']).toBe('5');
  expect(res.body.error.code).toBe('service_unavailable');
  expect(res.body.error.message).toMatch(what);
};

describe('Temporal unreachable', () => {
  const app = () =>
    createApp({
      temporal: deadTemporal.client,
      taskQueue: 'nowhere',
      store: createPrismaRecordStore(prisma),
      prisma,
      health: async () => ({ temporal: await deadTemporal.healthy(), database: true }),
    });

  test('opening a dispatch and operator actions answer 503 with Retry-After', async () => {
    const a = app();
    expect503(await request(a).post('/dispatches').set('Authorization', `Bearer ${keys.operator}`).send(dispatchBody()), /Temporal/);
    expect503(
      await request(a).post('/dispatches/DSP-2026-000001/actions/documents-received').set('Authorization', `Bearer ${keys.operator}`).send({ documents: ['insurance'] }),
      /Temporal/,
    );
    const health = await request(a).get('/health').expect(503);
    expect(health.body).toEqual({ status: 'degraded', temporal: false, database: true });
    expect(health.headers['retry-after']).toBe('5');
  });

  test('reads fall back to the read model; an id it does not know is still 503 (it may exist in Temporal)', async () => {
    const known = dispatchBody();
    await createPrismaRecordStore(prisma).upsertDispatch({
      dispatchId: known.dispatchId, workflowId: `dispatch-${known.dispatchId}`, clientRuc: CLIENT_RUC, clientName: 'Importadora Andina S.A.C.',
      direction: 'import', regime: '10', modality: 'diferido', terminal: 'APMTC', status: 'opened', channel: null, damNumber: null,
      vessel: known.vessel, eta: known.eta, bl: known.bl, goods: known.goods, restrictedGoods: false, executiveId: 'ESC-07',
      executiveName: 'Jorge Salas', executiveEmail: 'jorge.salas@agencia.example.pe', nextDeadlineAt: null, nextDeadlineClock: null,
      atRisk: false, overdue: false, openedAt: new Date().toISOString(), closedAt: null,
    });
    const a = app();
    const res = await request(a).get(`/dispatches/${known.dispatchId}`).set('Authorization', `Bearer ${keys.operator}`).expect(200);
    expect(res.body).toMatchObject({ source: 'read-model', dispatch: { dispatchId: known.dispatchId, status: 'opened' } });
    await request(a).get('/dispatches').set('Authorization', `Bearer ${keys.operator}`).expect(200);
    expect503(await request(a).get('/dispatches/DSP-NADIE-LO-SABE').set('Authorization', `Bearer ${keys.operator}`), /Temporal/);
  });
});

describe('PostgreSQL unreachable', () => {
  test('every authenticated route answers 503 with Retry-After; health says which one is down', async () => {
    const deadPrisma = createPrisma(`postgresql://levante:levante@127.0.0.1:${await closedPort()}/nada`);
    const a = createApp({
      temporal: deadTemporal.client,
      taskQueue: 'nowhere',
      store: createPrismaRecordStore(deadPrisma),
      prisma: deadPrisma,
      health: async () => ({ temporal: true, database: await deadPrisma.$queryRaw`SELECT 1`.then(() => true, () => false) }),
    });
    try {
      expect503(await request(a).get('/dispatches').set('Authorization', `Bearer ${keys.operator}`), /base de datos/);
      expect503(await request(a).post('/dispatches').set('Authorization', `Bearer ${keys.operator}`).send(dispatchBody()), /base de datos/);
      const health = await request(a).get('/health').expect(503);
      expect(health.body).toEqual({ status: 'degraded', temporal: true, database: false });
      // Without a credential there is nothing to look up: still 401, not 503.
      await request(a).get('/dispatches').expect(401);
    } finally {
      await deadPrisma.$disconnect();
    }
  });
});
