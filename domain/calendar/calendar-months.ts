import { parseInstant } from './local-time';

/**
 * Adds calendar months to an instant as a person at `offsetMinutes` from UTC counts them: the same day of the
 * month and the same local time, months later; a day the target month lacks becomes its last day (31 August +
 * 18 months = 29 February 2028, a leap year; + 6 months = 28 February 2027). Lima has no daylight saving, so a
 * fixed offset is exact there.
 */
export function addCalendarMonths(iso: string, months: number, offsetMinutes: number): string {
  const local = new Date(parseInstant(iso) + offsetMinutes * 60_000); // its UTC fields are the local fields
  const year = local.getUTCFullYear();
  const month = local.getUTCMonth() + months;
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  const day = Math.min(local.getUTCDate(), lastDay);
  const target = Date.UTC(year, month, day, local.getUTCHours(), local.getUTCMinutes(), local.getUTCSeconds(), local.getUTCMilliseconds());
  return new Date(target - offsetMinutes * 60_000).toISOString();
}
