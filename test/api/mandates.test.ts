/**
 * A client's mandates (poder) through the API on the real stack: record, renew (the reminder workflow is started,
 * then signalled with the new expiry), list; 400 naming the field, 422 with the Spanish reason.
 */
import request from 'supertest';
import { mandateExpiryWorkflowId } from '../../domain/ids';
import { getMandateReminders } from '../../workflows/mandates/mandate.messages';
import { startApiStack, type ApiStack } from './api-stack';

jest.setTimeout(120_000);

let api: ApiStack;
beforeAll(async () => {
  api = await startApiStack('api_mandates');
});
afterAll(() => api?.close());

/** A Lima calendar day `years` years and `days` days from today (YYYY-MM-DD), so the test never goes stale. */
function day(days: number, years = 0): string {
  const d = new Date(Date.now() - 5 * 3_600_000);
  d.setUTCFullYear(d.getUTCFullYear() + years);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}
const dmy = (ymd: string) => ymd.split('-').reverse().join('/');
const start = (ymd: string) => new Date(`${ymd}T05:00:00.000Z`);
const uniqueRuc = () => `20${String(Math.floor(Math.random() * 1e9)).padStart(9, '0')}`;
const post = (ruc: string, body: object, role: 'operator' | 'client' = 'operator') =>
  request(api.app).post(`/clients/${ruc}/mandates`).set('Authorization', api.auth(role)).send(body);

test('a mandate and its renewal: recorded, listed, the reminders re-planned for the new expiry', async () => {
  const ruc = uniqueRuc();
  const [granted, expires] = [day(-2), day(-3, 1)];
  const first = await post(ruc, { grantedAt: granted, expiresAt: expires, reference: 'MAND-2026-0001' }).expect(201);
  expect(first.body.current).toEqual({ clientRuc: ruc, grantedAt: start(granted).toISOString(), expiresAt: start(expires).toISOString(), reference: 'MAND-2026-0001' });
  expect(first.body.reminders).toEqual([
    { daysBefore: 30, dueAt: new Date(start(expires).getTime() - 30 * 86_400_000).toISOString() },
    { daysBefore: 7, dueAt: new Date(start(expires).getTime() - 7 * 86_400_000).toISOString() },
  ]);
  const handle = api.stack.client.workflow.getHandle(mandateExpiryWorkflowId(ruc));
  expect((await handle.query(getMandateReminders)).expiresAt).toBe(start(expires).toISOString());

  const [renewedOn, renewedUntil] = [day(-10, 1), day(-11, 2)];
  const renewed = await post(ruc, { grantedAt: renewedOn, expiresAt: renewedUntil, reference: 'MAND-2027-0002' }).expect(201);
  expect(renewed.body.current.expiresAt).toBe(start(renewedUntil).toISOString());
  // The same workflow, signalled: it now plans for the renewed mandate.
  const deadline = Date.now() + 10_000;
  while ((await handle.query(getMandateReminders)).expiresAt !== start(renewedUntil).toISOString() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
  expect((await handle.query(getMandateReminders)).expiresAt).toBe(start(renewedUntil).toISOString());

  // A late entry of an older mandate is kept in the list but does not replace the one in force.
  await post(ruc, { grantedAt: day(-200), expiresAt: day(-201, 1), reference: 'MAND-2026-OLD' }).expect(201);
  const list = await request(api.app).get(`/clients/${ruc}/mandates`).set('Authorization', api.auth('operator')).expect(200);
  expect(list.body.items.map((m: { reference: string }) => m.reference)).toEqual(['MAND-2027-0002', 'MAND-2026-0001', 'MAND-2026-OLD']);
  expect(list.body.items[0]).toMatchObject({ clientRuc: ruc, recordedBy: 'operador.noche' });
  expect(list.body.current.reference).toBe('MAND-2027-0002');
});

test('bad input is 400 naming the field; a mandate beyond one year or already expired is 422 in Spanish; clients may not record', async () => {
  const ruc = uniqueRuc();
  const bad = await post(ruc, { grantedAt: day(0), expiresAt: '30/11/2027' }).expect(400);
  expect(new Set(bad.body.error.issues.map((i: { path: string }) => i.path))).toEqual(new Set(['body.expiresAt', 'body.reference']));
  const long = await post(ruc, { grantedAt: day(0), expiresAt: day(1, 1), reference: 'MAND-1' }).expect(422);
  expect(long.body.error.message).toBe(`El mandato electrónico dura como máximo un año: otorgado el ${dmy(day(0))}, debe vencer a más tardar el ${dmy(day(0, 1))}.`);
  const expired = await post(ruc, { grantedAt: day(-1, -1), expiresAt: day(-2), reference: 'MAND-1' }).expect(422);
  expect(expired.body.error.message).toBe('El mandato ya venció: registre el mandato renovado con su nueva fecha de vencimiento.');
  await post(ruc, { grantedAt: day(0), expiresAt: day(-1, 1), reference: 'MAND-1' }, 'client').expect(403);
  const empty = await request(api.app).get(`/clients/${ruc}/mandates`).set('Authorization', api.auth('operator')).expect(200);
  expect(empty.body).toEqual({ items: [], current: null });
});
