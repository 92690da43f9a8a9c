/** Regularization clocks: internal target 10 days and legal deadline (SADA 15, export 30), at real durations. */
import { dischargeEnded, getDispatch, regularized } from '../../workflows/dispatch.messages';
import { sampleDispatch, startDispatch } from '../support/fixtures';
import { claveSol, toShipped } from '../support/drive';
import { awaitLaterEscalation } from '../support/later-notice';
import { startTimeSkippingStack, type TimeSkippingStack } from '../support/timeskipping';

jest.setTimeout(120_000);

let stack: TimeSkippingStack;
beforeAll(async () => {
  stack = await startTimeSkippingStack('regularization');
});
afterAll(() => stack?.close());

const subjects = (id: string) => stack.smtp.received.filter((m) => m.subject.startsWith(`[${id}]`)).map((m) => m.subject.slice(id.length + 3));

test('SADA: reminder at 8 days, target alert at 10, legal escalation at 13 and alert at 15 days after discharge', async () => {
  const d = sampleDispatch({ modality: 'anticipado' });
  const handle = await startDispatch(stack.client, stack.config.TEMPORAL_TASK_QUEUE, d);
  await handle.executeUpdate(dischargeEnded, { args: [{ actor: 'op' }] });

  await stack.env.sleep('191 hours');
  expect(subjects(d.dispatchId).filter((s) => s.includes('Regularización'))).toEqual([]);
  await stack.env.sleep('2 hours');
  await stack.smtp.waitFor((m) => m.subject.startsWith(`[${d.dispatchId}] Recordatorio: Regularización`));

  await stack.env.sleep('2 days');
  await stack.smtp.waitFor((m) => m.subject.startsWith(`[${d.dispatchId}] ALERTA: venció Regularización`));
  expect((await handle.query(getDispatch)).overdue).toBe(true);

  await stack.env.sleep('3 days');
  const escalation = await stack.smtp.waitFor((m) => m.subject.startsWith(`[${d.dispatchId}] ESCALAMIENTO: plazo legal en riesgo`));
  expect(escalation.to).toContain('supervision@agencia.example.pe');

  await stack.env.sleep('2 days');
  await stack.smtp.waitFor((m) => m.subject.includes('ALERTA') && m.subject.includes('plazo legal') && m.subject.startsWith(`[${d.dispatchId}]`));
  const regularizationMails = subjects(d.dispatchId).filter((s) => /Regularizaci|plazo legal/.test(s));
  expect(regularizationMails).toHaveLength(4);
});

test('export regularized on day 5: no regularization reminder or alert at all', async () => {
  const d = sampleDispatch({ regime: '40', modality: 'diferido' });
  const handle = await startDispatch(stack.client, stack.config.TEMPORAL_TASK_QUEUE, d);
  const shipped = await toShipped(handle);
  const legalDue = Date.parse(shipped.deadlines.find((x) => x.clock === 'regularization_legal')!.dueAt);
  await stack.env.sleep('5 days');
  const view = await handle.executeUpdate(regularized, { args: [{ actor: 'esc', claveSol: claveSol(await stack.env.currentTimeMs()) }] });
  expect(view.status).toBe('regularized');
  expect(view.deadlines.filter((x) => x.clock.startsWith('regularization'))).toEqual([]);
  await stack.env.sleep('40 days');
  // Past the last moment a regularization notice was due (the legal deadline, day 30), and the same clock
  // loop has sent a notice due later: had any regularization notice fired, it would be in the inbox by now.
  expect(await stack.env.currentTimeMs()).toBeGreaterThan(legalDue);
  await awaitLaterEscalation(stack, handle, d.dispatchId);
  expect(subjects(d.dispatchId).filter((s) => /Regularizaci|plazo legal/i.test(s))).toEqual([]);
});

test('export not regularized: target alert at 10 days, legal escalation at 28, legal alert at 30', async () => {
  const d = sampleDispatch({ regime: '40', modality: 'diferido' });
  const handle = await startDispatch(stack.client, stack.config.TEMPORAL_TASK_QUEUE, d);
  const shipped = await toShipped(handle);
  const legal = shipped.deadlines.find((x) => x.clock === 'regularization_legal');
  expect(Date.parse(legal!.dueAt) - Date.parse(shipped.milestones.shipmentEndedAt!)).toBe(30 * 86_400_000);

  await stack.env.sleep('241 hours');
  await stack.smtp.waitFor((m) => m.subject.startsWith(`[${d.dispatchId}] ALERTA: venció Regularización`));
  await stack.env.sleep('431 hours');
  expect(subjects(d.dispatchId).some((s) => s.startsWith('ESCALAMIENTO'))).toBe(false);
  await stack.env.sleep('2 hours');
  await stack.smtp.waitFor((m) => m.subject.startsWith(`[${d.dispatchId}] ESCALAMIENTO: plazo legal en riesgo`));
  await stack.env.sleep('2 days');
  await stack.smtp.waitFor((m) => m.subject.startsWith(`[${d.dispatchId}] ALERTA`) && m.subject.includes('legal'));
  // Both later notices arrived, and there is one escalation: none went out before day 28.
  expect(subjects(d.dispatchId).filter((s) => s.startsWith('ESCALAMIENTO'))).toHaveLength(1);
});
