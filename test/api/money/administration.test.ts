/**
 * Administración's daily report (issue #14) on the real stack: advances, deposits and third-party payments per
 * dispatch in progress, what is pending to invoice (third-party costs, 10110 services); the invoice regularization
 * route takes the dispatch off the pending list. The run is the scheduled workflow, started by hand.
 */
import request from 'supertest';
import { startApiStack, type ApiStack } from '../api-stack';
import { dispatchBody } from '../bodies';
import { waitFor } from '../../support/wait-for';

jest.setTimeout(120_000);

let api: ApiStack;
beforeAll(async () => {
  api = await startApiStack('api_administration');
});
afterAll(() => api?.close());

const as = (role: 'operator' | 'client') => ({ Authorization: api.auth(role) });
const run = (scheduleId: string, scheduledAt: string) =>
  api.stack.client.workflow.execute('administrationReportWorkflow', { taskQueue: api.stack.config.TEMPORAL_TASK_QUEUE, workflowId: `${scheduleId}-${scheduledAt}`, args: [{ scheduleId, scheduledAt }] });

test('lists advances and payments per dispatch and what is pending to invoice, until the invoice is regularized', async () => {
  const body = dispatchBody();
  const id = body.dispatchId;
  await request(api.app).post('/dispatches').set(as('operator')).send(body).expect(201);
  await waitFor(() => api.stack.prisma.dispatch.findUnique({ where: { id } }));
  await request(api.app).post(`/dispatches/${id}/deposits`).set(as('operator')).send({ amount: '2000.00', currency: 'USD', reference: 'OP-5', method: 'transfer' }).expect(201);
  await request(api.app).post(`/dispatches/${id}/actions/third-party-payment`).set(as('operator'))
    .send({ amount: '750.25', currency: 'USD', payee: 'DP World Callao', concept: 'Almacenaje', reference: 'FAC-3' }).expect(200);
  await request(api.app).post(`/dispatches/${id}/actions/extraordinary-service`).set(as('operator')).send({ description: 'Aforo nocturno', reason: 'out_of_hours', amountPen: '180.50' }).expect(200);
  await waitFor(async () => (await api.stack.prisma.ledgerEntry.count({ where: { dispatchId: id, kind: 'payment' } })) === 1);

  const scheduleId = `adm-${id}`;
  const first = await run(scheduleId, '2026-12-03T22:30:00.000Z'); // Thursday 17:30 Lima
  expect(first).toMatchObject({ outcome: 'sent' });
  const mail = await api.stack.smtp.waitFor((m) => m.subject.startsWith('Reporte de Administración al 03/12/2026') && m.text.includes(id));
  expect(mail.to).toEqual(['administracion@agencia.example.pe']);
  expect(mail.text).toContain(`  - ${id} · Importadora Andina S.A.C. (RUC ${body.client.ruc}) · opened · abonos: US$ 2,000.00 · pagos a terceros: US$ 750.25`);
  expect(mail.text).toContain(`  - ${id} · Importadora Andina S.A.C. · gastos de terceros a recuperar: US$ 750.25 · servicios extraordinarios (10110): S/ 180.50`);
  // The same scheduled time again sends nothing new.
  expect(await run(scheduleId, '2026-12-03T22:30:00.000Z')).toMatchObject({ outcome: 'already_sent' });
  const bad = await request(api.app).post(`/dispatches/${id}/invoice-regularization`).set(as('operator')).send({ invoiceNumber: 123 }).expect(400);
  expect(bad.body.error.issues[0].path).toBe('body.invoiceNumber');
  const regularized = await request(api.app).post(`/dispatches/${id}/invoice-regularization`).set(as('operator')).send({ invoiceNumber: 'F001-000456' }).expect(201);
  expect(regularized.body).toMatchObject({ dispatchId: id, invoiceNumber: 'F001-000456', actor: 'operador.noche' });
  await request(api.app).post(`/dispatches/${id}/invoice-regularization`).set(as('operator')).send({ invoiceNumber: 'F001-000999' }).expect(200);
  await request(api.app).post('/dispatches/DSP-NO-EXISTE-1/invoice-regularization').set(as('operator')).send({ invoiceNumber: 'F001-1' }).expect(404);

  await run(scheduleId, '2026-12-04T22:30:00.000Z');
  const next = await api.stack.smtp.waitFor((m) => m.subject.startsWith('Reporte de Administración al 04/12/2026') && m.text.includes(id));
  const pendingPart = next.text.slice(next.text.indexOf('Pendiente de facturar'));
  expect(pendingPart).not.toContain(id);
});

test('a holiday run skips itself', async () => {
  expect(await run('adm-holiday', '2026-12-08T22:30:00.000Z')).toMatchObject({ outcome: 'skipped' });
});
