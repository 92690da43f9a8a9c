/**
 * Written agreements and the shift handover through the API, on the real stack (dev server, PostgreSQL): an
 * agreement with a due date starts its clock and "fulfilled" stops it; bad input is 400 naming the field; refusals
 * are in Spanish; the handover of an 08:00 shift change lists what falls due in the day shift.
 */
import request from 'supertest';
import type { agreementClockWorkflow } from '../../../workflows';
import { startApiStack, type ApiStack } from '../api-stack';

jest.setTimeout(120_000);

let api: ApiStack;
const DISPATCH = 'DSP-2026-000931';
const HOUR = 3_600_000;

beforeAll(async () => {
  api = await startApiStack('agreements_api');
  const { prisma } = api.stack;
  await prisma.client.create({ data: { ruc: '20100047218', name: 'Importadora Andina S.A.C.' } });
  await prisma.dispatch.create({
    data: {
      id: DISPATCH, workflowId: `dispatch-${DISPATCH}`, clientRuc: '20100047218', direction: 'import', regime: '10', modality: 'diferido', terminal: 'DPWC',
      status: 'opened', vessel: 'Maersk Lima', eta: new Date('2026-12-05T15:00:00Z'), bl: 'MAEU9876543', goods: 'Textiles', restrictedGoods: false,
      executiveId: 'ESC-07', executiveName: 'Jorge Salas', executiveEmail: 'jorge.salas@agencia.example.pe', openedAt: new Date('2026-12-01T15:00:00Z'),
      nextDeadlineAt: new Date('2026-12-09T16:00:00Z'), nextDeadlineClock: 'document_review',
    },
  });
  await prisma.staffMember.create({ data: { username: 'jorge.salas', name: 'Jorge Salas', email: 'jorge.salas@agencia.example.pe', position: 'esc', executiveId: 'ESC-07', shiftId: 'day', updatedBy: 'test' } });
});
afterAll(() => api?.close());

const post = (path: string, body: object, role: 'operator' | 'client' = 'operator') => request(api.app).post(path).set('Authorization', api.auth(role)).send(body);
const get = (path: string, role: 'operator' | 'client' = 'operator') => request(api.app).get(path).set('Authorization', api.auth(role));

const agreement = (overrides: object = {}) => ({
  source: 'client', agreedWith: 'Lucía Ramos (Importadora Andina)', agreedAt: new Date().toISOString(), content: 'Enviar el certificado de origen corregido',
  channel: 'mail', reference: '<acuerdo-1@andina.example.pe>', dueAt: new Date(Date.now() + 72 * HOUR).toISOString(), ...overrides,
});

test('an agreement with a due date starts its clock; marked fulfilled, the clock ends as fulfilled', async () => {
  const created = await post(`/dispatches/${DISPATCH}/agreements`, agreement());
  expect(created.status).toBe(201);
  expect(created.body.agreement).toEqual(expect.objectContaining({ status: 'open', matter: 'client_service', recordedBy: 'operador.noche', channel: 'mail' }));
  const id = created.body.agreement.id as string;
  expect(created.body.clockWorkflowId).toBe(`agreement-${id}`);

  const noDue = await post(`/dispatches/${DISPATCH}/agreements`, agreement({ source: 'boss', content: 'Priorizar este despacho', channel: 'meeting', dueAt: null, reference: null }));
  expect(noDue.status).toBe(201);
  expect(noDue.body).toEqual(expect.objectContaining({ clockWorkflowId: null, agreement: expect.objectContaining({ status: 'recorded' }) }));

  const list = await get(`/dispatches/${DISPATCH}/agreements`);
  expect(list.body.items.map((a: { id: string }) => a.id).sort()).toEqual([id, noDue.body.agreement.id].sort());

  const done = await post(`/dispatches/${DISPATCH}/agreements/${id}/fulfilled`, { note: 'Recibido por correo' });
  expect(done.status).toBe(200);
  expect(done.body.agreement).toEqual(expect.objectContaining({ status: 'fulfilled', fulfilledBy: 'operador.noche', fulfilmentNote: 'Recibido por correo' }));
  const clock = api.stack.client.workflow.getHandle<typeof agreementClockWorkflow>(`agreement-${id}`);
  expect((await clock.result()).outcome).toBe('fulfilled');

  const again = await post(`/dispatches/${DISPATCH}/agreements/${id}/fulfilled`, {});
  expect(again.status).toBe(409);
  expect(again.body.error.message).toBe('El acuerdo ya figura como cumplido.');
});

test('bad input is 400 naming the field; refusals are Spanish; clients see nothing', async () => {
  const bad = await post(`/dispatches/${DISPATCH}/agreements`, agreement({ source: 'vecino', agreedWith: undefined }));
  expect(bad.status).toBe(400);
  expect(JSON.stringify(bad.body)).toContain('source');
  expect(JSON.stringify(bad.body)).toContain('agreedWith');
  const before = await post(`/dispatches/${DISPATCH}/agreements`, agreement({ agreedAt: new Date().toISOString(), dueAt: new Date(Date.now() - HOUR).toISOString() }));
  expect(before.status).toBe(422);
  expect(before.body.error.message).toMatch(/posterior a la fecha del acuerdo/);
  expect((await post('/dispatches/DSP-2026-999999/agreements', agreement())).status).toBe(404);
  expect((await post(`/dispatches/${DISPATCH}/agreements/00000000-0000-4000-8000-000000000000/fulfilled`, {})).status).toBe(404);
  expect((await get(`/dispatches/${DISPATCH}/agreements`, 'client')).status).toBe(403);
});

test('the handover of Wednesday 08:00 lists what falls due in the day shift; 10:00 is no shift change', async () => {
  const res = await get('/people/handover?at=2026-12-09T08:00:00-05:00');
  expect(res.status).toBe(200);
  expect(res.body.handover.change.incoming.map((s: { id: string }) => s.id)).toEqual(['day']);
  expect(res.body.handover.dueNext.map((d: { dispatchId: string }) => d.dispatchId)).toEqual([DISPATCH]);
  expect(res.body.handover.incomingPeople.map((p: { username: string }) => p.username)).toEqual(['jorge.salas']);
  const none = await get('/people/handover?at=2026-12-09T10:00:00-05:00');
  expect(none.status).toBe(422);
  expect((await get('/people/handover')).status).toBe(400);
});

test('the OpenAPI document lists the agreement and handover routes', async () => {
  const doc = (await request(api.app).get('/openapi.json').expect(200)).body as { paths: Record<string, Record<string, unknown>> };
  expect(Object.keys(doc.paths['/dispatches/{id}/agreements']!).sort()).toEqual(['get', 'post']);
  expect(doc.paths['/dispatches/{id}/agreements/{agreementId}/fulfilled']!.post).toBeDefined();
  expect(doc.paths['/people/handover']!.get).toBeDefined();
});
