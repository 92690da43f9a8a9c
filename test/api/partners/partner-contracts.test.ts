/**
 * Contracts with alliance partners (annex of seeds/004) through the API on the real stack: an operation under an
 * expired contract, or at an office the contract does not cover, is refused in Spanish; under a contract in force
 * it starts. Imports and exports are charted apart. The expiry reminder run emails management once per threshold.
 */
import request from 'supertest';
import type { partnerContractExpiryWorkflow } from '../../../workflows';
import { startApiStack, type ApiStack } from '../api-stack';
import { uniqueId } from '../../support/env';
import { waitFor } from '../../support/wait-for';

jest.setTimeout(120_000);

let api: ApiStack;
beforeAll(async () => {
  api = await startApiStack('api_contracts');
});
afterAll(() => api?.close());

const HOURS = { received: 40, declared: 40, inspection: 40, levante: 40, delivered: 40 };
const as = (role: 'operator' | 'supervisor') => api.auth(role);
const day = (offsetDays: number) => new Date(Date.now() + offsetDays * 86_400_000 - 5 * 3_600_000).toISOString().slice(0, 10);

async function registerPartner(): Promise<string> {
  const id = uniqueId('ALZ').toUpperCase();
  await request(api.app).put(`/partners/${id}`).set('Authorization', as('supervisor')).send({
    name: 'Aduanas del Caribe SAS', nit: '900123456-7', contacts: [{ name: 'Coordinación Caribe', email: 'operaciones@caribe.example.co' }],
    accountManager: { name: 'Gestor de alianzas', email: 'gestor.alianzas@agencia.example.pe' },
    offices: [{ office: 'CTG', serviceTimesHours: HOURS }, { office: 'BAQ', serviceTimesHours: HOURS }],
  }).expect(200);
  return id;
}
const putContract = (partnerId: string, reference: string, body: object, role: 'operator' | 'supervisor' = 'supervisor') =>
  request(api.app).put(`/partners/${partnerId}/contracts/${reference}`).set('Authorization', as(role)).send(body);
const startOperation = (partnerId: string, office: string, direction?: string, assignedAt?: string) =>
  request(api.app).post('/partner-operations').set('Authorization', as('operator')).send({ doNumber: uniqueId('DO').toUpperCase(), partnerId, office, ...(direction ? { direction } : {}), ...(assignedAt ? { assignedAt } : {}) });

test('an expired contract refuses the operation in Spanish; a renewed one covering the office lets it start', async () => {
  const partnerId = await registerPartner();
  expect((await putContract(partnerId, 'CT-2025-01', { startsOn: '2025-01-01', endsOn: '2025-12-31', offices: ['CTG', 'BAQ'] })).status).toBe(200);
  const expired = await startOperation(partnerId, 'CTG');
  expect(expired.status).toBe(422);
  expect(expired.body.error).toEqual({ code: 'contract_not_in_force', message: 'El contrato CT-2025-01 con Aduanas del Caribe SAS venció el 2025-12-31: renueve el contrato antes de asignarle operaciones.' });

  expect((await putContract(partnerId, 'CT-2026-01', { startsOn: day(-30), endsOn: day(200), offices: ['CTG'], serviceTimesHours: { received: 2 } })).status).toBe(200);
  const assignedAt = new Date().toISOString();
  const underContract = await startOperation(partnerId, 'CTG', 'export', assignedAt);
  expect(underContract.status).toBe(201);
  // The contract's 2 business hours for "received" win over the registry's 40: its clock falls due sooner.
  const withoutContract = await startOperation(await registerPartner(), 'CTG', 'export', assignedAt);
  const dueOf = (doNumber: string) => waitFor(async () => (await request(api.app).get(`/partner-operations/${doNumber}`).set('Authorization', as('operator'))).body.operation?.clock?.dueAt as string | undefined);
  expect(Date.parse(await dueOf(underContract.body.doNumber))).toBeLessThan(Date.parse(await dueOf(withoutContract.body.doNumber)));
  const uncovered = await startOperation(partnerId, 'BAQ');
  expect(uncovered.status).toBe(422);
  expect(uncovered.body.error.message).toMatch(/venció/); // BAQ only under the expired contract

  const list = await request(api.app).get(`/partners/${partnerId}/contracts`).set('Authorization', as('operator')).expect(200);
  expect(list.body.inForceByOffice).toEqual({ CTG: 'CT-2026-01', BAQ: null });
});

test('a partner without any contract on record is not refused; contract input is validated', async () => {
  const partnerId = await registerPartner();
  expect((await startOperation(partnerId, 'CTG')).status).toBe(201);
  const bad = await putContract(partnerId, 'CT-X', { startsOn: '2026-13-01', endsOn: '2026-12-31', offices: ['XXX'] });
  expect(bad.status).toBe(400);
  expect(JSON.stringify(bad.body)).toContain('startsOn');
  expect(JSON.stringify(bad.body)).toContain('offices');
  const backwards = await putContract(partnerId, 'CT-X', { startsOn: '2026-12-31', endsOn: '2026-01-01', offices: ['CTG'] });
  expect(backwards.status).toBe(422);
  expect(backwards.body.error.message).toBe('El contrato debe terminar el mismo día o después de empezar.');
  expect((await putContract(partnerId, 'CT-X', { startsOn: '2026-01-01', endsOn: '2026-12-31', offices: ['CTG'] }, 'operator')).status).toBe(403);
});

test('imports and exports have their own control chart', async () => {
  const partnerId = await registerPartner();
  const chart = (direction: string) => request(api.app).get(`/partners/${partnerId}/control-chart?milestone=received&direction=${direction}`).set('Authorization', as('operator'));
  expect((await chart('export')).body).toMatchObject({ direction: 'export', points: [] });
  expect((await chart('import')).body).toMatchObject({ direction: 'import' });
  expect((await chart('transit')).status).toBe(400);
});

test('the expiry reminder reaches management 30 days before the last day, once', async () => {
  const partnerId = await registerPartner();
  const reference = uniqueId('CT').toUpperCase().slice(0, 30);
  const scheduledAt = new Date().toISOString();
  await putContract(partnerId, reference, { startsOn: day(-300), endsOn: day(25), offices: ['CTG'] }).expect(200);
  const run = () => api.stack.client.workflow.execute<typeof partnerContractExpiryWorkflow>('partnerContractExpiryWorkflow', {
    taskQueue: api.stack.config.TEMPORAL_TASK_QUEUE, workflowId: uniqueId('contract-expiry'), args: [{ scheduleId: 'partner-contract-expiry', scheduledAt }],
  });
  expect((await run()).sent).toContain(`${partnerId}/${reference}/30d`);
  const mail = await api.stack.smtp.waitFor((m) => m.subject.includes(`(${reference}) vence en 25 días`));
  expect(mail.text).toContain('Vencido el contrato, Levante rechaza nuevas operaciones');
  expect((await run()).sent).not.toContain(`${partnerId}/${reference}/30d`);
});
