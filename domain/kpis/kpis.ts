/**
 * The supervisor's KPIs of a period, computed from facts the read model and the audit trail hold (gathered by the
 * board, passed here as plain JSON): documents reviewed within their time, DAM drafts within the agreed time,
 * levante time by channel, regularizations within the internal target, complaints reported in time, cost alerts
 * and extra services billed. A fact counts in the period in which it was completed (or, for a complaint, logged).
 */
import { parseInstant } from '../calendar';
import { CHANNELS, type Channel } from '../dispatch';
import { HOUR } from '../durations';
import { median, percentile, ratio, round1, type Ratio } from './stats';
import type { Money } from '../money/money';
import { totalsByCurrency } from '../money/dispatch-costs';

/** One dispatch as the KPIs see it. */
export interface DispatchFacts {
  dispatchId: string;
  executiveId: string;
  clientRuc: string;
  terminal: string;
  channel: string | null;
  /** When the dispatch first reached each status (status history). */
  statusAt: Partial<Record<string, string>>;
  /** End of discharge (SADA regularization clock start), when recorded. */
  dischargeEndedAt?: string;
  modality: string;
  direction: string;
  /** The client's agreed times (its overrides, else the defaults), ms. */
  reviewMs: number;
  draftMs: number;
  regularizationTargetMs: number;
}

/** A complaint or cost contingency: logged, due (24 business hours, computed by the caller), reported when. */
export interface ComplaintFacts {
  dispatchId: string;
  kind: 'complaint' | 'cost_contingency';
  category: string;
  at: string;
  dueAt: string;
  reportedAt?: string;
}

/** A 10110 glosa: an extraordinary service billed to the client. */
export interface ServiceFacts {
  dispatchId: string;
  at: string;
  amountPen: number | null;
}

/** A container's cost clock (money-clocks-2026-12), from the read model: when it warned, what it cost or saved. */
export interface CostClockFacts {
  kind: 'storage' | 'detention';
  containerNumber: string;
  warnAt: string;
  accruesAt: string;
  /** Lima date the container was withdrawn or returned; null while running. */
  stoppedOn: string | null;
  /** Accrued so far (final once stopped). */
  accrued: Money;
  /** What it would have cost if nothing was done after the warning. */
  estimated: Money;
}

export interface LevanteTimes {
  count: number;
  medianHours: number | null;
  p90Hours: number | null;
}

export interface Kpis {
  documentsReviewedOnTime: Ratio;
  draftOnTime: Ratio;
  levanteByChannel: Record<Channel, LevanteTimes>;
  regularizationsOnTime: Ratio;
  complaintsReportedOnTime: Ratio;
  /** Cost contingencies logged (demurrage, storage, fines, transport overcost, …), by category. */
  costAlerts: { count: number; byCategory: Record<string, number>; reportedOnTime: number };
  extraServices: { count: number; amountPen: number };
  /**
   * Cost clocks whose warning fell in the period: how many, what the ones stopped before accruing saved (their
   * estimated cost), and what the others cost (accrued), per currency.
   */
  costClocks: { warned: number; saved: Money[]; cost: Money[] };
}

export interface Period {
  from: string;
  to: string;
}

const within = (iso: string | undefined, p: Period): iso is string => Boolean(iso) && parseInstant(iso!) >= parseInstant(p.from) && parseInstant(iso!) < parseInstant(p.to);
const span = (from: string, to: string) => parseInstant(to) - parseInstant(from);

/** Measured intervals that ended in the period: [start, end, allowed ms]. */
function intervals(facts: readonly DispatchFacts[], p: Period, pick: (f: DispatchFacts) => [string | undefined, string | undefined, number]): Ratio {
  let hits = 0;
  let total = 0;
  for (const f of facts) {
    const [start, end, allowed] = pick(f);
    if (!start || !within(end, p)) continue;
    total += 1;
    if (span(start, end) <= allowed) hits += 1;
  }
  return ratio(hits, total);
}

function regularizationStart(f: DispatchFacts): string | undefined {
  if (f.direction === 'export') return f.statusAt.shipped;
  return f.modality === 'anticipado' ? f.dischargeEndedAt : undefined;
}

/** The KPIs of one period; `now` decides whether an unreported complaint is already late. */
export function computeKpis(
  input: { dispatches: readonly DispatchFacts[]; complaints: readonly ComplaintFacts[]; services: readonly ServiceFacts[]; costClocks?: readonly CostClockFacts[] },
  p: Period,
  now: string,
): Kpis {
  const { dispatches, complaints, services } = input;
  // Warned: the warning fell in the period and before the container moved (stoppedOn is a Lima date: same-day counts).
  const limaDay = (iso: string) => new Date(parseInstant(iso) - 5 * HOUR).toISOString().slice(0, 10);
  const warned = (input.costClocks ?? []).filter(
    (c) => within(c.warnAt, p) && parseInstant(c.warnAt) <= parseInstant(now) && (c.stoppedOn === null || limaDay(c.warnAt) <= c.stoppedOn),
  );
  const accrued = (c: CostClockFacts) => /[1-9]/.test(c.accrued.amount);
  const levanteByChannel = Object.fromEntries(
    CHANNELS.map((channel) => {
      const hours = dispatches
        .filter((f) => f.channel === channel && f.statusAt.dam_numbered && within(f.statusAt.released, p))
        .map((f) => span(f.statusAt.dam_numbered!, f.statusAt.released!) / HOUR);
      return [channel, { count: hours.length, medianHours: round1(median(hours)), p90Hours: round1(percentile(hours, 90)) }];
    }),
  ) as Record<Channel, LevanteTimes>;
  // A complaint counts once it is reported or its time is up; one still within its time is not judged yet.
  const judged = complaints.filter((c) => within(c.at, p) && (c.reportedAt || parseInstant(c.dueAt) <= parseInstant(now)));
  const onTime = (c: ComplaintFacts) => Boolean(c.reportedAt) && parseInstant(c.reportedAt!) <= parseInstant(c.dueAt);
  const costs = complaints.filter((c) => c.kind === 'cost_contingency' && within(c.at, p));
  const billed = services.filter((s) => within(s.at, p));
  return {
    documentsReviewedOnTime: intervals(dispatches, p, (f) => [f.statusAt.documents_complete, f.statusAt.documents_reviewed, f.reviewMs]),
    draftOnTime: intervals(dispatches, p, (f) => [f.statusAt.documents_reviewed, f.statusAt.draft_emitted, f.draftMs]),
    levanteByChannel,
    regularizationsOnTime: intervals(dispatches, p, (f) => [regularizationStart(f), f.statusAt.regularized, f.regularizationTargetMs]),
    complaintsReportedOnTime: ratio(judged.filter(onTime).length, judged.length),
    costAlerts: {
      count: costs.length,
      byCategory: costs.reduce<Record<string, number>>((acc, c) => ({ ...acc, [c.category]: (acc[c.category] ?? 0) + 1 }), {}),
      reportedOnTime: costs.filter(onTime).length,
    },
    extraServices: { count: billed.length, amountPen: Math.round(billed.reduce((sum, s) => sum + (s.amountPen ?? 0), 0) * 100) / 100 },
    costClocks: {
      warned: warned.length,
      saved: totalsByCurrency(warned.filter((c) => c.stoppedOn && !accrued(c)).map((c) => c.estimated)),
      cost: totalsByCurrency(warned.filter(accrued).map((c) => c.accrued)),
    },
  };
}

/** The period cut into consecutive buckets of `bucketMs` (the last one may be shorter): the KPIs' trend. */
export function periodBuckets(p: Period, bucketMs: number): Period[] {
  const buckets: Period[] = [];
  const end = parseInstant(p.to);
  for (let start = parseInstant(p.from); start < end; start += bucketMs) {
    buckets.push({ from: new Date(start).toISOString(), to: new Date(Math.min(start + bucketMs, end)).toISOString() });
  }
  return buckets;
}

/** The period of the same length just before this one: what the trend compares with. */
export function previousPeriod(p: Period): Period {
  const length = span(p.from, p.to);
  return { from: new Date(parseInstant(p.from) - length).toISOString(), to: p.from };
}
