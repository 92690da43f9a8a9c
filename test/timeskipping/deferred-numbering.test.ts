/**
 * Deferred dispatch (diferido): the DAM must be numbered within 15 calendar days of the end of discharge, or the
 * goods fall into legal abandonment. Escalation at 13 days, alert at 15; numbering stops the clock.
 */
import * as m from '../../workflows/dispatch.messages';
import { sampleDispatch, startDispatch } from '../support/fixtures';
import { startTimeSkippingStack, type TimeSkippingStack } from '../support/timeskipping';
import { awaitLaterEscalation } from '../support/later-notice';

jest.setTimeout(120_000);

let stack: TimeSkippingStack;
beforeAll(async () => {
  stack = await startTimeSkippingStack('numbering');
});
afterAll(() => stack?.close());

const numbering = (id: string) => stack.smtp.received.filter((x) => x.subject.startsWith(`[${id}]`) && x.subject.includes('Numeración de la DAM'));

test('not numbered: legal escalation to the supervisor at 13 days, alert at 15 days after discharge', async () => {
  const d = sampleDispatch({ modality: 'diferido' });
  const handle = await startDispatch(stack.client, stack.config.TEMPORAL_TASK_QUEUE, d);
  const view = await handle.executeUpdate(m.dischargeEnded, { args: [{ actor: 'op' }] });
  const due = view.deadlines.find((x) => x.clock === 'deferred_numbering')!;
  expect(Date.parse(due.dueAt) - Date.parse(view.milestones.dischargeEndedAt!)).toBe(15 * 86_400_000);

  await stack.env.sleep('311 hours'); // 12 days 23 hours
  expect(numbering(d.dispatchId)).toHaveLength(0);
  await stack.env.sleep('2 hours');
  const escalation = await stack.smtp.waitFor((x) => numbering(d.dispatchId).includes(x) && x.subject.includes('ESCALAMIENTO'));
  expect(escalation.to).toContain('supervision@agencia.example.pe');
  await stack.env.sleep('2 days');
  await stack.smtp.waitFor((x) => numbering(d.dispatchId).includes(x) && x.subject.includes('ALERTA'));
  expect(numbering(d.dispatchId)).toHaveLength(2);
});

test('numbered on day 5: the clock stops, nothing is sent', async () => {
  const d = sampleDispatch({ modality: 'diferido' });
  const handle = await startDispatch(stack.client, stack.config.TEMPORAL_TASK_QUEUE, d);
  const discharged = await handle.executeUpdate(m.dischargeEnded, { args: [{ actor: 'op' }] });
  const legalDue = Date.parse(discharged.deadlines.find((x) => x.clock === 'deferred_numbering')!.dueAt);
  const received = await handle.query(m.getDispatch);
  await handle.executeUpdate(m.documentsReceived, { args: [{ actor: 'op', documents: received.missingDocuments }] });
  await handle.executeUpdate(m.documentsReviewed, { args: [{ actor: 'esc' }] });
  await handle.executeUpdate(m.draftEmitted, { args: [{ actor: 'esc' }] });
  await handle.executeUpdate(m.draftApproved, { args: [{ actor: 'esc' }] });
  await stack.env.sleep('5 days');
  const numbered = await handle.executeUpdate(m.damNumbered, { args: [{ actor: 'esc', damNumber: '118-2026-10-000777' }] });
  expect(numbered.deadlines.some((x) => x.clock === 'deferred_numbering')).toBe(false);
  await stack.env.sleep('20 days');
  // Past the 15-day legal deadline (and the escalation at 13), and the same clock loop has sent a later notice.
  expect(await stack.env.currentTimeMs()).toBeGreaterThan(legalDue);
  await awaitLaterEscalation(stack, handle, d.dispatchId);
  expect(numbering(d.dispatchId)).toHaveLength(0);
});
