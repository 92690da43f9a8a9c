/**
 * Scheduled reports (started by Temporal Schedules, see schedules/): each run reads its scheduled time, skips
 * Peruvian holidays, and sends at most one email keyed by schedule id + scheduled time.
 */
import { log } from '@temporalio/workflow';
import { weekendProgrammingPlan } from '../../domain/reports';
import { clientReportRun, digestRun, weekendRun } from './activities';
import { asOfFor, holidayOn, peruCalendarAround, scheduledTimeOf, skippedForHoliday } from './run';
import type { ClientStatusReportInput, ScheduledRunInput, SupervisionRunResult, WeekendProgrammingInput } from './supervision.types';

/** A client's status report: its open dispatches with their latest glosa 40025; nothing when nothing is open. */
export async function clientStatusReportWorkflow(input: ClientStatusReportInput): Promise<SupervisionRunResult> {
  const scheduledAt = scheduledTimeOf(input);
  const holiday = holidayOn(await peruCalendarAround(clientReportRun, scheduledAt), scheduledAt);
  if (holiday) return skippedForHoliday(input.scheduleId, scheduledAt, holiday);
  const result = await clientReportRun.scan.sendClientStatusReport({ scheduleId: input.scheduleId, scheduledAt, clientRuc: input.clientRuc });
  log.info('client status report', { scheduleId: input.scheduleId, scheduledAt, outcome: result.outcome });
  return { scheduleId: input.scheduleId, scheduledAt, ...result };
}

/** The supervisor digest at the end of the night shift (08:00 Lima). */
export async function supervisorDigestWorkflow(input: ScheduledRunInput): Promise<SupervisionRunResult> {
  const scheduledAt = scheduledTimeOf(input);
  const holiday = holidayOn(await peruCalendarAround(digestRun, scheduledAt), scheduledAt);
  if (holiday) return skippedForHoliday(input.scheduleId, scheduledAt, holiday);
  const result = await digestRun.scan.sendSupervisorDigest({ scheduleId: input.scheduleId, scheduledAt, asOf: asOfFor(scheduledAt) });
  return { scheduleId: input.scheduleId, scheduledAt, ...result };
}

/** Weekend programming to Operations, on the last business day before the weekend (Thursday if Friday is a holiday). */
export async function weekendProgrammingWorkflow(input: WeekendProgrammingInput): Promise<SupervisionRunResult> {
  const scheduledAt = scheduledTimeOf(input);
  const cal = await peruCalendarAround(weekendRun, scheduledAt);
  const holiday = holidayOn(cal, scheduledAt);
  if (holiday) return skippedForHoliday(input.scheduleId, scheduledAt, holiday);
  const plan = weekendProgrammingPlan(cal, scheduledAt);
  if (!plan.run) {
    log.info(`skipped: ${plan.reason}`, { scheduleId: input.scheduleId, scheduledAt });
    return { scheduleId: input.scheduleId, scheduledAt, outcome: 'skipped', detail: `skipped: ${plan.reason}` };
  }
  const result = await weekendRun.scan.sendWeekendProgramming({ scheduleId: input.scheduleId, scheduledAt, plan, recipients: input.recipients });
  return { scheduleId: input.scheduleId, scheduledAt, ...result };
}
