/**
 * The funds gate inside the dispatch workflow (money-clocks-2026-12), over the real stack: a third-party payment
 * the client's funds do not cover is refused, the client is asked for funds at once and the dispatch (view and read
 * model) shows it waits; the deposit recorded through the API signals the workflow, which asks the gate again by
 * itself, records the payment once and tells the executive.
 */
import request from 'supertest';
import { startApiStack, type ApiStack } from '../api-stack';
import { dispatchBody } from '../bodies';
import { waitFor } from '../../support/wait-for';

jest.setTimeout(120_000);

let api: ApiStack;
beforeAll(async () => {
  api = await startApiStack('api_funds');
});
afterAll(() => api?.close());

const as = (role: 'operator' | 'admin' | 'client') => ({ Authorization: api.auth(role) });
const payment = { amount: '850.50', currency: 'USD', payee: 'APM Terminals Callao S.A.', concept: 'Liquidación de almacenaje', reference: 'FAC F001-000123' };

test('refused for lack of funds: funds request to the client, waiting; a deposit makes the workflow pay by itself, once', async () => {
  const body = dispatchBody();
  const id = body.dispatchId;
  await request(api.app).post('/dispatches').set(as('operator')).send(body).expect(201);
  const refused = await request(api.app).post(`/dispatches/${id}/actions/third-party-payment`).set(as('operator')).send(payment).expect(200);
  const view = refused.body.dispatch;
  expect(view.money).toMatchObject({ waitingForFunds: true, waitingLabel: 'Esperando fondos del cliente' });
  expect(view.money.payments[0]).toMatchObject({ status: 'waiting_funds', amount: { amount: '850.50', currency: 'USD' }, shortfall: { amount: '850.50', currency: 'USD' } });
  expect(view.money.payments[0].reason).toMatch(/^Fondos insuficientes: el pago de US\$ 850.50/);
  expect(view.deadlines.some((d: { clock: string }) => d.clock === 'funds_wait')).toBe(true);

  const request1 = await api.stack.smtp.waitFor((m) => m.subject === `[${id}] Solicitud de fondos: US$ 850.50 para continuar su despacho`);
  expect(request1.to).toEqual(expect.arrayContaining([body.client.contacts[0]!.email.toLowerCase()]));
  await waitFor(async () => (await api.stack.prisma.dispatch.findUnique({ where: { id } }))?.waitingForFunds === true);
  expect(await api.stack.prisma.ledgerEntry.count({ where: { dispatchId: id, kind: 'payment' } })).toBe(0);

  // A deposit short of the payment: the workflow asks again and keeps waiting (no second funds request).
  await request(api.app).post(`/dispatches/${id}/deposits`).set(as('operator')).send({ amount: '500.00', currency: 'USD', reference: 'OP-1', method: 'transfer' }).expect(201);
  await waitFor(async () => {
    const live = await request(api.app).get(`/dispatches/${id}`).set(as('operator'));
    return live.body.dispatch.money.payments[0].attempts === 2 && live.body.dispatch.money.payments[0].shortfall.amount === '350.50';
  });
  // The rest arrives: the workflow records the payment by itself and tells the executive.
  await request(api.app).post(`/dispatches/${id}/deposits`).set(as('operator')).send({ amount: '400.00', currency: 'USD', reference: 'OP-2', method: 'letters' }).expect(201);
  const recorded = await api.stack.smtp.waitFor((m) => m.subject === `[${id}] Pago a terceros registrado: US$ 850.50 a APM Terminals Callao S.A.`);
  expect(recorded.to).toEqual([body.executive.email.toLowerCase()]);
  const after = await request(api.app).get(`/dispatches/${id}`).set(as('operator')).expect(200);
  expect(after.body.dispatch.money).toMatchObject({ waitingForFunds: false, payments: [{ status: 'recorded', attempts: 3 }] });
  expect(after.body.dispatch.deadlines.some((d: { clock: string }) => d.clock === 'funds_wait')).toBe(false);
  await waitFor(async () => (await api.stack.prisma.dispatch.findUnique({ where: { id } }))?.waitingForFunds === false);
  const ledger = await request(api.app).get(`/dispatches/${id}/ledger`).set(as('operator')).expect(200);
  expect(ledger.body.entries.filter((e: { kind: string }) => e.kind === 'payment')).toEqual([expect.objectContaining({ amount: { amount: '850.50', currency: 'USD' }, payee: payment.payee })]);
  expect(ledger.body.balances.find((b: { currency: string }) => b.currency === 'USD').balance).toBe('49.50');
  expect(api.stack.smtp.received.filter((m) => m.subject.startsWith(`[${id}] Solicitud de fondos`))).toHaveLength(1);
});

test('approving credit for the client releases its waiting payment', async () => {
  const body = dispatchBody();
  const id = body.dispatchId;
  await request(api.app).post('/dispatches').set(as('operator')).send(body).expect(201);
  await request(api.app).post(`/dispatches/${id}/actions/third-party-payment`).set(as('operator')).send({ ...payment, amount: '120.00' }).expect(200);
  await waitFor(async () => (await api.stack.prisma.dispatch.findUnique({ where: { id } }))?.waitingForFunds === true);
  await request(api.app).put(`/clients/${body.client.ruc}/credit`).set(as('admin')).send({ status: 'approved', limit: '5000.00', currency: 'USD' }).expect(200);
  await api.stack.smtp.waitFor((m) => m.subject === `[${id}] Pago a terceros registrado: US$ 120.00 a APM Terminals Callao S.A.`);
});

test('bad payment bodies are 400 naming the field; the amount goes as a decimal string', async () => {
  const body = dispatchBody();
  await request(api.app).post('/dispatches').set(as('operator')).send(body).expect(201);
  const res = await request(api.app).post(`/dispatches/${body.dispatchId}/actions/third-party-payment`).set(as('operator')).send({ ...payment, amount: 850.5, currency: 'EUR' }).expect(400);
  expect(res.body.error.issues.map((i: { path: string }) => i.path).sort()).toEqual(['body.amount', 'body.currency']);
});
