/**
 * The cost clocks of one dispatch, per container (storage until pickup, detention until the empty return), over
 * the tariffs fixed when the dispatch opened (data in the workflow's book, never a constant read at run time).
 * Pure: the schedule plans the warning and the escalation from it, the dispatch view shows accrued and projected
 * figures, and the liquidation file takes the final ones.
 */
import { isBusinessDay, localDate, type BusinessCalendar } from '../calendar';
import type { DispatchInput } from '../dispatch';
import type { DispatchState } from '../lifecycle';
import { containerFacts } from './container-facts';
import { addDays, costClock, type CostClockKind } from './cost-clock';
import { add, zero, type Money } from './money';
import { detentionTariff, type ClockTariff, type ContainerSize, type CostTariffs } from './tariffs';

/** The tariffs of a dispatch's cost clocks, resolved at opening (terminal's storage, line's detention). */
export interface DispatchCostTerms {
  storage: ClockTariff;
  detention: ClockTariff;
  /** Free days of detention negotiated on the BL: win over the line's. */
  detentionFreeDays?: number;
}

/** The terms for a dispatch from a tariff table (the API passes DEFAULT_TARIFFS or the client's). */
export function costTermsFor(tariffs: CostTariffs, terminal: DispatchInput['terminal'], shippingLine?: string, detentionFreeDays?: number): DispatchCostTerms {
  return { storage: tariffs.storage[terminal], detention: detentionTariff(tariffs, shippingLine), ...(detentionFreeDays !== undefined ? { detentionFreeDays } : {}) };
}

export interface ContainerCostClock {
  kind: CostClockKind;
  containerNumber: string;
  size: ContainerSize;
  /** Lima dates. */
  startDate: string;
  lastFreeDay: string;
  firstChargeableDay: string;
  /** The executive is warned at 09:00 Lima of the last business day before the first chargeable day. */
  warnAt: string;
  /** Cost starts accruing: Lima midnight of the first chargeable day. */
  accruesAt: string;
  dailyRate: Money;
  /** When the clock stopped (pickup or return), Lima date; absent while running. */
  stoppedOn?: string;
  /** Cost if nothing is done: chargeable days up to the first business day on or after the first chargeable day. */
  estimatedUntil: string;
  estimatedDays: number;
  estimatedCost: Money;
  /** Accrued so far (or final, once stopped). */
  accruedDays: number;
  accruedCost: Money;
  source: string;
}

/** Lima has no daylight saving time: midnight is 05:00 UTC. */
export const limaMidnight = (date: string) => `${date}T05:00:00.000Z`;
const limaNineAm = (date: string) => `${date}T14:00:00.000Z`;

function firstBusinessDayFrom(cal: BusinessCalendar, date: string): string {
  let d = date;
  for (let i = 0; i < 60 && !isBusinessDay(cal, d); i++) d = addDays(d, 1);
  return d;
}

function lastBusinessDayBefore(cal: BusinessCalendar, date: string): string {
  let d = addDays(date, -1);
  for (let i = 0; i < 60 && !isBusinessDay(cal, d); i++) d = addDays(d, -1);
  return d;
}

/** Every cost clock of the dispatch's containers that has started (discharge recorded), running or stopped. */
export function containerCostClocks(
  state: DispatchState,
  input: Pick<DispatchInput, 'containers'>,
  terms: DispatchCostTerms,
  calendar: BusinessCalendar,
  now: string,
): ContainerCostClock[] {
  const today = localDate(calendar, now);
  return containerFacts(state, input).flatMap((c) => {
    if (!c.dischargeEndedAt) return [];
    const startDate = localDate(calendar, c.dischargeEndedAt);
    return (['storage', 'detention'] as const).map((kind) => {
      const tariff = kind === 'storage' ? terms.storage : terms.detention;
      const stopIso = kind === 'storage' ? c.pickedUpAt : c.returnedAt;
      const stoppedOn = stopIso ? localDate(calendar, stopIso) : undefined;
      const base = { kind, tariff, startDate, containers: { [c.size]: 1 }, calendar, ...(kind === 'detention' && terms.detentionFreeDays !== undefined ? { freeDaysOverride: terms.detentionFreeDays } : {}) };
      const probe = costClock({ ...base, until: startDate });
      const estimatedUntil = firstBusinessDayFrom(calendar, probe.firstChargeableDay);
      const estimate = costClock({ ...base, until: estimatedUntil });
      const accrued = costClock({ ...base, until: stoppedOn ?? today });
      return {
        kind,
        containerNumber: c.containerNumber,
        size: c.size,
        startDate,
        lastFreeDay: probe.lastFreeDay,
        firstChargeableDay: probe.firstChargeableDay,
        warnAt: limaNineAm(lastBusinessDayBefore(calendar, probe.firstChargeableDay)),
        accruesAt: limaMidnight(probe.firstChargeableDay),
        dailyRate: tariff.dailyRate[c.size],
        ...(stoppedOn ? { stoppedOn } : {}),
        estimatedUntil,
        estimatedDays: estimate.chargeableDays,
        estimatedCost: estimate.estimatedCost,
        accruedDays: accrued.chargeableDays,
        accruedCost: accrued.estimatedCost,
        source: tariff.source,
      };
    });
  });
}

/** Totals per currency of a list of amounts (never mixed). */
export function totalsByCurrency(amounts: readonly Money[]): Money[] {
  const totals = new Map<Money['currency'], Money>();
  for (const a of amounts) totals.set(a.currency, add(totals.get(a.currency) ?? zero(a.currency), a));
  return [...totals.values()];
}

/** What the dispatch view shows: every clock, what has accrued and what the running ones will cost if nothing is done. */
export interface DispatchCostsView {
  clocks: ContainerCostClock[];
  accrued: Money[];
  projected: Money[];
  /** Earliest instant a running clock starts costing money (absent when none will). */
  nextChargeAt?: string;
}

export function dispatchCostsView(clocks: ContainerCostClock[], now: string): DispatchCostsView {
  const running = clocks.filter((c) => !c.stoppedOn);
  const upcoming = running.filter((c) => c.accruesAt > now).map((c) => c.accruesAt).sort();
  return {
    clocks,
    accrued: totalsByCurrency(clocks.map((c) => c.accruedCost)),
    // Projected: the final figure of stopped clocks, the larger of accrued and "if nothing is done" for running ones.
    projected: totalsByCurrency(clocks.map((c) => (c.stoppedOn ? c.accruedCost : c.accruedDays > c.estimatedDays ? c.accruedCost : c.estimatedCost))),
    ...(upcoming[0] ? { nextChargeAt: upcoming[0] } : {}),
  };
}
