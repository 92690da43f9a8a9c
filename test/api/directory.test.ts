/** Clients and agreements, supervisor roster, business calendar, health, docs and HTTP hardening, on the real stack. */
import { auditsWritten } from '../../api/app';
import request from 'supertest';
import { waitFor } from '../support/wait-for';
import { startApiStack, type ApiStack } from './api-stack';
import { dispatchBody } from './bodies';

jest.setTimeout(90_000);

let api: ApiStack;
const agreementChanges: string[] = [];
beforeAll(async () => {
  api = await startApiStack('api_directory', { onClientAgreementChanged: async (ruc) => void agreementChanges.push(ruc) });
});
afterAll(() => api?.close());

const RUC = '20555666777';
const agreement = {
  name: 'Textiles del Sur S.A.',
  contacts: [{ name: 'Ana Quispe', email: 'ana.quispe@textiles.example.pe' }],
  statusReportRecipients: [{ name: 'Gerencia', email: 'gerencia@textiles.example.pe' }],
  statusReportSchedule: { days: [1, 4], hour: 8 },
  deadlineOverrides: { documentReviewMs: 24 * 3_600_000 },
  extraRequiredDocuments: ['certificate_of_origin'],
};

describe('clients', () => {
  test('an admin saves a client agreement; the hook hears it; new dispatches use it', async () => {
    const res = await request(api.app).put(`/clients/${RUC}`).set('Authorization', api.auth('admin')).send(agreement).expect(200);
    expect(res.body).toMatchObject({ ruc: RUC, ...agreement });
    expect(agreementChanges).toEqual([RUC]);

    const body = dispatchBody({ client: { ruc: RUC, name: agreement.name, contacts: agreement.contacts } });
    await request(api.app).post('/dispatches').set('Authorization', api.auth('operator')).send(body).expect(201);
    const view = await request(api.app).get(`/dispatches/${body.dispatchId}`).set('Authorization', api.auth('operator')).expect(200);
    expect(view.body.dispatch.requiredDocuments).toContain('certificate_of_origin');

    const got = await request(api.app).get(`/clients/${RUC}`).set('Authorization', api.auth('operator')).expect(200);
    expect(got.body.statusReportSchedule).toEqual({ days: [1, 4], hour: 8 });
    const list = await request(api.app).get('/clients').set('Authorization', api.auth('supervisor')).expect(200);
    expect(list.body.items.map((c: { ruc: string }) => c.ruc)).toContain(RUC);
    await auditsWritten(api.app); // audit rows are written right after the answer
    expect(await api.stack.prisma.auditEvent.count({ where: { action: 'client.put', target: RUC, actor: 'admin.sistemas' } })).toBe(1);
  });

  test('validation, roles and unknown clients', async () => {
    const bad = await request(api.app)
      .put(`/clients/${RUC}`)
      .set('Authorization', api.auth('admin'))
      .send({ ...agreement, deadlineOverrides: { documentReviewMs: -1, legalDeadlineMs: 5 }, statusReportSchedule: { days: [9], hour: 8 } })
      .expect(400);
    expect(bad.body.error.issues.map((i: { path: string }) => i.path)).toEqual(
      expect.arrayContaining(['body.deadlineOverrides.documentReviewMs', 'body.deadlineOverrides', 'body.statusReportSchedule.days.0']),
    );
    await request(api.app).put(`/clients/${RUC}`).set('Authorization', api.auth('supervisor')).send(agreement).expect(403);
    await request(api.app).put(`/clients/${RUC}`).send(agreement).expect(401);
    await request(api.app).get('/clients/20999999999').set('Authorization', api.auth('operator')).expect(404);
    await request(api.app).get('/clients/123').set('Authorization', api.auth('operator')).expect(400);
    await request(api.app).get('/clients').set('Authorization', api.auth('client')).expect(403);
    // A client key reads only its own record.
    await request(api.app).get(`/clients/${RUC}`).set('Authorization', api.auth('client')).expect(404);
  });
});

describe('supervisors', () => {
  test('a supervisor maintains the roster; operators read it; clients cannot', async () => {
    const rosa = { name: 'Rosa Quispe', email: 'rosa.quispe@agencia.example.pe', onShift: { days: [1, 2, 3, 4, 5], from: '22:00', to: '08:00' } };
    const saved = await request(api.app).put('/supervisors').set('Authorization', api.auth('supervisor')).send(rosa).expect(200);
    expect(saved.body).toMatchObject({ ...rosa, active: true });
    await request(api.app).put('/supervisors').set('Authorization', api.auth('supervisor')).send({ ...rosa, active: false }).expect(200);
    const list = await request(api.app).get('/supervisors').set('Authorization', api.auth('operator')).expect(200);
    expect(list.body.items).toEqual([expect.objectContaining({ email: rosa.email, active: false })]);
    await request(api.app).put('/supervisors').set('Authorization', api.auth('operator')).send(rosa).expect(403);
    await request(api.app).get('/supervisors').set('Authorization', api.auth('client')).expect(403);
    const bad = await request(api.app).put('/supervisors').set('Authorization', api.auth('admin')).send({ ...rosa, email: 'no-es-correo', onShift: { days: [1], from: '25:00', to: '08:00' } }).expect(400);
    expect(bad.body.error.issues.map((i: { path: string }) => i.path).sort()).toEqual(['body.email', 'body.onShift.from']);
  });
});

describe('calendar', () => {
  test('lists national holidays (Holy Thursday and Friday move with Easter) and decreed days', async () => {
    const res = await request(api.app).get('/calendar/holidays').query({ country: 'PE', year: 2026 }).set('Authorization', api.auth('operator')).expect(200);
    expect(res.body.national).toEqual(expect.arrayContaining(['2026-01-01', '2026-04-02', '2026-04-03', '2026-07-28', '2026-12-25']));
    expect(res.body.decreed).toEqual([]);
    await request(api.app).get('/calendar/holidays').query({ country: 'AR' }).set('Authorization', api.auth('operator')).expect(400);
  });

  test('a decreed non-working day is stored once and every open dispatch is told to re-plan', async () => {
    const open = dispatchBody();
    await request(api.app).post('/dispatches').set('Authorization', api.auth('operator')).send(open).expect(201);
    for (let i = 0; i < 100 && !(await api.stack.prisma.dispatch.findUnique({ where: { id: open.dispatchId } })); i++) await new Promise((r) => setTimeout(r, 100));
    const openCount = await api.stack.prisma.dispatch.count({ where: { status: { notIn: ['closed', 'cancelled'] } } });

    const day = { country: 'PE', date: '2026-12-07', reason: 'Decreto Supremo 123-2026-PCM: día no laborable' };
    const res = await request(api.app).post('/calendar/non-working-days').set('Authorization', api.auth('supervisor')).send(day).expect(201);
    expect(res.body).toMatchObject({ ...day, recorded: true });
    expect(res.body.dispatchesNotified).toBeGreaterThanOrEqual(openCount);
    const again = await request(api.app).post('/calendar/non-working-days').set('Authorization', api.auth('admin')).send(day).expect(200);
    expect(again.body.recorded).toBe(false);

    const list = await request(api.app).get('/calendar/holidays').query({ year: 2026 }).set('Authorization', api.auth('operator')).expect(200);
    expect(list.body.decreed).toEqual([{ date: '2026-12-07', reason: day.reason, createdBy: 'supervisora.rosa' }]);
    // The workflow received the signal (visible in its history).
    const history = await api.stack.client.workflow.getHandle(`dispatch-${open.dispatchId}`).fetchHistory();
    expect(history.events?.some((e) => e.workflowExecutionSignaledEventAttributes?.signalName === 'calendarChanged')).toBe(true);

    await request(api.app).post('/calendar/non-working-days').set('Authorization', api.auth('operator')).send(day).expect(403);
    const bad = await request(api.app).post('/calendar/non-working-days').set('Authorization', api.auth('supervisor')).send({ date: '2026-02-30', reason: 'x' }).expect(400);
    expect(bad.body.error.issues.map((i: { path: string }) => i.path).sort()).toEqual(['body.date', 'body.reason']);
  });
});

describe('health, docs and HTTP hardening', () => {
  test('health is public', async () => {
    expect((await request(api.app).get('/health').expect(200)).body).toEqual({ status: 'ok', temporal: true, database: true });
  });

  test('OpenAPI 3.1 is generated from the registry, with every route, and the docs page is served locally', async () => {
    const doc = (await request(api.app).get('/openapi.json').expect(200)).body;
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/dispatches', '/dispatches/{id}', '/dispatches/{id}/actions/documents-received', '/clients/{ruc}', '/calendar/non-working-days']));
    const create = doc.paths['/dispatches'].post;
    expect(create.requestBody.content['application/json'].schema.properties.client.properties.ruc.pattern).toBe('^[0-9]{11}$');
    expect(create.parameters).toEqual([expect.objectContaining({ name: 'Idempotency-Key', in: 'header' })]);
    expect(doc.paths['/health'].get.security).toEqual([]);
    const page = await request(api.app).get('/docs').expect(200);
    expect(page.text).toContain('/docs/assets/swagger-ui-bundle.js');
    expect(page.text).not.toMatch(/https?:\/\//);
    await request(api.app).get('/docs/assets/swagger-ui-bundle.js').expect(200).expect('Content-Type', /javascript/);
  });

  test('unknown routes, malformed JSON and oversized bodies get JSON errors; no CORS, no x-powered-by', async () => {
    const unknown = await request(api.app).get('/nada').set('Origin', 'https://evil.example').expect(404);
    expect(unknown.body.error.code).toBe('route_not_found');
    expect(unknown.headers['access-control-allow-origin']).toBeUndefined();
    expect(unknown.headers['x-powered-by']).toBeUndefined();
    const malformed = await request(api.app).post('/dispatches').set('Authorization', api.auth('operator')).set('Content-Type', 'application/json').send('{"dispatchId": ').expect(400);
    expect(malformed.body.error.code).toBe('malformed_json');
    const huge = await request(api.app).post('/dispatches').set('Authorization', api.auth('operator')).send({ goods: 'x'.repeat(70_000) }).expect(413);
    expect(huge.body.error.code).toBe('payload_too_large');
    const preflight = await request(api.app).options('/dispatches').set('Origin', 'https://evil.example').set('Access-Control-Request-Method', 'POST');
    expect(preflight.headers['access-control-allow-origin']).toBeUndefined();
  });

  test('a revoked key stops working', async () => {
    const { createApiKey, revokeApiKey } = await import('../../api/api-keys');
    const { id, key } = await createApiKey(api.stack.prisma, { role: 'operator', name: 'temporal.turno' });
    await request(api.app).get('/supervisors').set('Authorization', `Bearer ${key}`).expect(200);
    await waitFor(() => api.principals.listening, { what: 'the API key cache to listen' });
    await request(api.app).get('/supervisors').set('Authorization', `Bearer ${key}`).expect(200); // now from memory
    const before = api.principals.invalidations;
    expect(await revokeApiKey(api.stack.prisma, id)).toBe(true);
    // PostgreSQL tells the API at the revocation's commit (trigger on api_keys), and the cached key is forgotten.
    await waitFor(() => api.principals.invalidations > before, { what: 'the revocation to reach the API' });
    await request(api.app).get('/supervisors').set('Authorization', `Bearer ${key}`).expect(401);
    const stored = await api.stack.prisma.apiKey.findUniqueOrThrow({ where: { id } });
    expect(stored.hash).not.toContain(key);
    expect(stored.hash).toMatch(/^[0-9a-f]{64}$/);
  });
});
