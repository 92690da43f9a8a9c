/**
 * "Nothing was sent" proves nothing unless the workflow is known to be past the moment it would have sent it:
 * an empty inbox right after a wait looks the same when the clock loop has not caught up yet. This gives such a
 * test its later positive event, from the same dispatch workflow and the same clock loop.
 */
import type { WorkflowHandle } from '@temporalio/client';
import type { dispatchWorkflow } from '../../workflows';
import { logComplaint } from '../../workflows/dispatch.messages';
import { uniqueId } from './env';
import type { ReceivedMail } from './smtp';
import type { TimeSkippingStack } from './timeskipping';

export const escalationSubject = (dispatchId: string) => `[${dispatchId}] Reclamo/contingencia pendiente de informe al supervisor`;

/**
 * Logs a complaint now, lets the time-skipping clock run past its escalation deadline and waits for the
 * escalation email. The clock loop fires every deadline notice in order of due time, so once this one has
 * arrived, any notice that fell due before it has gone out too (or, rightly, never will).
 */
export async function awaitLaterEscalation(
  stack: TimeSkippingStack,
  handle: WorkflowHandle<typeof dispatchWorkflow>,
  dispatchId: string,
): Promise<ReceivedMail> {
  const marker = `Control del reloj ${uniqueId('marca')}`;
  const view = await handle.executeUpdate(logComplaint, { args: [{ actor: 'prueba', category: 'other', description: marker }] });
  const complaint = view.complaints.find((c) => c.description === marker)!;
  const due = view.deadlines.find((x) => x.clock === 'complaint_escalation' && x.ref === complaint.id)!;
  await stack.env.sleep(Math.max(Date.parse(due.dueAt) + 60_000 - (await stack.env.currentTimeMs()), 1));
  return stack.smtp.waitFor((m) => m.subject === escalationSubject(dispatchId) && m.text.includes(marker));
}
