/** Scheduled safety nets behind the dispatch workflows' own notices (started by Temporal Schedules, see schedules/). */
import { log } from '@temporalio/workflow';
import { escalationRecheckRun, expirySweepRun } from './activities';
import { asOfFor, holidayOn, peruCalendarAround, scheduledTimeOf, skippedForHoliday } from './run';
import type { EscalationRecheckInput, ExpirySweepWorkflowInput, SupervisionRunResult } from './supervision.types';

/** Expiry sweep: temporary regimes (20/70) and client mandates expiring soon, and reminders missing from the log. */
export async function expirySweepWorkflow(input: ExpirySweepWorkflowInput): Promise<SupervisionRunResult> {
  const scheduledAt = scheduledTimeOf(input);
  const holiday = holidayOn(await peruCalendarAround(expirySweepRun, scheduledAt), scheduledAt);
  if (holiday) return skippedForHoliday(input.scheduleId, scheduledAt, holiday);
  const { scheduleId, regimeHorizonDays, mandateHorizonDays, reminderDays } = input;
  const result = await expirySweepRun.scan.sendExpirySweep({ scheduleId, scheduledAt, asOf: asOfFor(scheduledAt), regimeHorizonDays, mandateHorizonDays, reminderDays });
  return { scheduleId, scheduledAt, ...result };
}

/**
 * Escalation re-check: sends escalations that should have gone out (e.g. while the mail server was down) and
 * are not in the sent-mail log, with the dispatch workflow's own key, so never twice. Runs on holidays too:
 * escalations do not wait for business days.
 */
export async function escalationRecheckWorkflow(input: EscalationRecheckInput): Promise<SupervisionRunResult> {
  const scheduledAt = scheduledTimeOf(input);
  const { checked, sent } = await escalationRecheckRun.scan.recheckEscalations({ graceMs: input.graceMs });
  if (sent.length) log.warn('escalations sent by the re-check', { sent });
  return { scheduleId: input.scheduleId, scheduledAt, outcome: 'checked', detail: `${checked} dispatches checked, ${sent.length} escalations sent`, sent };
}
