/**
 * Holiday lists are data: national holidays come from the `date-holidays` package (loaded by an activity) and
 * days off decreed at short notice from the database. A business day is a working day that is not in the list;
 * see business-calendar.ts for the full definition of business time.
 */
import { parseLocalDate } from './local-time';

/** Union of holiday lists: validated YYYY-MM-DD dates, without duplicates, sorted. Throws RangeError on a bad date. */
export function mergeHolidays(...lists: readonly (readonly string[])[]): string[] {
  const all = new Set<string>();
  for (const list of lists) {
    for (const date of list) {
      parseLocalDate(date);
      all.add(date);
    }
  }
  return [...all].sort();
}
