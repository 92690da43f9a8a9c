/**
 * Cost clocks (almacenaje, sobreestadía) as pure arithmetic over Lima dates (YYYY-MM-DD): when the free days end,
 * how many days are chargeable up to a date, and what it costs if nothing is done by then.
 *
 * Counting (stated, to check against each tariff): the day the clock starts (discharge) is day 1 of the free
 * days; with `dayCount: 'calendar'` weekends and holidays are free days like any other; with `'business'` only
 * Peruvian business days consume free days (the first free day is the first business day from the start).
 * Once free time ends every calendar day is chargeable, up to and including the `until` date.
 */
import { isBusinessDay, type BusinessCalendar } from '../calendar';
import { add, sum, times, zero, type Money } from './money';
import type { ClockTariff, ContainerSize } from './tariffs';

export type CostClockKind = 'storage' | 'detention';

export interface CostClockInput {
  kind: CostClockKind;
  tariff: ClockTariff;
  /** Lima date the clock starts (discharge of the container). */
  startDate: string;
  /** Lima date up to which the cost is estimated (planned withdrawal or return, or today). */
  until: string;
  containers: Partial<Record<ContainerSize, number>>;
  /** Free days negotiated on the BL (detention): wins over the tariff's. */
  freeDaysOverride?: number;
  /** Needed only when the tariff counts business days. */
  calendar?: BusinessCalendar;
}

export interface CostClock {
  kind: CostClockKind;
  freeDays: number;
  dayCount: ClockTariff['dayCount'];
  /** Last free day (Lima date). */
  lastFreeDay: string;
  /** First day that costs money. */
  firstChargeableDay: string;
  chargeableDays: number;
  /** Per container size: count × days × daily rate. */
  lines: { size: ContainerSize; containers: number; dailyRate: Money; amount: Money }[];
  estimatedCost: Money;
  source: string;
}

const DAY_MS = 86_400_000;

export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** Whole days from `from` to `to` (to − from). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

/** The last free day: the start counts as day 1 (see the module comment for business-day tariffs). */
export function lastFreeDay(startDate: string, freeDays: number, dayCount: ClockTariff['dayCount'], calendar?: BusinessCalendar): string {
  if (freeDays <= 0) return addDays(startDate, -1);
  if (dayCount === 'calendar') return addDays(startDate, freeDays - 1);
  if (!calendar) throw new Error('Una tarifa en días hábiles necesita el calendario de negocio.');
  let day = startDate;
  let counted = 0;
  for (;;) {
    if (isBusinessDay(calendar, day) && ++counted === freeDays) return day;
    day = addDays(day, 1);
  }
}

/** What the clock will cost by `until` if nothing is done: chargeable days × daily rate × containers. */
export function costClock(input: CostClockInput): CostClock {
  const { tariff } = input;
  const freeDays = input.freeDaysOverride ?? tariff.freeDays;
  const last = lastFreeDay(input.startDate, freeDays, tariff.dayCount, input.calendar);
  const chargeableDays = Math.max(0, daysBetween(last, input.until));
  const currency = tariff.dailyRate['20'].currency;
  const lines = (['20', '40'] as const)
    .filter((size) => (input.containers[size] ?? 0) > 0)
    .map((size) => {
      const containers = input.containers[size]!;
      const dailyRate = tariff.dailyRate[size];
      return { size, containers, dailyRate, amount: times(dailyRate, containers * chargeableDays) };
    });
  return {
    kind: input.kind,
    freeDays,
    dayCount: tariff.dayCount,
    lastFreeDay: last,
    firstChargeableDay: addDays(last, 1),
    chargeableDays,
    lines,
    estimatedCost: lines.reduce((total, line) => add(total, line.amount), zero(currency)),
    source: tariff.source,
  };
}

/** Total of several clocks of the same currency (e.g. storage + detention in USD). */
export function totalCost(clocks: readonly CostClock[]): Money {
  const currency = clocks[0]?.estimatedCost.currency ?? 'USD';
  return sum(clocks.map((c) => c.estimatedCost), currency);
}
