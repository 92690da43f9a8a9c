/**
 * Business calendar of a country, as plain data (its shape, `BusinessCalendar`, is in calendar.types.ts) so it
 * serializes into workflow input.
 *
 * Definitions used everywhere in Levante:
 * - business day: a working day of the week (Mon–Fri by default) that is not a holiday;
 * - business hours: the time inside `workingHours` (09:00–18:00 local by default) of a business day;
 * - business time: the sum of business hours, so "24 business hours" is 24 h of working time, i.e. two full
 *   9-hour days and 6 h of the third: from Monday 09:00 it ends on Wednesday 15:00.
 *
 * Holidays are data (local YYYY-MM-DD dates): domain/ may not import npm packages, so an activity loads them
 * from `date-holidays` plus the non-working days decreed at short notice (stored in the database). Adding a
 * date with `withHolidays` and recomputing is how open deadlines are re-planned.
 *
 * Time zone as a fixed offset: America/Lima and America/Bogota are both UTC−5 and observe no daylight saving
 * (Peru last did in 1994, Colombia in 1993), so a fixed `utcOffsetMinutes` of -300 is exact for every date
 * Levante handles and avoids `Intl`/tz-database lookups, which the workflow sandbox cannot rely on.
 */
import type { BusinessCalendar } from './calendar.types';
import { mergeHolidays } from './holidays';
import { localDateOfLocalMs, parseLocalDate, weekdayOfLocalMs } from './local-time';

/** UTC offsets of America/Lima and America/Bogota (no daylight saving in either country). */
export const LIMA_UTC_OFFSET_MINUTES = -300;
export const BOGOTA_UTC_OFFSET_MINUTES = -300;

/** Office hours of the broker in Callao and of the alliance partners in Colombia. */
export const PERU_DEFAULT_HOURS = { start: '09:00', end: '18:00' } as const;
export const COLOMBIA_DEFAULT_HOURS = { start: '09:00', end: '18:00' } as const;
export const MONDAY_TO_FRIDAY = [1, 2, 3, 4, 5] as const;

/** Peruvian calendar (America/Lima), Mon–Fri 09:00–18:00, with the given holidays. */
export function peruCalendar(holidays: string[]): BusinessCalendar {
  return {
    country: 'PE',
    utcOffsetMinutes: LIMA_UTC_OFFSET_MINUTES,
    holidays: mergeHolidays(holidays),
    workingDays: [...MONDAY_TO_FRIDAY],
    workingHours: { ...PERU_DEFAULT_HOURS },
  };
}

/** Colombian calendar (America/Bogota), Mon–Fri 09:00–18:00, with the given holidays (many moved to Monday). */
export function colombiaCalendar(holidays: string[]): BusinessCalendar {
  return {
    country: 'CO',
    utcOffsetMinutes: BOGOTA_UTC_OFFSET_MINUTES,
    holidays: mergeHolidays(holidays),
    workingDays: [...MONDAY_TO_FRIDAY],
    workingHours: { ...COLOMBIA_DEFAULT_HOURS },
  };
}

/** The same calendar with more non-working days, e.g. a day off decreed at short notice. */
export function withHolidays(cal: BusinessCalendar, extra: string[]): BusinessCalendar {
  return { ...cal, holidays: mergeHolidays(cal.holidays, extra) };
}

/** True when the local date is a working day of the week and not a holiday. */
export function isBusinessDay(cal: BusinessCalendar, localDate: string): boolean {
  return isBusinessDayAtLocalMs(cal, parseLocalDate(localDate));
}

/** Same as isBusinessDay, for a local-time millisecond value (UTC ms shifted by the offset). */
export function isBusinessDayAtLocalMs(cal: BusinessCalendar, localMs: number): boolean {
  return cal.workingDays.includes(weekdayOfLocalMs(localMs)) && !cal.holidays.includes(localDateOfLocalMs(localMs));
}
