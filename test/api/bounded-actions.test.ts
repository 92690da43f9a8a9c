/**
 * Operator actions answer within seconds: when the terminal is slow the action answers 202 with where to read
 * its outcome, and the outcome route gives 202 while it runs and the dispatch once it is done. An unknown
 * action id is 404. Idempotency-Key: a retry of an action the dispatch already applied is answered, not redone.
 */
import request from 'supertest';
import { simulatorAdmin, bookingsFor } from '../support/simulator-admin';
import { startApiStack, type ApiStack } from './api-stack';
import { dispatchBody, IMPORT_DOCUMENTS } from './bodies';

jest.setTimeout(120_000);

let api: ApiStack;
beforeAll(async () => {
  // Short answer window so a 6 s terminal is "slow" for the test (the outcome route waits 2 s per read).
  api = await startApiStack('api_bounded', { actionAnswerWithinMs: 1_000 });
});
afterAll(() => api?.close());

let dams = 320;

async function untilLevante(overrides: Record<string, unknown> = {}): Promise<string> {
  const body = dispatchBody(overrides);
  await request(api.app).post('/dispatches').set('Authorization', api.auth('operator')).send(body).expect(201);
  const steps: [string, object][] = [
    ['documents-received', { documents: IMPORT_DOCUMENTS }],
    ['documents-reviewed', {}],
    ['draft-emitted', {}],
    ['draft-approved', {}],
    ['dam-numbered', { damNumber: `118-2026-10-${String(++dams).padStart(6, '0')}` }],
    ['channel-assigned', { channel: 'verde' }],
    ['levante', {}],
    ['proforma', {}],
    ['liquidation', {}],
  ];
  for (const [action, b] of steps) {
    await request(api.app).post(`/dispatches/${body.dispatchId}/actions/${action}`).set('Authorization', api.auth('operator')).send(b).expect(200);
  }
  return body.dispatchId;
}

test('a slow terminal: the appointment answers 202 with its outcome, which reads 202 then the dispatch', async () => {
  const id = await untilLevante({ bl: 'MSCU5550001' });
  await simulatorAdmin(api.stack.simulatorUrl, '/_admin/faults', { terminal: 'APMTC', latencyMs: 6_000 });
  try {
    const started = Date.now();
    const res = await request(api.app).post(`/dispatches/${id}/actions/appointment`).set('Authorization', api.auth('operator')).set('Idempotency-Key', 'cita-lenta-1').send({ date: '2026-12-15' });
    expect(res.status).toBe(202);
    expect(Date.now() - started).toBeLessThan(5_900); // answered before the terminal did
    expect(res.body).toMatchObject({ status: 'en_curso', updateId: 'appointment:cita-lenta-1' });
    expect(res.headers.location).toBe(res.body.outcome);

    const early = await request(api.app).get(res.body.outcome).set('Authorization', api.auth('operator'));
    expect(early.status).toBe(202);

    let final = early;
    for (let i = 0; i < 30 && final.status === 202; i++) final = await request(api.app).get(res.body.outcome).set('Authorization', api.auth('operator'));
    expect(final.status).toBe(200);
    expect(final.body.dispatch.terminalBookings).toEqual(expect.arrayContaining([expect.objectContaining({ step: 'appointment' })]));
    // The retry with the same key answers from the finished Update: still exactly one appointment at the terminal.
    const retry = await request(api.app).post(`/dispatches/${id}/actions/appointment`).set('Authorization', api.auth('operator')).set('Idempotency-Key', 'cita-lenta-1').send({ date: '2026-12-15' });
    expect(retry.status).toBe(200);
    expect(await bookingsFor(api.stack.simulatorUrl, 'MSCU5550001', 'appointment')).toHaveLength(1);
  } finally {
    await simulatorAdmin(api.stack.simulatorUrl, '/_admin/faults', {});
  }
});

test('the outcome of an action the dispatch never received is 404 in Spanish', async () => {
  const id = await untilLevante({ bl: 'MSCU5550002' });
  const res = await request(api.app).get(`/dispatches/${id}/actions/outcomes/proforma:nunca-enviada`).set('Authorization', api.auth('operator'));
  expect(res.status).toBe(404);
  expect(res.body.error.message).toMatch(/No se encontró esa acción/);
});

test('a DAM number already recorded on another dispatch is refused in Spanish before the workflow sees it', async () => {
  const first = await untilLevante({ bl: 'MSCU5550003' });
  const taken = (await request(api.app).get(`/dispatches/${first}`).set('Authorization', api.auth('operator'))).body.dispatch.damNumber;
  const body = dispatchBody();
  await request(api.app).post('/dispatches').set('Authorization', api.auth('operator')).send(body).expect(201);
  for (const [action, b] of [['documents-received', { documents: IMPORT_DOCUMENTS }], ['documents-reviewed', {}], ['draft-emitted', {}], ['draft-approved', {}]] as const) {
    await request(api.app).post(`/dispatches/${body.dispatchId}/actions/${action}`).set('Authorization', api.auth('operator')).send(b).expect(200);
  }
  const res = await request(api.app).post(`/dispatches/${body.dispatchId}/actions/dam-numbered`).set('Authorization', api.auth('operator')).send({ damNumber: taken });
  expect(res.status).toBe(409);
  expect(res.body.error).toMatchObject({ code: 'dam_number_in_use' });
  expect(res.body.error.message).toContain(first);
  const view = (await request(api.app).get(`/dispatches/${body.dispatchId}`).set('Authorization', api.auth('operator'))).body.dispatch;
  expect(view.status).toBe('draft_approved');
});
