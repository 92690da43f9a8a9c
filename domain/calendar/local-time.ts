/**
 * Conversions between UTC instants (ISO strings) and the calendar's local time. "Local ms" is a UTC epoch value
 * shifted by the fixed offset, read back with the UTC getters, so nothing here depends on the host's time zone.
 */
import type { BusinessCalendar } from './calendar.types';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
// An instant must carry its zone: a bare "2026-07-28T10:00" would be read in the host's zone.
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;
const LOCAL_DATE = /^\d{4}-\d{2}-\d{2}$/;
const HH_MM = /^(\d{2}):(\d{2})$/;

/** Epoch ms of an ISO 8601 instant with a zone (Z or ±hh:mm). Throws RangeError otherwise. */
export function parseInstant(iso: string): number {
  const ms = ISO_INSTANT.test(iso) ? Date.parse(iso) : NaN;
  if (Number.isNaN(ms)) throw new RangeError(`invalid ISO instant (a zone is required): "${iso}"`);
  return ms;
}

/** Local ms at 00:00 of a YYYY-MM-DD date. Throws RangeError on anything else. */
export function parseLocalDate(date: string): number {
  const ms = LOCAL_DATE.test(date) ? Date.parse(`${date}T00:00:00Z`) : NaN;
  if (Number.isNaN(ms) || new Date(ms).toISOString().slice(0, 10) !== date) {
    throw new RangeError(`invalid date "${date}": use YYYY-MM-DD`);
  }
  return ms;
}

/** Minutes after local midnight of an 'HH:mm' time; '24:00' is allowed as an end of day. */
export function parseClockTime(hhmm: string): number {
  const match = HH_MM.exec(hhmm);
  const minutes = match ? Number(match[1]) * 60 + Number(match[2]) : NaN;
  if (!match || Number(match[2]) > 59 || !(minutes <= 24 * 60)) {
    throw new RangeError(`invalid time "${hhmm}": use HH:mm`);
  }
  return minutes;
}

export function toLocalMs(cal: BusinessCalendar, iso: string): number {
  return parseInstant(iso) + cal.utcOffsetMinutes * MINUTE;
}

export function localMsToIso(cal: BusinessCalendar, localMs: number): string {
  return new Date(localMs - cal.utcOffsetMinutes * MINUTE).toISOString();
}

/** Local ms at 00:00 of the local day containing `localMs`. */
export function startOfLocalDay(localMs: number): number {
  return Math.floor(localMs / DAY) * DAY;
}

export function localDateOfLocalMs(localMs: number): string {
  return new Date(localMs).toISOString().slice(0, 10);
}

/** ISO weekday of a local ms value: 1 = Monday … 7 = Sunday. */
export function weekdayOfLocalMs(localMs: number): number {
  return ((new Date(localMs).getUTCDay() + 6) % 7) + 1;
}

/** Local calendar date (YYYY-MM-DD) of an instant. */
export function localDate(cal: BusinessCalendar, iso: string): string {
  return localDateOfLocalMs(toLocalMs(cal, iso));
}

/** 'dd/mm/yyyy HH:mm' in local time, for Spanish messages. */
export function formatLocal(cal: BusinessCalendar, iso: string): string {
  return formatAtOffset(iso, cal.utcOffsetMinutes);
}

/** 'dd/mm/yyyy HH:mm' of an instant at a fixed UTC offset (-300 for Lima), when no calendar is at hand. */
export function formatAtOffset(iso: string, utcOffsetMinutes: number): string {
  const text = new Date(parseInstant(iso) + utcOffsetMinutes * MINUTE).toISOString();
  return `${text.slice(8, 10)}/${text.slice(5, 7)}/${text.slice(0, 4)} ${text.slice(11, 16)}`;
}
