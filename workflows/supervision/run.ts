import { defineSearchAttributeKey, SearchAttributeType } from '@temporalio/common';
import { log, proxyActivities, workflowInfo, type ActivityOptions } from '@temporalio/workflow';
import type { Activities } from '../../activities';
import { localDate, type BusinessCalendar } from '../../domain/calendar';
import type { ScheduledRunInput, SupervisionRunResult } from './supervision.types';

// Loading data and sending one email: a database or mail outage is transient, so retry with backoff capped at
// 2 minutes and no attempt limit. What bounds a run is the schedule action's execution timeout
// (schedules/definitions.ts): past it the run fails, and the schedule's pause-on-failure policy decides.
const REPORT_OPTIONS: ActivityOptions = {
  startToCloseTimeout: '2 minutes',
  retry: { initialInterval: '5 seconds', backoffCoefficient: 2, maximumInterval: '2 minutes' },
};
export const reports = proxyActivities<Activities>(REPORT_OPTIONS);

// Set by the server on every workflow a schedule starts (scheduled runs, trigger and backfill alike).
const SCHEDULED_START = defineSearchAttributeKey('TemporalScheduledStartTime', SearchAttributeType.DATETIME);

/** The run's scheduled time: explicit input, else TemporalScheduledStartTime, else the workflow's start. */
export function scheduledTimeOf(input: ScheduledRunInput): string {
  if (input.scheduledAt) return new Date(input.scheduledAt).toISOString();
  const info = workflowInfo();
  const typed = info.typedSearchAttributes.get(SCHEDULED_START);
  if (typed) return typed.toISOString();
  const raw = info.searchAttributes?.TemporalScheduledStartTime?.[0];
  if (raw) return new Date(raw as string | Date).toISOString();
  return info.startTime.toISOString();
}

// A run that starts within this long of its scheduled time is live: it reports as of its actual start.
const LIVE_RUN_MS = 60 * 60_000;

/**
 * The instant a run's data is "as of": its actual start for a live run (the scheduled time the server records
 * for a trigger was seen lagging the trigger by seconds under load), its scheduled time for a backfilled or
 * caught-up run, which must describe the past. The email key and the holiday check always use the scheduled time.
 */
export function asOfFor(scheduledAt: string): string {
  const started = workflowInfo().startTime.getTime();
  const scheduled = Date.parse(scheduledAt);
  return started > scheduled && started - scheduled < LIVE_RUN_MS ? new Date(started).toISOString() : scheduledAt;
}

/** The Peruvian business calendar (national holidays + decreed days) around the scheduled time. */
export function peruCalendarAround(scheduledAt: string): Promise<BusinessCalendar> {
  return reports.loadBusinessCalendar({ country: 'PE', aroundIso: scheduledAt });
}

/** The holiday's date when the scheduled time falls on a Peruvian holiday (Lima date), else undefined. */
export function holidayOn(cal: BusinessCalendar, scheduledAt: string): string | undefined {
  const day = localDate(cal, scheduledAt);
  return cal.holidays.includes(day) ? day : undefined;
}

/** The result of a run skipped because of a holiday, logged so it reads clearly in the worker log. */
export function skippedForHoliday(scheduleId: string, scheduledAt: string, day: string): SupervisionRunResult {
  const detail = `skipped: feriado (${day})`;
  log.info(detail, { scheduleId, scheduledAt });
  return { scheduleId, scheduledAt, outcome: 'skipped', detail };
}
