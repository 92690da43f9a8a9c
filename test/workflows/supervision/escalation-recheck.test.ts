/**
 * Escalation re-check on the dev server: an escalation that could not be sent while the mail server was down is
 * sent by the re-check once it recovers, with the dispatch workflow's own Message-ID, and never twice — not by
 * a second re-check, not by the dispatch workflow's own retry.
 */
import { messageIdFor } from '../../../activities/email/email.activities';
import { dispatchWorkflowId, sideEffectKey } from '../../../domain/ids';
import type { ScheduleSync } from '../../../schedules';
import { startTestStack, type TestStack } from '../../support/stack';
import { sampleDispatch, startDispatch } from '../../support/fixtures';
import * as m from '../../../workflows/dispatch.messages';
import { actor, deleteSchedules, poll, scheduledResults, syncFor } from './support';

jest.setTimeout(150_000);

let stack: TestStack;
let sync: ScheduleSync;
beforeAll(async () => {
  stack = await startTestStack('sched_recheck');
  sync = syncFor(stack, { escalationGraceMs: 1_000 });
  await sync.syncAll();
});
afterAll(async () => {
  stack?.smtp.setDown(false);
  if (stack) await deleteSchedules(stack.client, sync.settings.idPrefix);
  await stack?.close();
});

test('a missed escalation is sent by the re-check once the mail server recovers, and never twice', async () => {
  const d = sampleDispatch();
  const handle = await startDispatch(stack.client, stack.config.TEMPORAL_TASK_QUEUE, d, { policyOverrides: { documentReviewMs: 8_000, reviewReminderBeforeMs: 0 } });
  // A partial receipt: its missing-documents email goes out (sent by the workflow's loop, not awaited by the
  // update), and the 8 s review clock starts.
  await handle.executeUpdate(m.documentsReceived, { args: [{ actor, documents: ['commercial_invoice'] }] });
  await stack.smtp.waitFor((mail) => mail.subject === `[${d.dispatchId}] Documentos pendientes para su despacho`);
  stack.smtp.setDown(true);
  const key = sideEffectKey(dispatchWorkflowId(d.dispatchId), 'notice/document_review/receipt-1/missed');
  const messageId = messageIdFor(key);

  // The dispatch workflow is retrying the alert with growing backoff (2 s, 4 s, 8 s, 16 s…): wait for its 4th attempt.
  await poll('the dispatch workflow retrying its alert', async () => {
    const { raw } = await handle.describe();
    const retrying = (raw.pendingActivities ?? []).find((a) => a.activityType?.name === 'sendDispatchEmail' && (a.attempt ?? 0) >= 4);
    return retrying ? true : undefined;
  }, 60_000);
  expect(stack.smtp.received.filter((mail) => mail.messageId === messageId)).toEqual([]);

  stack.smtp.setDown(false);
  const scheduleId = `${sync.settings.idPrefix}escalation-recheck`;
  await stack.client.schedule.getHandle(scheduleId).trigger();
  const [first] = await scheduledResults(stack.client, scheduleId, 1);
  // Whichever comes first once the mail server is back — the re-check or the workflow's own retry — sends it;
  // the other finds its Message-ID in the sent-mail log. Exactly one email either way (checked below).
  expect(first).toMatchObject({ outcome: 'checked' });
  expect([[], [key]]).toContainEqual((first as { sent: string[] }).sent);

  const alert = await stack.smtp.waitFor((mail) => mail.messageId === messageId);
  expect(alert.subject).toBe(`[${d.dispatchId}] ALERTA: venció Revisión de documentos`);
  expect(alert.to).toEqual(expect.arrayContaining(['supervision@agencia.example.pe', 'jorge.salas@agencia.example.pe']));

  // The dispatch workflow's own retry finds the Message-ID in the sent-mail log and does not send again.
  await poll('the dispatch workflow to finish its retries', async () => {
    const { raw } = await handle.describe();
    return (raw.pendingActivities ?? []).length === 0 ? true : undefined;
  }, 90_000);
  await stack.client.schedule.getHandle(scheduleId).trigger();
  const results = await scheduledResults(stack.client, scheduleId, 2);
  expect(results[1]).toMatchObject({ outcome: 'checked', sent: [] });
  expect(stack.smtp.received.filter((mail) => mail.messageId === messageId)).toHaveLength(1);
  const sentLog = await stack.prisma.emailSent.findMany({ where: { messageId } });
  expect(sentLog).toHaveLength(1);
});
