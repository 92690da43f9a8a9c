/**
 * A partner's operation reported end to end through the API on the real stack (dev server, PostgreSQL, SMTP):
 * registry, start, milestones in order with Spanish refusals, live view, control chart, a complaint followed
 * to closure with evidence, and the same security and error rules as the operator API.
 */
import request from 'supertest';
import { startApiStack, type ApiStack } from '../api-stack';
import { uniqueId } from '../../support/env';

jest.setTimeout(120_000);

let api: ApiStack;
beforeAll(async () => {
  api = await startApiStack('api_partners');
});
afterAll(() => api?.close());

const HOURS = { received: 40, declared: 40, inspection: 40, levante: 40, delivered: 40 };
const MANAGER = 'gerencia.general@agencia.example.pe';

function partnerBody() {
  return {
    name: 'Aduanas del Caribe SAS',
    nit: '900123456-7',
    contacts: [{ name: 'Coordinación Caribe', email: 'operaciones@caribe.example.co' }],
    accountManager: { name: 'Gestor de alianzas', email: 'gestor.alianzas@agencia.example.pe' },
    offices: [{ office: 'CTG', serviceTimesHours: HOURS }],
  };
}

async function registerPartner(): Promise<string> {
  const id = uniqueId('ALZ').toUpperCase();
  const res = await request(api.app).put(`/partners/${id}`).set('Authorization', api.auth('supervisor')).send(partnerBody()).expect(200);
  expect(res.body.offices).toEqual([{ office: 'CTG', serviceTimesHours: HOURS }]);
  return id;
}

const post = (path: string, body: object, role: 'operator' | 'supervisor' | 'client' = 'operator') =>
  request(api.app).post(path).set('Authorization', api.auth(role)).send(body);

async function startOperation(partnerId: string, assignedAt: Date): Promise<string> {
  const doNumber = uniqueId('DO').toUpperCase();
  await post('/partner-operations', { doNumber, partnerId, office: 'CTG', assignedAt: assignedAt.toISOString() }).expect(201);
  return doNumber;
}

test('an operation reported milestone by milestone through the API, measured and charted', async () => {
  const partnerId = await registerPartner();
  const t0 = new Date(Date.now() - 60 * 60_000);
  const at = (minutes: number) => new Date(t0.getTime() + minutes * 60_000).toISOString();
  const doNumber = await startOperation(partnerId, t0);
  await post('/partner-operations', { doNumber, partnerId, office: 'CTG' }).expect(409);

  const outOfOrder = await post(`/partner-operations/${doNumber}/milestones`, { milestone: 'levante' }).expect(409);
  expect(outOfOrder.body.error).toEqual({ code: 'invalid_transition', message: 'No se puede registrar "Levante": primero debe registrarse "Recepción de documentos"' });

  const first = await post(`/partner-operations/${doNumber}/milestones`, { milestone: 'received', occurredAt: at(10) }).set('Idempotency-Key', 'rcv-1').expect(200);
  expect(first.body.operation).toMatchObject({ status: 'received', clock: { milestone: 'declared' } });
  const retried = await post(`/partner-operations/${doNumber}/milestones`, { milestone: 'received', occurredAt: at(10) }).set('Idempotency-Key', 'rcv-1').expect(200);
  expect(retried.body.operation.milestones).toHaveLength(1);

  const noAforo = await post(`/partner-operations/${doNumber}/milestones`, { milestone: 'declared', occurredAt: at(20) }).expect(422);
  expect(noAforo.body.error.message).toMatch(/tipo de aforo/);
  await post(`/partner-operations/${doNumber}/milestones`, { milestone: 'declared', occurredAt: at(20), aforo: 'fisico' }).expect(200);
  await post(`/partner-operations/${doNumber}/milestones`, { milestone: 'inspection', occurredAt: at(30) }).expect(200);
  await post(`/partner-operations/${doNumber}/milestones`, { milestone: 'levante', occurredAt: at(40) }).expect(200);
  const delivered = await post(`/partner-operations/${doNumber}/milestones`, { milestone: 'delivered', occurredAt: at(50) }).expect(200);
  expect(delivered.body.operation).toMatchObject({ status: 'delivered', clock: null, nonConformities: [] });
  expect(delivered.body.operation.milestones.map((m: { milestone: string; onTime: boolean }) => [m.milestone, m.onTime])).toEqual([
    ['received', true], ['declared', true], ['inspection', true], ['levante', true], ['delivered', true],
  ]);

  const live = await request(api.app).get(`/partner-operations/${doNumber}`).set('Authorization', api.auth('operator')).expect(200);
  expect(live.body.operation.status).toBe('delivered');
  const row = await api.stack.prisma.externalOperation.findUniqueOrThrow({ where: { doNumber } });
  expect(row).toMatchObject({ status: 'delivered', partnerId, office: 'CTG', nextMilestone: null });

  const chart = await request(api.app).get(`/partners/${partnerId}/control-chart?milestone=received&office=CTG`).set('Authorization', api.auth('operator')).expect(200);
  expect(chart.body).toMatchObject({ partnerId, milestone: 'received', office: 'CTG', unit: 'business_hours', targetHours: 40 });
  expect(chart.body.points).toEqual([expect.objectContaining({ doNumber, overTarget: false })]);
});

test('a complaint opens a non-conformity that closes only with a corrective action and evidence', async () => {
  const partnerId = await registerPartner();
  await request(api.app).put('/management-contacts').set('Authorization', api.auth('supervisor')).send({ name: 'Gerencia General', email: MANAGER }).expect(200);
  const doNumber = await startOperation(partnerId, new Date(Date.now() - 60_000));
  const opened = await post(`/partner-operations/${doNumber}/complaints`, { description: 'El cliente reclama por mercancía entregada con daños' }).expect(201);
  const ncId: string = opened.body.ncId;
  expect(ncId).toBe(`NC-${doNumber}-1`);
  await api.stack.smtp.waitFor((m) => m.subject === `[${ncId}] Nueva no conformidad del aliado Aduanas del Caribe SAS`);

  const view = await request(api.app).get(`/non-conformities/${ncId}`).set('Authorization', api.auth('operator')).expect(200);
  expect(view.body.nonConformity).toMatchObject({ status: 'open', nc: { source: 'complaint', doNumber } });

  const early = await post(`/non-conformities/${ncId}/close`, { evidence: { description: 'Se repuso la mercancía dañada' } }, 'supervisor').expect(409);
  expect(early.body.error.message).toBe('Antes de cerrar, registre la acción correctiva que se tomó');
  await post(`/non-conformities/${ncId}/corrective-action`, { plan: 'Inspección de embalaje antes del despacho en Cartagena' }).expect(200);
  await post(`/non-conformities/${ncId}/close`, { evidence: {} }, 'supervisor').expect(400);
  await post(`/non-conformities/${ncId}/close`, { evidence: { description: 'Se repuso la mercancía' } }, 'operator').expect(403);
  const closed = await post(`/non-conformities/${ncId}/close`, { evidence: { description: 'Acta de reposición firmada por el cliente', url: 'https://intranet.example.pe/nc/1' } }, 'supervisor').expect(200);
  expect(closed.body.nonConformity).toMatchObject({ status: 'closed', closedBy: 'supervisora.rosa' });
  await api.stack.smtp.waitFor((m) => m.subject === `[${ncId}] No conformidad cerrada`);

  const list = await request(api.app).get(`/non-conformities?partnerId=${partnerId}`).set('Authorization', api.auth('operator')).expect(200);
  expect(list.body.items).toEqual([expect.objectContaining({ ncId, status: 'closed', actionPlan: 'Inspección de embalaje antes del despacho en Cartagena' })]);
});

test('the same error and security rules as the operator API', async () => {
  const partnerId = await registerPartner();
  await request(api.app).get('/partners').expect(401);
  await request(api.app).get('/partners').set('Authorization', api.auth('client')).expect(403);
  await request(api.app).put(`/partners/${partnerId}`).set('Authorization', api.auth('operator')).send(partnerBody()).expect(403);
  const bad = await request(api.app).put('/partners/ALZ-X1').set('Authorization', api.auth('supervisor')).send({ ...partnerBody(), offices: [{ office: 'LIM', serviceTimesHours: HOURS }] }).expect(400);
  expect(bad.body.error.code).toBe('validation_failed');
  await post('/partner-operations', { doNumber: 'DO-UNKNOWN-1', partnerId: 'ALZ-NOPE', office: 'CTG' }).expect(404);
  const notCovered = await post('/partner-operations', { doNumber: uniqueId('DO').toUpperCase(), partnerId, office: 'BOG' }).expect(422);
  expect(notCovered.body.error.message).toMatch(/no opera en la aduana BOG/);
  await post('/partner-operations/DO-NOPE-1/milestones', { milestone: 'received' }).expect(404);
  await request(api.app).get('/partner-operations/DO-NOPE-1').set('Authorization', api.auth('operator')).expect(404);
  await request(api.app).get('/partners/ALZ-NOPE/control-chart?milestone=received').set('Authorization', api.auth('operator')).expect(404);
  await request(api.app).get(`/partners/${partnerId}/control-chart?milestone=aforo`).set('Authorization', api.auth('operator')).expect(400);
  await request(api.app).get('/non-conformities/NC-NOPE-1').set('Authorization', api.auth('operator')).expect(404);
});

test('an evaluation on demand scores the year so far, emails management and is listed as a record', async () => {
  const partnerId = await registerPartner();
  await request(api.app).put('/management-contacts').set('Authorization', api.auth('supervisor')).send({ name: 'Gerencia General', email: MANAGER }).expect(200);
  const t0 = new Date(Date.now() - 30 * 60_000);
  const doNumber = await startOperation(partnerId, t0);
  await post(`/partner-operations/${doNumber}/milestones`, { milestone: 'received', occurredAt: new Date(t0.getTime() + 60_000).toISOString() }).expect(200);
  const year = new Date(Date.now() - 5 * 3_600_000).getUTCFullYear();

  await post(`/partners/${partnerId}/evaluations`, { year }, 'operator').expect(403);
  const res = await post(`/partners/${partnerId}/evaluations`, { year }, 'supervisor').set('Idempotency-Key', 'eval-1').expect(201);
  expect(res.body.evaluation).toMatchObject({ partnerId, year, operations: 1, milestonesMeasured: 1, onTimeRate: 1 });
  const mail = await api.stack.smtp.waitFor((m) => m.subject.startsWith(`Evaluación anual ${year} del aliado Aduanas del Caribe SAS`) && m.to.includes(MANAGER));
  expect(mail.text).toContain('Operaciones (DO) asignadas: 1');

  const again = await post(`/partners/${partnerId}/evaluations`, { year }, 'supervisor').set('Idempotency-Key', 'eval-1').expect(201);
  expect(again.body.evaluationId).toBe(res.body.evaluationId);
  const list = await request(api.app).get(`/partners/${partnerId}/evaluations`).set('Authorization', api.auth('supervisor')).expect(200);
  expect(list.body.items).toEqual([expect.objectContaining({ evaluationId: res.body.evaluationId, requestedBy: 'supervisora.rosa' })]);
});
