/** Administración's daily report (issue #14), started by its Temporal Schedule each business day (holidays skip). */
import { proxyActivities } from '@temporalio/workflow';
import type { Activities } from '../../activities';
import { holidayOn, peruCalendarAround, scheduledTimeOf, skippedForHoliday } from './run';
import type { ScheduledRunInput, SupervisionRunResult } from './supervision.types';

// Run timeout 1 h: a few PostgreSQL reads and one email; past 10 + 40 min of retries the run fails visibly in
// Temporal Web, and the next business day's report repeats the whole picture.
const RETRY = { initialInterval: '5 seconds', backoffCoefficient: 2, maximumInterval: '2 minutes' } as const;
const administrationRun = {
  calendar: proxyActivities<Activities>({ startToCloseTimeout: '30 seconds', scheduleToCloseTimeout: '10 minutes', retry: RETRY }),
  scan: proxyActivities<Activities>({ startToCloseTimeout: '5 minutes', scheduleToCloseTimeout: '40 minutes', retry: RETRY }),
};

/** Advances and deposits per dispatch in progress and what is pending to invoice, to Administración. */
export async function administrationReportWorkflow(input: ScheduledRunInput): Promise<SupervisionRunResult> {
  const scheduledAt = scheduledTimeOf(input);
  const holiday = holidayOn(await peruCalendarAround(administrationRun, scheduledAt), scheduledAt);
  if (holiday) return skippedForHoliday(input.scheduleId, scheduledAt, holiday);
  const result = await administrationRun.scan.sendAdministrationReport({ scheduleId: input.scheduleId, scheduledAt });
  return { scheduleId: input.scheduleId, scheduledAt, ...result };
}
