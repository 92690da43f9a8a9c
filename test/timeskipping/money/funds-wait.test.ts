/**
 * A third-party payment waiting for the client's funds (money-clocks-2026-12) reaches the supervisor once the wait
 * passes its deadline (24 hours of business days by default), not before; the deposit that finally arrives makes
 * the workflow record the payment by itself.
 */
import { createMoneyStore } from '../../../activities/money/money-store';
import { money } from '../../../domain/money/money';
import * as m from '../../../workflows/dispatch.messages';
import { sampleDispatch, startDispatch } from '../../support/fixtures';
import { startTimeSkippingStack, type TimeSkippingStack } from '../../support/timeskipping';

jest.setTimeout(120_000);

let stack: TimeSkippingStack;
beforeAll(async () => {
  stack = await startTimeSkippingStack('fundswait');
});
afterAll(() => stack?.close());

test('still waiting past the deadline: escalation to the supervisor; then the deposit releases the payment', async () => {
  const d = sampleDispatch();
  const handle = await startDispatch(stack.client, stack.config.TEMPORAL_TASK_QUEUE, d);
  const view = await handle.executeUpdate(m.requestThirdPartyPayment, {
    args: [{ actor: 'esc', amount: '1200.00', currency: 'PEN', payee: 'Almacén Callao S.A.', concept: 'Almacenaje', reference: 'FAC-77' }],
  });
  const due = view.deadlines.find((x) => x.clock === 'funds_wait')!;
  expect(view.money!.payments[0]!.fundsDueAt).toBe(due.dueAt);
  const escalated = (x: { subject: string }) => x.subject.startsWith(`[${d.dispatchId}] ESCALAMIENTO: el despacho sigue esperando fondos`);

  await stack.env.sleep(Math.max(Date.parse(due.dueAt) - 60_000 - (await stack.env.currentTimeMs()), 1));
  expect(stack.smtp.received.filter(escalated)).toHaveLength(0);
  await stack.env.sleep('2 minutes');
  const escalation = await stack.smtp.waitFor(escalated);
  expect(escalation.to).toContain('supervision@agencia.example.pe');
  expect(escalation.text).toContain('Faltan: S/ 1,200.00');

  await createMoneyStore(stack.prisma).addDeposit({ dispatchId: d.dispatchId, amount: money('1500.00', 'PEN'), reference: 'OP-9', method: 'transfer', actor: 'admin' });
  await handle.signal(m.fundsChanged);
  await stack.smtp.waitFor((x) => x.subject === `[${d.dispatchId}] Pago a terceros registrado: S/ 1,200.00 a Almacén Callao S.A.`);
  const after = await handle.query(m.getDispatch);
  expect(after.money).toMatchObject({ waitingForFunds: false, payments: [{ status: 'recorded', attempts: 2 }] });
});
