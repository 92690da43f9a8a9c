/**
 * Work shifts (turnos) as data: the days a shift starts on and its local start and end. A shift whose end is not
 * after its start runs overnight into the next day: the night shift (seed 2.5.1) starts Monday to Friday at 22:00
 * and ends at 08:00 the next morning, so Saturday 03:00 is still Friday's night shift and Monday 03:00 is nobody's.
 * Local time is Lima's fixed UTC−5 (see domain/calendar: no daylight saving in Peru).
 */
import { LIMA_UTC_OFFSET_MINUTES, parseInstant } from '../calendar';
import { parseClockTime } from '../calendar/local-time';

export interface Shift {
  /** Stable code, e.g. "night". */
  id: string;
  /** Shown to people (Spanish). */
  name: string;
  /** ISO weekdays the shift starts on: 1 = Monday … 7 = Sunday. */
  days: number[];
  /** Local 'HH:mm'. */
  start: string;
  /** Local 'HH:mm'; not after `start` = the next day. */
  end: string;
  /** Meal break (refrigerio), informative: the person stays responsible during it. */
  breakTime?: { start: string; end: string };
}

const WEEKDAYS = [1, 2, 3, 4, 5];

/** Night shift of the executives (seed 2.5.1): Mon–Fri 22:00 → 08:00 next day, refrigerio 03:00–04:00. */
export const NIGHT_SHIFT: Shift = { id: 'night', name: 'Turno noche', days: WEEKDAYS, start: '22:00', end: '08:00', breakTime: { start: '03:00', end: '04:00' } };
/** Day shift: Mon–Fri 08:00–17:00, the night shift hands over at 08:00. */
export const DAY_SHIFT: Shift = { id: 'day', name: 'Turno día', days: WEEKDAYS, start: '08:00', end: '17:00' };
/** Afternoon shift: Mon–Fri 13:00–22:00, until the night shift comes in. */
export const AFTERNOON_SHIFT: Shift = { id: 'afternoon', name: 'Turno tarde', days: WEEKDAYS, start: '13:00', end: '22:00' };

export const DEFAULT_SHIFTS: readonly Shift[] = [NIGHT_SHIFT, DAY_SHIFT, AFTERNOON_SHIFT];

const MINUTES_PER_DAY = 24 * 60;

/** Lima weekday (1–7) and minute of the day of an instant. */
function limaClock(instant: string, utcOffsetMinutes: number): { weekday: number; minute: number } {
  const localMs = parseInstant(instant) + utcOffsetMinutes * 60_000;
  const d = new Date(localMs);
  return { weekday: ((d.getUTCDay() + 6) % 7) + 1, minute: d.getUTCHours() * 60 + d.getUTCMinutes() };
}

const minuteOf = (hhmm: string) => parseClockTime(hhmm);
const previousWeekday = (weekday: number) => (weekday === 1 ? 7 : weekday - 1);

/** What is wrong with a shift (empty when valid). */
export function shiftProblems(s: Shift): string[] {
  const problems: string[] = [];
  if (s.days.length === 0 || s.days.some((d) => !Number.isInteger(d) || d < 1 || d > 7)) problems.push('days must be ISO weekdays 1–7');
  for (const t of [s.start, s.end]) if (!/^([01]\d|2[0-3]):[0-5]\d$/.test(t)) problems.push(`${t} is not a local time HH:mm`);
  if (s.start === s.end) problems.push('a shift cannot start and end at the same time');
  return problems;
}

/** True when the instant falls inside the shift (start included, end excluded), Lima time by default. */
export function isOnShift(shift: Shift, instant: string, utcOffsetMinutes = LIMA_UTC_OFFSET_MINUTES): boolean {
  const { weekday, minute } = limaClock(instant, utcOffsetMinutes);
  const start = minuteOf(shift.start);
  const end = minuteOf(shift.end);
  if (end > start) return shift.days.includes(weekday) && minute >= start && minute < end;
  // Overnight: the evening part belongs to today's start, the morning part to yesterday's.
  return (shift.days.includes(weekday) && minute >= start) || (shift.days.includes(previousWeekday(weekday)) && minute < end % MINUTES_PER_DAY);
}
