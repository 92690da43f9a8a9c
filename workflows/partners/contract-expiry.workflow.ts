/** Reminders to management before an alliance partner's contract ends (schedule `partner-contract-expiry`, weekdays 08:00). */
import { proxyActivities } from '@temporalio/workflow';
import type { Activities } from '../../activities';
import { scheduledTimeOf } from '../supervision/run';
import type { ScheduledRunInput } from '../supervision/supervision.types';

// One scan and a few emails: bounded to 10 attempts (about 20 minutes); past it the run fails and shows in
// Temporal Web, and tomorrow's run sends what is still due (each reminder is keyed, never sent twice).
const act = proxyActivities<Activities>({
  startToCloseTimeout: '2 minutes',
  retry: { initialInterval: '5 seconds', backoffCoefficient: 2, maximumInterval: '5 minutes', maximumAttempts: 10 },
});

/** One run: the contracts at 60, 30 or 7 days from their last day, or on it, each reminded once. */
export async function partnerContractExpiryWorkflow(input: ScheduledRunInput): Promise<{ scheduleId: string; scheduledAt: string; sent: string[] }> {
  const scheduledAt = scheduledTimeOf(input);
  const { sent } = await act.sendPartnerContractReminders({ scheduledAt });
  return { scheduleId: input.scheduleId, scheduledAt, sent };
}
