/** Dispatch resource through the API on the real stack: open, list, read live or from the read model, history. */
import { auditsWritten } from '../../api/app';
import request from 'supertest';
import { startApiStack, CLIENT_RUC, type ApiStack } from './api-stack';
import { dispatchBody } from './bodies';

jest.setTimeout(90_000);

let api: ApiStack;
beforeAll(async () => {
  api = await startApiStack('api_dispatches');
});
afterAll(() => api?.close());

const post = (role: 'operator' | 'supervisor' | 'admin' | 'client', body: unknown) =>
  request(api.app).post('/dispatches').set('Authorization', api.auth(role)).send(body as object);

describe('POST /dispatches', () => {
  test('opens the dispatch workflow with the caller as opener and answers 201', async () => {
    const body = dispatchBody();
    const res = await post('operator', body).expect(201);
    expect(res.body).toMatchObject({ dispatchId: body.dispatchId, workflowId: `dispatch-${body.dispatchId}`, created: true });
    expect(res.headers.location).toBe(`/dispatches/${body.dispatchId}`);

    const handle = api.stack.client.workflow.getHandle(res.body.workflowId);
    const described = await handle.describe();
    expect(described.type).toBe('dispatchWorkflow');
    expect(described.taskQueue).toBe(api.stack.config.TEMPORAL_TASK_QUEUE);
    const ack = await api.stack.smtp.waitFor((m) => m.subject.includes(body.dispatchId));
    expect(ack.subject).toContain('Hemos recibido su despacho');
    const history = await api.stack.prisma.statusHistory.findMany({ where: { dispatchId: body.dispatchId } });
    expect(history.map((h) => h.actor)).toEqual(['operador.noche']);
    await auditsWritten(api.app); // audit rows are written right after the answer
    const audit = await api.stack.prisma.auditEvent.findMany({ where: { target: body.dispatchId } });
    expect(audit).toEqual([expect.objectContaining({ actor: 'operador.noche', action: 'dispatch.open' })]);
  });

  test('answers 400 naming every invalid field, in Spanish', async () => {
    const body = dispatchBody({ client: { ruc: '123', name: 'X', contacts: [] }, regime: '99', containers: [{ containerNumber: 'abc', size: '40' }] });
    const res = await post('operator', { ...body, eta: 'mañana', openedBy: 'someone-else' }).expect(400);
    expect(res.body.error.code).toBe('validation_failed');
    const paths = res.body.error.issues.map((i: { path: string }) => i.path);
    expect(paths).toEqual(expect.arrayContaining(['body.client.ruc', 'body.regime', 'body.eta', 'body.containers.0.containerNumber', 'body']));
    expect(res.body.error.issues.find((i: { path: string }) => i.path === 'body.client.ruc').message).toBe('RUC inválido: debe tener 11 dígitos.');
  });

  test('refuses a second dispatch with the same business id (409)', async () => {
    const body = dispatchBody();
    await post('operator', body).expect(201);
    const res = await post('supervisor', body).expect(409);
    expect(res.body.error).toEqual({ code: 'dispatch_exists', message: 'Ya existe un despacho con ese código.' });
  });

  test('a retried request with the same Idempotency-Key answers 200 with the same run instead of 409', async () => {
    const body = dispatchBody();
    const first = await post('operator', body).set('Idempotency-Key', 'open-1').expect(201);
    const retry = await post('operator', body).set('Idempotency-Key', 'open-1').expect(200);
    expect(retry.body).toMatchObject({ created: false, runId: first.body.runId });
    await post('operator', body).set('Idempotency-Key', 'open-2').expect(409);
  });

  test('needs a credential (401) with an operator role (403 for a client key)', async () => {
    const res = await request(api.app).post('/dispatches').send(dispatchBody()).expect(401);
    expect(res.headers['www-authenticate']).toContain('Bearer');
    await request(api.app).post('/dispatches').set('Authorization', 'Bearer lev_not-a-real-key-000000').send(dispatchBody()).expect(401);
    const forbidden = await post('client', dispatchBody()).expect(403);
    expect(forbidden.body.error.code).toBe('forbidden');
  });
});

describe('GET /dispatches and /dispatches/:id', () => {
  let ids: { apm: string; dpw: string; other: string };
  beforeAll(async () => {
    const apm = dispatchBody();
    const dpw = dispatchBody({ terminal: 'DPWC', regime: '20' });
    const other = dispatchBody({ client: { ruc: '20512345678', name: 'Exportadora Norte S.A.', contacts: [] } });
    for (const b of [apm, dpw, other]) await post('operator', b).expect(201);
    ids = { apm: apm.dispatchId, dpw: dpw.dispatchId, other: other.dispatchId };
    // The read model is written by an activity right after the start.
    for (const id of Object.values(ids)) {
      for (let i = 0; i < 100 && !(await api.stack.prisma.dispatch.findUnique({ where: { id } })); i++) await new Promise((r) => setTimeout(r, 100));
    }
  });

  test('lists from the read model with filters and pagination', async () => {
    const res = await request(api.app).get('/dispatches').query({ terminal: 'DPWC', regime: '20' }).set('Authorization', api.auth('operator')).expect(200);
    expect(res.body.items.map((d: { dispatchId: string }) => d.dispatchId)).toEqual([ids.dpw]);
    expect(res.body).toMatchObject({ total: 1, limit: 20, offset: 0 });

    const page = await request(api.app).get('/dispatches').query({ limit: 1, offset: 0, open: 'true' }).set('Authorization', api.auth('operator')).expect(200);
    expect(page.body.items).toHaveLength(1);
    expect(page.body.total).toBeGreaterThanOrEqual(3);

    const byClient = await request(api.app).get('/dispatches').query({ client: '20512345678' }).set('Authorization', api.auth('supervisor')).expect(200);
    expect(byClient.body.items.map((d: { dispatchId: string }) => d.dispatchId)).toEqual([ids.other]);
    const none = await request(api.app).get('/dispatches').query({ overdue: 'true' }).set('Authorization', api.auth('operator')).expect(200);
    expect(none.body.items).toEqual([]);
  });

  test('rejects an unknown filter value with its field path (400)', async () => {
    const res = await request(api.app).get('/dispatches').query({ channel: 'azul', limit: '500' }).set('Authorization', api.auth('operator')).expect(400);
    expect(res.body.error.issues.map((i: { path: string }) => i.path).sort()).toEqual(['query.channel', 'query.limit']);
  });

  test('a client key lists and reads only its own RUC', async () => {
    const res = await request(api.app).get('/dispatches').set('Authorization', api.auth('client')).expect(200);
    expect(res.body.items.length).toBeGreaterThan(0);
    expect(res.body.items.every((d: { clientRuc: string }) => d.clientRuc === CLIENT_RUC)).toBe(true);
    await request(api.app).get(`/dispatches/${ids.apm}`).set('Authorization', api.auth('client')).expect(200);
    await request(api.app).get(`/dispatches/${ids.other}`).set('Authorization', api.auth('client')).expect(404);
  });

  test('reads the live state from the workflow', async () => {
    const res = await request(api.app).get(`/dispatches/${ids.apm}`).set('Authorization', api.auth('operator')).expect(200);
    expect(res.body.source).toBe('workflow');
    expect(res.body.dispatch).toMatchObject({ dispatchId: ids.apm, status: 'opened', statusLabel: 'Abierto', terminal: 'APMTC' });
  });

  test('falls back to the read model when the workflow no longer exists', async () => {
    const gone = dispatchBody();
    await api.deps.store.upsertDispatch({
      dispatchId: gone.dispatchId, workflowId: `dispatch-${gone.dispatchId}`, clientRuc: CLIENT_RUC, clientName: 'Importadora Andina S.A.C.',
      direction: 'import', regime: '10', modality: 'diferido', terminal: 'APMTC', status: 'closed', channel: 'verde', damNumber: null,
      vessel: 'MSC Callao Express', eta: gone.eta, bl: gone.bl, goods: gone.goods, restrictedGoods: false, executiveId: 'ESC-07',
      executiveName: 'Jorge Salas', executiveEmail: 'jorge.salas@agencia.example.pe', nextDeadlineAt: null, nextDeadlineClock: null,
      atRisk: false, overdue: false, openedAt: '2025-01-10T15:00:00.000Z', closedAt: '2025-02-01T15:00:00.000Z',
    });
    const res = await request(api.app).get(`/dispatches/${gone.dispatchId}`).set('Authorization', api.auth('operator')).expect(200);
    expect(res.body).toMatchObject({ source: 'read-model', dispatch: { dispatchId: gone.dispatchId, status: 'closed' } });
    const act = await request(api.app).post(`/dispatches/${gone.dispatchId}/actions/close`).set('Authorization', api.auth('operator')).send({}).expect(409);
    expect(act.body.error.code).toBe('dispatch_finished');
  });

  test('404 for an unknown dispatch, 400 for a malformed id', async () => {
    const res = await request(api.app).get('/dispatches/DSP-NO-EXISTE-1').set('Authorization', api.auth('operator')).expect(404);
    expect(res.body.error).toEqual({ code: 'dispatch_not_found', message: 'No existe un despacho con ese código.' });
    await request(api.app).get('/dispatches/DSP-NO-EXISTE-1/history').set('Authorization', api.auth('operator')).expect(404);
    const bad = await request(api.app).get('/dispatches/dsp%20bad').set('Authorization', api.auth('operator')).expect(400);
    expect(bad.body.error.issues[0].path).toBe('params.id');
  });

  test('with the worker stopped, a read falls back to the read model within the query deadline', async () => {
    await api.stack.worker.shutdown();
    try {
      const res = await request(api.app).get(`/dispatches/${ids.dpw}`).set('Authorization', api.auth('operator')).expect(200);
      expect(res.body).toMatchObject({ source: 'read-model', dispatch: { dispatchId: ids.dpw, terminal: 'DPWC' } });
    } finally {
      await api.stack.restartWorker();
    }
  });

  test('history lists statuses with their actors', async () => {
    const res = await request(api.app).get(`/dispatches/${ids.apm}/history`).set('Authorization', api.auth('client')).expect(200);
    expect(res.body.statuses).toEqual([expect.objectContaining({ status: 'opened', actor: 'operador.noche' })]);
    await request(api.app).get(`/dispatches/${ids.other}/history`).set('Authorization', api.auth('client')).expect(404);
    await request(api.app).get(`/dispatches/${ids.apm}/history`).expect(401);
  });
});
