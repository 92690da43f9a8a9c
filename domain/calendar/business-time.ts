/**
 * Arithmetic on business time (see business-calendar.ts for the definitions): only the working hours of
 * business days count. Instants go in and out as ISO strings; the result is always UTC ("…Z").
 */
import { isBusinessDayAtLocalMs } from './business-calendar';
import type { BusinessCalendar } from './calendar.types';
import { localMsToIso, parseClockTime, startOfLocalDay, toLocalMs } from './local-time';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
// Ten years of days with no business time at all means a broken calendar, not a long wait.
const MAX_EMPTY_DAYS = 3660;

/** Working window of a day, in ms after local midnight. */
function workingWindow(cal: BusinessCalendar): { open: number; close: number } {
  const open = parseClockTime(cal.workingHours.start) * MINUTE;
  const close = parseClockTime(cal.workingHours.end) * MINUTE;
  if (open >= close) throw new RangeError('workingHours.start must be before workingHours.end');
  return { open, close };
}

/**
 * The instant `ms` of business time after `fromIso`. Starting outside working hours counts from the next
 * opening; a duration that ends exactly at closing time ends then (not at the next opening). Zero returns `fromIso`.
 */
export function addBusinessTime(cal: BusinessCalendar, fromIso: string, ms: number): string {
  return addWithinDailyWindow(cal, fromIso, ms, workingWindow(cal));
}

/**
 * The instant `ms` after `fromIso` counting every hour of business days (00:00–24:00 local) and none of the
 * other days: "24 hrs. útiles" read as 24 hours with non-business days skipped. Friday 17:00 + 24 h = Monday
 * 17:00 (Tuesday 17:00 when Monday is a holiday); starting on a non-business day counts from the next one's 00:00.
 */
export function addBusinessDayTime(cal: BusinessCalendar, fromIso: string, ms: number): string {
  return addWithinDailyWindow(cal, fromIso, ms, { open: 0, close: DAY });
}

function addWithinDailyWindow(cal: BusinessCalendar, fromIso: string, ms: number, { open, close }: { open: number; close: number }): string {
  if (!Number.isFinite(ms) || ms < 0) throw new RangeError(`business time must be a non-negative number: ${ms}`);
  let local = toLocalMs(cal, fromIso);
  if (ms === 0) return localMsToIso(cal, local);
  let remaining = ms;
  let emptyDays = 0;
  while (emptyDays < MAX_EMPTY_DAYS) {
    const day = startOfLocalDay(local);
    const start = Math.max(local, day + open);
    if (isBusinessDayAtLocalMs(cal, day) && start < day + close) {
      const available = day + close - start;
      if (remaining <= available) return localMsToIso(cal, start + remaining);
      remaining -= available;
      emptyDays = 0;
    } else {
      emptyDays += 1;
    }
    local = day + DAY;
  }
  throw new RangeError(`no business time in ${MAX_EMPTY_DAYS} days: check workingDays and holidays`);
}

/** Business time between two instants, in ms; negative when `toIso` is before `fromIso`. */
export function businessTimeBetween(cal: BusinessCalendar, fromIso: string, toIso: string): number {
  const from = toLocalMs(cal, fromIso);
  const to = toLocalMs(cal, toIso);
  if (to < from) return -businessTimeBetween(cal, toIso, fromIso);
  const { open, close } = workingWindow(cal);
  let total = 0;
  for (let day = startOfLocalDay(from); day < to; day += DAY) {
    if (!isBusinessDayAtLocalMs(cal, day)) continue;
    const overlap = Math.min(to, day + close) - Math.max(from, day + open);
    if (overlap > 0) total += overlap;
  }
  return total;
}
