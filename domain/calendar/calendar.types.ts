/**
 * The shape of a business calendar, on its own so every calendar module imports it and none imports another
 * back: calendar.types ← local-time ← holidays ← business-calendar ← business-time. The definitions of business
 * day, hours and time are in business-calendar.ts.
 */

/** Business calendar of a country, as plain data so it serializes into workflow input. */
export interface BusinessCalendar {
  country: 'PE' | 'CO';
  /** Minutes to add to UTC to get local time: -300 for Lima and Bogotá. */
  utcOffsetMinutes: number;
  /** Non-working dates, YYYY-MM-DD in local time. */
  holidays: string[];
  /** Working days of the week, ISO numbering: 1 = Monday … 7 = Sunday. */
  workingDays: number[];
  /** Working hours of a business day, local 'HH:mm'; start must be before end (no overnight windows). */
  workingHours: { start: string; end: string };
}
