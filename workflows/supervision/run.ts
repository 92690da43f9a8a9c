import { defineSearchAttributeKey, SearchAttributeType } from '@temporalio/common';
import { log, workflowInfo } from '@temporalio/workflow';
import { localDate, type BusinessCalendar } from '../../domain/calendar';
import type { RunActivities } from './activities';
import type { ScheduledRunInput, SupervisionRunResult } from './supervision.types';

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

/** The Peruvian business calendar (national holidays + decreed days) around the scheduled time, within the run's bound. */
export function peruCalendarAround(run: Pick<RunActivities, 'calendar'>, scheduledAt: string): Promise<BusinessCalendar> {
  return run.calendar.loadBusinessCalendar({ country: 'PE', aroundIso: scheduledAt });
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
