/**
 * The client's electronic mandate (poder) to the broker (seed 2.1.13; DOMAIN.md: valid up to one year, renewed 30
 * days before it expires): the rules of a recorded mandate and the reminders before it expires, sent to the
 * client's titular executive by one workflow per client (`mandate-expiry-<RUC>`). Pure.
 *
 * Dates: a mandate is granted and expires on a Lima calendar day; both are kept as the instant that day starts in
 * Lima (00:00 −05:00), like the expiry sweep reads them.
 */
import { addCalendarMonths, formatAtOffset, LIMA_UTC_OFFSET_MINUTES } from './calendar';
import { DAY } from './durations';

/** Reminders to the executive this many days before the mandate expires. */
export const MANDATE_REMINDER_DAYS = [30, 7] as const;
/** A mandate is granted for up to one year. */
export const MANDATE_MAX_MONTHS = 12;

/** The instant a Lima calendar day (YYYY-MM-DD) starts. */
export function limaDayStart(day: string): string {
  return new Date(`${day}T00:00:00-05:00`).toISOString();
}

/** What is wrong with a mandate to record (Spanish), empty when it can be recorded. */
export function mandateProblems(grantedAt: string, expiresAt: string, now: string): string[] {
  const problems: string[] = [];
  const limaDay = (iso: string) => formatAtOffset(iso, LIMA_UTC_OFFSET_MINUTES).slice(0, 10);
  if (Date.parse(expiresAt) <= Date.parse(grantedAt)) problems.push('La fecha de vencimiento del mandato debe ser posterior a la de otorgamiento.');
  const longest = addCalendarMonths(grantedAt, MANDATE_MAX_MONTHS, LIMA_UTC_OFFSET_MINUTES);
  if (Date.parse(expiresAt) > Date.parse(longest)) problems.push(`El mandato electrónico dura como máximo un año: otorgado el ${limaDay(grantedAt)}, debe vencer a más tardar el ${limaDay(longest)}.`);
  if (Date.parse(expiresAt) <= Date.parse(now)) problems.push('El mandato ya venció: registre el mandato renovado con su nueva fecha de vencimiento.');
  return problems;
}

export interface MandateReminder {
  daysBefore: number;
  dueAt: string;
  /** Unique per mandate (its expiry) and threshold: the email's idempotency key suffix. */
  key: string;
}

/** The reminders of a mandate expiring at `expiresAt`, earliest first. */
export function mandateReminders(expiresAt: string, days: readonly number[] = MANDATE_REMINDER_DAYS): MandateReminder[] {
  return [...new Set(days)]
    .sort((a, b) => b - a)
    .map((daysBefore) => ({ daysBefore, dueAt: new Date(Date.parse(expiresAt) - daysBefore * DAY).toISOString(), key: `${expiresAt}/${daysBefore}d` }));
}

/**
 * The next reminder to send and the ones to skip: of several already due (a mandate recorded 10 days before it
 * expires), only the nearest to the expiry goes out; none once it expired. Undefined when nothing is left.
 */
export function nextMandateReminder(expiresAt: string, days: readonly number[], done: readonly string[], now: string): { next?: MandateReminder; skip: string[] } {
  if (Date.parse(expiresAt) <= Date.parse(now)) return { skip: [] };
  const open = mandateReminders(expiresAt, days).filter((r) => !done.includes(r.key));
  const due = open.filter((r) => Date.parse(r.dueAt) <= Date.parse(now));
  const skip = due.slice(0, -1).map((r) => r.key);
  return { next: open.find((r) => !skip.includes(r.key)), skip };
}
