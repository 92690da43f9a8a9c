/**
 * The free days of the cost clocks come from data, on the real stack: the client's agreement sets storage free days
 * per terminal and detention free days; the BL's own free days win over the client's; the shipping line named on
 * the dispatch picks its detention rate. Read back from the workflow's view after the discharge.
 */
import request from 'supertest';
import { startApiStack, type ApiStack } from '../api-stack';
import { dispatchBody } from '../bodies';

jest.setTimeout(90_000);

let api: ApiStack;
beforeAll(async () => {
  api = await startApiStack('api_cost_terms');
});
afterAll(() => api?.close());

const RUC = '20777888999';
const client = { ruc: RUC, name: 'Ferretera del Pacífico S.A.C.', contacts: [{ name: 'Jorge Vela', email: 'jorge.vela@ferretera.example.pe' }] };
const as = (role: 'operator' | 'admin') => ({ Authorization: api.auth(role) });

interface Clock { kind: string; lastFreeDay: string; dailyRate: { amount: string; currency: string }; source: string }

async function clocksAfterDischarge(overrides: Record<string, unknown>): Promise<Record<string, Clock>> {
  const body = dispatchBody({ client, ...overrides });
  await request(api.app).post('/dispatches').set(as('operator')).send(body).expect(201);
  await request(api.app).post(`/dispatches/${body.dispatchId}/actions/discharge-ended`).set(as('operator')).send({ occurredAt: '2026-12-01T10:00:00-05:00' }).expect(200);
  const view = await request(api.app).get(`/dispatches/${body.dispatchId}`).set(as('operator')).expect(200);
  const clocks: Clock[] = view.body.dispatch.costs.clocks;
  return Object.fromEntries(clocks.map((c) => [c.kind, c]));
}

test('the client agreed storage and detention free days; the BL’s own detention free days win; the line sets the rate', async () => {
  await request(api.app)
    .put(`/clients/${RUC}`)
    .set(as('admin'))
    .send({ name: client.name, contacts: client.contacts, costFreeDays: { storage: { APMTC: 5 }, detention: 12 } })
    .expect(200);

  // Discharge on Tuesday 1 December (free day 1): 5 storage days end on Saturday 5, 12 detention days on Saturday 12.
  const byClient = await clocksAfterDischarge({ shippingLine: 'HAPAG' });
  expect(byClient.storage).toMatchObject({ lastFreeDay: '2026-12-05', dailyRate: { amount: '30.00', currency: 'USD' } });
  expect(byClient.storage!.source).toContain('días libres pactados con el cliente');
  expect(byClient.detention).toMatchObject({ lastFreeDay: '2026-12-12', dailyRate: { amount: '80.00', currency: 'USD' } });

  // Three free days negotiated on the BL, and MAERSK's rate for a 40'.
  const byBl = await clocksAfterDischarge({ shippingLine: 'MAERSK', detentionFreeDays: 3 });
  expect(byBl.detention).toMatchObject({ lastFreeDay: '2026-12-03', dailyRate: { amount: '90.00', currency: 'USD' } });
  expect(byBl.storage).toMatchObject({ lastFreeDay: '2026-12-05' });
});

test('bad free days or line are refused naming the field, and nothing is opened or saved', async () => {
  const body = dispatchBody({ client, detentionFreeDays: -1, shippingLine: 'msc' });
  const bad = await request(api.app).post('/dispatches').set(as('operator')).send(body).expect(400);
  expect(new Set(bad.body.error.issues.map((i: { path: string }) => i.path))).toEqual(new Set(['body.detentionFreeDays', 'body.shippingLine']));
  await request(api.app).get(`/dispatches/${body.dispatchId}`).set(as('operator')).expect(404);

  const badClient = await request(api.app)
    .put(`/clients/20777888990`)
    .set(as('admin'))
    .send({ name: 'Otra S.A.', contacts: [], costFreeDays: { storage: { APMTC: 'cinco' } } })
    .expect(400);
  expect(badClient.body.error.issues.map((i: { path: string }) => i.path)).toEqual(['body.costFreeDays.storage.APMTC']);
  await request(api.app).get('/clients/20777888990').set(as('operator')).expect(404);
});
