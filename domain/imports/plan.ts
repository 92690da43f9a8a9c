/**
 * Planned vs actual milestones of an import (seed 2.1.1: keep the client informed "desde que se inicia el
 * trámite hasta la entrega de su carga"). A plan is set when the dispatch opens and re-planned as facts arrive.
 *
 * ASSUMPTIONS for the defaults, derived from the ETA when the operator gives no date (change them here or give
 * the dates when opening): levante 2 days after the ETA (discharge, numbering and channel in a usual Callao
 * week), pickup 3 days after, delivery 4 days after, empty container returned 7 days after (inside the shipping
 * lines' usual free days).
 */
import { parseInstant } from '../calendar';
import { DAY } from '../durations';
import type { DispatchState } from '../lifecycle';
import { whenAll } from './containers';
import type { DispatchPlan, PlanChange } from './import-types';

export const PLAN_DEFAULT_OFFSETS_MS = {
  expectedLevanteAt: 2 * DAY,
  plannedPickupAt: 3 * DAY,
  plannedDeliveryAt: 4 * DAY,
  plannedContainerReturnAt: 7 * DAY,
} as const;

const plus = (iso: string, ms: number) => new Date(parseInstant(iso) + ms).toISOString();

/** The plan at opening: the dates given, the rest derived from the ETA. */
export function initialPlan(eta: string, given: PlanChange = {}): DispatchPlan {
  const base = new Date(parseInstant(given.eta ?? eta)).toISOString();
  const derived = Object.fromEntries(Object.entries(PLAN_DEFAULT_OFFSETS_MS).map(([k, ms]) => [k, plus(base, ms)])) as Record<keyof typeof PLAN_DEFAULT_OFFSETS_MS, string>;
  return { eta: base, ...derived, ...definedOnly(given), revisions: 0 };
}

/** A re-plan: the dates given replace the plan's, the others stay. */
export function replan(plan: DispatchPlan, change: PlanChange, reason: string): DispatchPlan {
  return { ...plan, ...definedOnly(change), revisions: plan.revisions + 1, lastReason: reason };
}

/** The dates given, as UTC ISO strings (like every time in the state). */
function definedOnly(change: PlanChange): PlanChange {
  return Object.fromEntries(Object.entries(change).filter(([, v]) => typeof v === 'string').map(([k, v]) => [k, new Date(parseInstant(v as string)).toISOString()])) as PlanChange;
}

/** Milestones of the plan, in order, with their Spanish labels. */
export const PLAN_MILESTONES = [
  { key: 'eta', label: 'Llegada de la nave' },
  { key: 'expectedLevanteAt', label: 'Levante' },
  { key: 'plannedPickupAt', label: 'Retiro de la carga' },
  { key: 'plannedDeliveryAt', label: 'Entrega de la carga' },
  { key: 'plannedContainerReturnAt', label: 'Devolución del contenedor vacío' },
] as const;

/** One milestone: planned and actual (ISO), and the delay in whole hours (positive = late) once known or overdue. */
export interface PlanRow {
  key: (typeof PLAN_MILESTONES)[number]['key'];
  label: string;
  planned: string;
  actual?: string;
  delayHours?: number;
  /** on_time | late (done after the plan) | pending | overdue (pending past the plan). */
  state: 'on_time' | 'late' | 'pending' | 'overdue';
}

/** The actual time of each milestone: the last container's, once every container has it. */
function actualOf(s: DispatchState, key: PlanRow['key']): string | undefined {
  switch (key) {
    case 'eta': return s.dischargeEndedAt;
    case 'expectedLevanteAt': return s.levanteAt;
    case 'plannedPickupAt': return whenAll(s, (c) => c.pickedUpAt) ?? s.withdrawal.pickupAt;
    case 'plannedDeliveryAt': return whenAll(s, (c) => c.deliveredAt) ?? s.deliveredAt;
    case 'plannedContainerReturnAt': return whenAll(s, (c) => c.returnedAt) ?? s.containerReturnedAt;
  }
}

/** Planned vs actual with the delay; empty for a dispatch without a plan (opened before import-steps-2026-12, or an export). */
export function planVsActual(s: DispatchState, now: string): PlanRow[] {
  const plan = s.plan;
  if (!plan) return [];
  const nowMs = parseInstant(now);
  return PLAN_MILESTONES.map(({ key, label }) => {
    const planned = plan[key];
    const actual = actualOf(s, key);
    const ref = actual ? parseInstant(actual) : nowMs;
    const delayMs = ref - parseInstant(planned);
    const state: PlanRow['state'] = actual ? (delayMs > 0 ? 'late' : 'on_time') : delayMs > 0 ? 'overdue' : 'pending';
    return { key, label, planned, ...(actual ? { actual } : {}), ...(actual || delayMs > 0 ? { delayHours: Math.round(delayMs / 3_600_000) } : {}), state };
  });
}
