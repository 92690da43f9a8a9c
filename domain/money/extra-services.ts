/**
 * Extraordinary services billed by themselves (glosa 10110, money-clocks-2026-12): an operator action done outside
 * office hours — the night shift 22:00–08:00 of a business day, a weekend or a holiday of the business calendar,
 * Lima time — or outside the scope agreed with the client becomes one automatic 10110, priced from the client's
 * tariff (a decimal string in soles). The executive may void it with a reason.
 */
import { isBusinessDay, localDate, type BusinessCalendar } from '../calendar';
import { money, type Money } from './money';

/** What the client agreed: the price of each kind of extraordinary service, and the actions its fee covers. */
export interface ExtraServiceTerms {
  /** Per action done out of hours, soles, e.g. "150.00". */
  outOfHoursAmountPen: string;
  /** Per action outside the agreed scope, soles. */
  outOfScopeAmountPen: string;
  /** Workflow actions (update names, e.g. "bookAppointment") the agency fee covers; absent: every action. */
  scope?: string[];
}

/** Office hours in Lima: the night shift runs from 22:00 to 08:00. */
export const NIGHT_SHIFT = { startsHour: 22, endsHour: 8 } as const;

/**
 * Actions that are bookkeeping, not a service to the client: never billed by themselves (the 10110 itself, its
 * void, incidents and complaints, the payment request, the cancellation, originals to the Archive).
 */
export const NOT_BILLABLE_ACTIONS: readonly string[] = [
  'recordExtraordinaryService',
  'voidExtraordinaryService',
  'logIncident',
  'logComplaint',
  'complaintReported',
  'recordStatusGlosa',
  'requestThirdPartyPayment',
  'cancelDispatch',
  'closeDispatch',
  'originalsDelivered',
  'invoiceRegularized',
];

/** True outside office hours: a non-business day (weekend, holiday) or the night shift of a business day. */
export function isOutOfHours(cal: BusinessCalendar, iso: string): boolean {
  if (!isBusinessDay(cal, localDate(cal, iso))) return true;
  const hour = new Date(Date.parse(iso) + cal.utcOffsetMinutes * 60_000).getUTCHours();
  return hour >= NIGHT_SHIFT.startsHour || hour < NIGHT_SHIFT.endsHour;
}

export type ExtraServiceReason = 'out_of_hours' | 'out_of_scope';

/** The automatic 10110 an action calls for (one at most: out of hours wins when both apply), or undefined. */
export function automaticExtraService(
  terms: ExtraServiceTerms,
  cal: BusinessCalendar,
  action: string,
  at: string,
): { reason: ExtraServiceReason; amount: Money } | undefined {
  if (NOT_BILLABLE_ACTIONS.includes(action)) return undefined;
  if (isOutOfHours(cal, at)) return { reason: 'out_of_hours', amount: money(terms.outOfHoursAmountPen, 'PEN') };
  if (terms.scope && !terms.scope.includes(action)) return { reason: 'out_of_scope', amount: money(terms.outOfScopeAmountPen, 'PEN') };
  return undefined;
}

/** Spanish description of an automatic 10110. */
export function automaticDescription(reason: ExtraServiceReason, actionLabel: string): string {
  return reason === 'out_of_hours'
    ? `Servicio fuera de horario (automático): ${actionLabel}`
    : `Servicio fuera del alcance pactado (automático): ${actionLabel}`;
}

/** A 10110 amount as stored in a glosa or the book: decimal string (new dispatches) or number (older ones). */
export function penAmount(value: unknown): string | null {
  if (typeof value === 'number' && Number.isFinite(value)) return value.toFixed(2);
  if (typeof value === 'string' && /^(0|[1-9][0-9]{0,11})(\.[0-9]{1,2})?$/.test(value)) return money(value, 'PEN').amount;
  return null;
}

/**
 * The 10110 glosa rows that still bill: a void is itself a 10110 row (`voids: true`, append-only history), and the
 * service it voids no longer counts.
 */
export function billedServiceRows<T extends { dispatchId: string; payload: unknown }>(rows: readonly T[]): T[] {
  const p = (r: T) => (r.payload ?? {}) as Record<string, unknown>;
  const voided = new Set(rows.filter((r) => p(r).voids === true).map((r) => `${r.dispatchId}/${String(p(r).serviceId)}`));
  return rows.filter((r) => p(r).voids !== true && !voided.has(`${r.dispatchId}/${String(p(r).serviceId)}`));
}
