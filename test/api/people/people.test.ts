/**
 * The people API over the real stack: admins maintain the directory (staff, shifts, absences, a client's titular
 * executive), operators read who is on duty and whom each matter escalates to; the communication log of a dispatch
 * takes phone notes, and unfiled emails wait on the triage list until filed.
 */
import request from 'supertest';
import { startApiStack, type ApiStack } from '../api-stack';

jest.setTimeout(120_000);

let api: ApiStack;
const DISPATCH = 'DSP-2026-000901';

beforeAll(async () => {
  api = await startApiStack('people_api');
  const { prisma } = api.stack;
  await prisma.client.create({ data: { ruc: '20100047218', name: 'Importadora Andina S.A.C.' } });
  await prisma.dispatch.create({
    data: {
      id: DISPATCH, workflowId: `dispatch-${DISPATCH}`, clientRuc: '20100047218', direction: 'import', regime: '10', modality: 'diferido', terminal: 'DPWC',
      status: 'opened', vessel: 'Maersk Lima', eta: new Date('2026-12-05T15:00:00Z'), bl: 'MAEU9876543', goods: 'Textiles', restrictedGoods: false,
      executiveId: 'ESC-07', executiveName: 'Jorge Salas', executiveEmail: 'jorge.salas@agencia.example.pe', openedAt: new Date('2026-12-01T15:00:00Z'),
    },
  });
});
afterAll(() => api?.close());

const put = (path: string, body: object, role: 'admin' | 'operator' = 'admin') => request(api.app).put(path).set('Authorization', api.auth(role)).send(body);
const post = (path: string, body: object, role: 'admin' | 'operator' = 'admin') => request(api.app).post(path).set('Authorization', api.auth(role)).send(body);
const get = (path: string, role: 'admin' | 'operator' | 'client' = 'operator') => request(api.app).get(path).set('Authorization', api.auth(role));

test('admins keep the directory; the on-duty view follows shifts, absences and functional bosses', async () => {
  expect((await put('/people/staff/jorge.salas', { name: 'Jorge Salas', email: 'jorge.salas@agencia.example.pe', position: 'esc', executiveId: 'ESC-07', shiftId: 'day' })).status).toBe(200);
  expect((await put('/people/staff/ana.torres', { name: 'Ana Torres', email: 'ana.torres@agencia.example.pe', position: 'esc', shiftId: 'day' })).status).toBe(200);
  expect((await put('/people/staff/luis.noche', { name: 'Luis Noche', email: 'luis.noche@agencia.example.pe', position: 'esc', executiveId: 'ESC-21', shiftId: 'night' })).status).toBe(200);
  expect((await put('/people/staff/carlos.prod', { name: 'Carlos Prado', email: 'carlos.prado@agencia.example.pe', position: 'jefe_produccion' })).status).toBe(200);
  expect((await put('/people/staff/rosa.quispe', { name: 'Rosa Quispe', email: 'rosa.quispe@agencia.example.pe', position: 'supervisora_seguimiento', shiftId: 'day' })).status).toBe(200);
  expect((await put('/people/staff/jorge.bis', { name: 'Otro', email: 'jorge.salas@agencia.example.pe', position: 'esc' })).status).toBe(409);
  // Operators read, never write.
  expect((await put('/people/staff/x.y', { name: 'X', email: 'x@y.pe', position: 'esc' }, 'operator')).status).toBe(403);
  expect((await put('/people/staff/x.y', { name: 'X', email: 'x@y.pe', position: 'esc', shiftId: 'weekend' })).status).toBe(422);

  const night = await get('/people/on-duty?at=2026-12-03T03:00:00-05:00');
  expect(night.status).toBe(200);
  expect(night.body.onDuty.map((d: { username: string }) => d.username)).toEqual(['luis.noche']);
  expect(night.body.executive.username).toBe('luis.noche');
  expect(night.body.bossesByMatter.production.map((b: { username: string }) => b.username)).toEqual(['carlos.prod']);
  expect(night.body.bossesByMatter.tracking.map((b: { username: string }) => b.username)).toEqual(['rosa.quispe']);

  const absence = await post('/people/absences', { username: 'jorge.salas', substitute: 'ana.torres', startsAt: '2026-12-03T00:00:00-05:00', endsAt: '2026-12-05T00:00:00-05:00', reason: 'Vacaciones' });
  expect(absence.status).toBe(201);
  expect((await post('/people/absences', { username: 'jorge.salas', substitute: 'jorge.salas', startsAt: '2026-12-03T00:00:00-05:00', endsAt: '2026-12-05T00:00:00-05:00', reason: 'x' })).status).toBe(422);
  const day = await get('/people/on-duty?at=2026-12-03T10:00:00-05:00');
  expect(day.body.onDuty).toEqual(expect.arrayContaining([expect.objectContaining({ username: 'ana.torres', coveringFor: ['jorge.salas'] })]));
  expect(day.body.onDuty.map((d: { username: string }) => d.username)).not.toContain('jorge.salas');

  expect((await put('/people/clients/20100047218/executive', { executiveUsername: 'jorge.salas', mailResponseMinutes: 60 })).status).toBe(200);
  expect((await get('/people/directory')).body.absences).toEqual([expect.objectContaining({ username: 'jorge.salas', substitute: 'ana.torres', reason: 'Vacaciones' })]);
  // Clients never see the staff.
  expect((await get('/people/directory', 'client')).status).toBe(403);
});

test('the communication log takes phone notes; unfiled emails wait on triage until filed', async () => {
  const note = await post(`/dispatches/${DISPATCH}/communications`, { channel: 'phone', direction: 'inbound', subject: 'Llamada de Lucía Ramos', summary: 'Pide adelantar el retiro al lunes.', occurredAt: '2026-12-03T10:15:00-05:00' }, 'operator');
  expect(note.status).toBe(201);
  expect((await post('/dispatches/DSP-NOPE-1/communications', { channel: 'phone', direction: 'inbound', subject: 'x', summary: 'xxx', occurredAt: '2026-12-03T10:15:00-05:00' }, 'operator')).status).toBe(404);

  const entry = await api.stack.prisma.communicationEntry.create({ data: { channel: 'mail', direction: 'inbound', messageId: 'sin-ref@andina.example.pe', subject: 'Consulta', summary: 'Hola', occurredAt: new Date('2026-12-03T11:00:00-05:00'), recordedBy: 'levante-mail', triageReason: 'no_reference' } });
  expect((await get('/communications/triage')).body.items.map((i: { id: string }) => i.id)).toEqual([entry.id]);
  expect((await post(`/communications/${entry.id}/file`, { dispatchId: DISPATCH }, 'operator')).status).toBe(200);
  expect((await get('/communications/triage')).body.items).toEqual([]);

  const log = await get(`/dispatches/${DISPATCH}/communications`);
  expect(log.body.items.map((i: { subject: string; matchedBy: string }) => [i.subject, i.matchedBy])).toEqual([
    ['Consulta', 'manual'],
    ['Llamada de Lucía Ramos', 'manual'],
  ]);
});
