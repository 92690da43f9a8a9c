/**
 * Test-side time helpers, written independently of domain/calendar so they can act as an oracle:
 * Lima is UTC−5 all year; business time is Mon–Fri 09:00–18:00 outside the given holidays.
 */
import { nationalHolidays } from '../../activities/calendar/holidays';

const HOUR = 3_600_000;

/** The instant of a Lima wall-clock time, e.g. limaInstant('2026-12-04', 15) → 2026-12-04T20:00:00.000Z. */
export function limaInstant(date: string, hour: number, minute = 0): Date {
  return new Date(Date.parse(`${date}T00:00:00.000Z`) + (hour + 5) * HOUR + minute * 60_000);
}

export function limaDate(instant: Date): string {
  return new Date(instant.getTime() - 5 * HOUR).toISOString().slice(0, 10);
}

function limaWeekday(date: string): number {
  return new Date(`${date}T12:00:00Z`).getUTCDay(); // 0 Sunday … 6 Saturday
}

export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T12:00:00Z`) + days * 24 * HOUR).toISOString().slice(0, 10);
}

/** Minute by minute: when `businessMinutes` of office time have passed since `from`. */
export function naiveAddBusinessMinutes(from: Date, businessMinutes: number, holidays: string[]): Date {
  let t = from.getTime();
  let left = businessMinutes;
  while (left > 0) {
    const local = new Date(t - 5 * HOUR);
    const date = local.toISOString().slice(0, 10);
    const minuteOfDay = local.getUTCHours() * 60 + local.getUTCMinutes();
    const weekday = limaWeekday(date);
    if (weekday >= 1 && weekday <= 5 && !holidays.includes(date) && minuteOfDay >= 540 && minuteOfDay < 1080) left -= 1;
    t += 60_000;
  }
  return new Date(t);
}

export function peruHolidaysAround(now: Date): string[] {
  const y = now.getUTCFullYear();
  return nationalHolidays('PE', [y, y + 1]);
}

/** The first Friday after `now` (+2 days) whose next week has a Peruvian holiday from Monday to Thursday. */
export function fridayBeforeHolidayWeek(now: Date): { friday: string; holidays: string[] } {
  const holidays = peruHolidaysAround(now);
  for (let date = addDays(limaDate(now), 2); ; date = addDays(date, 1)) {
    if (limaWeekday(date) !== 5) continue;
    const nextWeek = [3, 4, 5, 6].map((d) => addDays(date, d));
    if (nextWeek.some((d) => holidays.includes(d))) return { friday: date, holidays };
  }
}

/** The first Monday after `now` (+2 days) of a week with no holiday from Monday to Friday. */
export function mondayOfPlainWeek(now: Date): { monday: string; holidays: string[] } {
  const holidays = peruHolidaysAround(now);
  for (let date = addDays(limaDate(now), 2); ; date = addDays(date, 1)) {
    if (limaWeekday(date) !== 1) continue;
    if ([0, 1, 2, 3, 4].every((d) => !holidays.includes(addDays(date, d)))) return { monday: date, holidays };
  }
}

/** Minute by minute: when `minutes` of business days (any hour of a Mon–Fri non-holiday date) have passed since `from`. */
export function naiveAddBusinessDayMinutes(from: Date, minutes: number, holidays: string[]): Date {
  let t = from.getTime();
  let left = minutes;
  while (left > 0) {
    const date = new Date(t - 5 * HOUR).toISOString().slice(0, 10);
    const weekday = limaWeekday(date);
    if (weekday >= 1 && weekday <= 5 && !holidays.includes(date)) left -= 1;
    t += 60_000;
  }
  return new Date(t);
}

/** The first Friday after `now` (+2 days) whose next Monday, Tuesday and Wednesday are ordinary business days. */
export function fridayBeforePlainWeek(now: Date): { friday: string; holidays: string[] } {
  const holidays = peruHolidaysAround(now);
  for (let date = addDays(limaDate(now), 2); ; date = addDays(date, 1)) {
    if (limaWeekday(date) !== 5) continue;
    if ([0, 3, 4, 5].every((d) => !holidays.includes(addDays(date, d)))) return { friday: date, holidays };
  }
}
