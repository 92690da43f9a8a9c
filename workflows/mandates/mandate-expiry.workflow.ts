/**
 * One client's mandate (poder) expiry reminders (seed 2.1.13): sleeps until 30 and 7 days before the mandate
 * expires and emails the client's titular executive each time; a renewal (signal) re-plans for the new expiry.
 * Ends once the mandate expired or its last reminder went out; recording a renewal then starts it again.
 */
import { condition, proxyActivities, setHandler, workflowInfo } from '@temporalio/workflow';
import type { Activities } from '../../activities';
import { nextMandateReminder } from '../../domain/mandates';
import { getMandateReminders, mandateRenewed, type MandateExpiryInput, type MandateExpiryState } from './mandate.messages';

// Directory reads and one email: short. A mail or database outage is transient: retry with backoff, no bound but
// the workflow's (a late reminder is better than none; the Message-ID keeps it single).
const act = proxyActivities<Activities>({
  startToCloseTimeout: '1 minute',
  retry: { initialInterval: '5 seconds', backoffCoefficient: 2, maximumInterval: '5 minutes' },
});

/** Reminders before a client's electronic mandate expires, re-planned when it is renewed. */
export async function mandateExpiryWorkflow(input: MandateExpiryInput): Promise<MandateExpiryState> {
  const state: MandateExpiryState = { expiresAt: input.expiresAt, done: [], sent: [] };
  setHandler(mandateRenewed, ({ expiresAt }) => {
    if (Date.parse(expiresAt) > Date.parse(state.expiresAt)) state.expiresAt = expiresAt;
  });
  setHandler(getMandateReminders, () => state);
  const { workflowId } = workflowInfo();
  for (;;) {
    const now = new Date().toISOString();
    const { next, skip } = nextMandateReminder(state.expiresAt, input.reminderDays, state.done, now);
    state.done.push(...skip);
    if (!next) return state;
    const planned = state.expiresAt;
    const wait = Date.parse(next.dueAt) - Date.now();
    // Woken early by a renewal: plan again for the new expiry.
    if (wait > 0 && (await condition(() => state.expiresAt !== planned, wait))) continue;
    const result = await act.sendMandateExpiryReminder({ workflowId, clientRuc: input.clientRuc, expiresAt: planned, daysBefore: next.daysBefore, at: new Date().toISOString() });
    state.done.push(next.key);
    if (result.sent) state.sent.push({ key: next.key, to: result.to });
  }
}
