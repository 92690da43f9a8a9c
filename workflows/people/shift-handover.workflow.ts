/** The shift handover (schedule `shift-handover`, 08:00 and 22:00 Lima): one email to the incoming shift per shift change. */
import { scheduledTimeOf } from '../supervision/run';
import type { ScheduledRunInput } from '../supervision/supervision.types';
import { noticeActivities as act } from './activities';

/** One run of the handover: sent, already sent (a retried run), or no shift change at this time (e.g. Sunday 08:00). */
export async function shiftHandoverWorkflow(input: ScheduledRunInput): Promise<{ scheduleId: string; scheduledAt: string; outcome: string; detail: string }> {
  const scheduledAt = scheduledTimeOf(input);
  const result = await act.sendShiftHandover({ scheduleId: input.scheduleId, scheduledAt });
  return { scheduleId: input.scheduleId, scheduledAt, ...result };
}
