/**
 * The clocks of a dispatch: every obligation has an internal target (the broker's promise) and, where the law
 * sets one, a legal deadline; Levante tracks both. Durations are data (ms) so a client agreement can override
 * the internal targets and tests can run them short. Legal values come from DOMAIN.md's "Two clocks" table and
 * must be checked against the SUNAT text before a client relies on them.
 */
import { addBusinessDayTime, addBusinessTime, addCalendarMonths, type BusinessCalendar, LIMA_UTC_OFFSET_MINUTES, parseInstant } from './calendar';
import type { Regime } from './dispatch';
import { DAY, HOUR } from './durations';
import type { DispatchState } from './lifecycle';
import type { ImportClockPolicy } from './imports/import-clocks';
import type { OutboundClockPolicy } from './exports/outbound-clocks';
import { regularizesAfterShipment } from './exports/outbound-regimes';

/**
 * The import clocks' durations (domain/imports/import-clocks.ts) and the outbound regimes' terms
 * (domain/exports/outbound-clocks.ts) are optional: absent means their defaults.
 */
export interface DispatchPolicy extends Partial<ImportClockPolicy>, Partial<OutboundClockPolicy> {
  /** Review documents within this time of each receipt (calendar time). */
  documentReviewMs: number;
  /** Remind the executive this long before a review or DAM-draft deadline. */
  reviewReminderBeforeMs: number;
  /** DAM draft emitted within this time of the documents review (client agreement). */
  damDraftMs: number;
  /** A complaint or cost contingency reaches the supervisor within this much business time. */
  complaintEscalationBusinessMs: number;
  /**
   * How "24 hrs. útiles" is counted: `business_days` (default) — hours of business days, non-business days
   * skipped (Friday 17:00 → Monday 17:00); `office_hours` — only the 09:00–18:00 office hours of business days
   * (Monday 10:00 → Wednesday 16:00), a client's option. Absent in runs from before change
   * business-days-reading-2026-12, which counted office hours.
   */
  complaintEscalationReading?: 'business_days' | 'office_hours';
  /** SADA (anticipated import) regularization, from the end of discharge. */
  sadaRegularizationTargetMs: number;
  sadaRegularizationLegalMs: number;
  /** Definitive export regularization, from the end of shipment. */
  exportRegularizationTargetMs: number;
  exportRegularizationLegalMs: number;
  /**
   * Deferred dispatch (diferido): the DAM must be numbered within this time of the end of discharge, or the
   * goods fall into legal abandonment.
   */
  deferredNumberingLegalMs: number;
  /** Remind / warn this long before a regularization or numbering deadline. */
  regularizationReminderBeforeMs: number;
  /**
   * Maximum stay under temporary admission (20) and customs warehouse (70), from the levante, in calendar
   * months (Lima time). A regime absent here counts `regimeExpiryMs` instead (tests run it short; dispatches
   * opened before change regime-expiry-months-2026-12 keep the day count they started with).
   */
  regimeExpiryMonths?: Partial<Record<'20' | '70', number>>;
  /** The same stay as a duration: used for a regime without months (see above). */
  regimeExpiryMs: { '20': number; '70': number };
  /** Reminders to the client this many days before the regime expires. */
  regimeExpiryRemindersDays: number[];
  /** Export (feature export-dam-2026-12): remind the executive this long before the vessel's cargo cut-off. */
  cargoCutoffReminderBeforeMs: number;
  /** Export (feature export-dam-2026-12): shipment expected this long after the channel, per channel. */
  exportShipmentGreenMs: number;
  exportShipmentOrangeMs: number;
  exportShipmentRedMs: number;
  /** A third-party payment waiting for the client's funds reaches the supervisor after this much business-day time. */
  fundsWaitBusinessMs?: number;
  /** Originals reach the Archive within this business-day time of the end of operations (reminder after it). */
  archiveOriginalsBusinessMs?: number;
}

const LEGACY_REGIME_EXPIRY_MS = { '20': 548 * DAY, '70': 365 * DAY };

export const DEFAULT_POLICY: DispatchPolicy = {
  documentReviewMs: 48 * HOUR,
  reviewReminderBeforeMs: 6 * HOUR,
  damDraftMs: 24 * HOUR,
  complaintEscalationBusinessMs: 24 * HOUR,
  complaintEscalationReading: 'business_days',
  sadaRegularizationTargetMs: 10 * DAY,
  sadaRegularizationLegalMs: 15 * DAY,
  exportRegularizationTargetMs: 10 * DAY,
  exportRegularizationLegalMs: 30 * DAY,
  deferredNumberingLegalMs: 15 * DAY,
  regularizationReminderBeforeMs: 2 * DAY,
  // Temporary admission up to 18 months and customs warehouse up to 12 (DOMAIN.md), as calendar months.
  regimeExpiryMonths: { '20': 18, '70': 12 },
  // The day count used before calendar months (548 ≈ 18 × 30.44): an override equal to it is no override.
  regimeExpiryMs: LEGACY_REGIME_EXPIRY_MS,
  regimeExpiryRemindersDays: [90, 60, 30, 7],
  // Assumptions (no SUNAT term; the broker's practice, to confirm): remind a day before the cut-off; after the
  // channel the cargo, already in the terminal, ships within 2 days (verde), 3 (naranja: documentary review) or
  // 5 (rojo: the physical inspection must be scheduled and held first).
  cargoCutoffReminderBeforeMs: 24 * HOUR,
  exportShipmentGreenMs: 2 * DAY,
  exportShipmentOrangeMs: 3 * DAY,
  exportShipmentRedMs: 5 * DAY,
  fundsWaitBusinessMs: 24 * HOUR,
  archiveOriginalsBusinessMs: 48 * HOUR,
};

/** The default policy with a client's overrides; keys given as undefined keep the default. */
export function resolvePolicy(overrides: Partial<DispatchPolicy> = {}): DispatchPolicy {
  const defined = Object.fromEntries(Object.entries(overrides).filter(([, v]) => v !== undefined)) as Partial<DispatchPolicy>;
  return {
    ...DEFAULT_POLICY,
    ...defined,
    regimeExpiryMs: { ...DEFAULT_POLICY.regimeExpiryMs, ...defined.regimeExpiryMs },
    // A regime whose duration an agreement (or a test) set counts that duration, not months.
    regimeExpiryMonths:
      defined.regimeExpiryMonths ??
      Object.fromEntries(
        Object.entries(DEFAULT_POLICY.regimeExpiryMonths!).filter(([r]) => {
          const ms = defined.regimeExpiryMs?.[r as '20' | '70'];
          return ms === undefined || ms === LEGACY_REGIME_EXPIRY_MS[r as '20' | '70'];
        }),
      ),
    regimeExpiryRemindersDays: [...(defined.regimeExpiryRemindersDays ?? DEFAULT_POLICY.regimeExpiryRemindersDays)],
  };
}

/** What is wrong with a policy (empty when valid); call where overrides enter, e.g. the API or an activity. */
export function policyProblems(p: DispatchPolicy): string[] {
  const durations: [string, number][] = [
    ...Object.entries(p).filter((e): e is [string, number] => typeof e[1] === 'number'),
    ...Object.entries(p.regimeExpiryMs).map(([k, v]): [string, number] => [`regimeExpiryMs.${k}`, v]),
  ];
  const problems = durations.filter(([, v]) => !Number.isFinite(v) || v < 0).map(([k, v]) => `${k} must be a non-negative number of ms, got ${v}`);
  if (p.regimeExpiryRemindersDays.some((d) => !Number.isInteger(d) || d <= 0)) problems.push('regimeExpiryRemindersDays must be positive integers');
  if (Object.values(p.regimeExpiryMonths ?? {}).some((m) => !Number.isInteger(m) || m! <= 0)) problems.push('regimeExpiryMonths must be positive integers');
  return problems;
}

export type ClockName =
  | 'document_review'
  | 'dam_draft'
  | 'complaint_escalation'
  | 'deferred_numbering'
  | 'regularization_target'
  | 'regularization_legal'
  | 'regime_expiry'
  | 'cargo_cutoff'
  | 'export_shipment'
  | 'levante_follow_up'
  | 'senasa_inspection'
  // Issue #14 (money-clocks-2026-12): cost clocks per container, the funds wait, originals pending for the Archive.
  | 'storage_free_time'
  | 'detention_free_time'
  | 'funds_wait'
  | 'archive_originals'
  // outbound-regimes-2026-12: a re-export ships before its parent regime expires; a reshipment within its term.
  | 'parent_regime_expiry'
  | 'reshipment_term';

export const CLOCK_LABEL_ES: Record<ClockName, string> = {
  document_review: 'Revisión de documentos',
  dam_draft: 'Emisión del borrador de la DAM',
  complaint_escalation: 'Reporte de reclamo o contingencia al supervisor',
  deferred_numbering: 'Numeración de la DAM del despacho diferido (plazo legal, abandono)',
  regularization_target: 'Regularización (plazo objetivo interno)',
  regularization_legal: 'Regularización (plazo legal)',
  regime_expiry: 'Vencimiento del régimen',
  cargo_cutoff: 'Corte de carga de la nave (ingreso y precintos)',
  export_shipment: 'Embarque de la exportación tras el canal',
  levante_follow_up: 'Seguimiento del levante',
  senasa_inspection: 'Inspección de SENASA y su informe',
  storage_free_time: 'Almacenaje: fin de los días libres del contenedor',
  detention_free_time: 'Sobreestadía: fin de los días libres del contenedor',
  funds_wait: 'Espera de fondos del cliente para un pago a terceros',
  archive_originals: 'Entrega de originales al Archivo',
  parent_regime_expiry: 'Embarque de la reexportación antes del vencimiento del régimen precedente',
  reshipment_term: 'Embarque del reembarque dentro de su plazo',
};

/** A point in time by which something must happen; `ref` tells apart several deadlines of one clock. */
export interface Deadline {
  clock: ClockName;
  dueAt: string;
  label: string;
  ref?: string;
}

const plus = (iso: string, ms: number) => new Date(parseInstant(iso) + ms).toISOString();

/** The earliest deadline (the first one listed on ties), or undefined for an empty list. */
export function nextDeadline(deadlines: Deadline[]): Deadline | undefined {
  return deadlines.reduce<Deadline | undefined>((best, d) => (!best || parseInstant(d.dueAt) < parseInstant(best.dueAt) ? d : best), undefined);
}

/**
 * Regularization deadlines still open: for a SADA (anticipado) import from the end of discharge, for an export
 * from the end of shipment. Empty when nothing started the clock, or once regularized or cancelled.
 */
export function regularizationDeadlines(state: DispatchState, policy: DispatchPolicy): Deadline[] {
  if (state.regularizedAt || state.status === 'cancelled') return [];
  // A reshipment (regime 89, outbound-regimes-2026-12) is not regularized.
  if (state.direction === 'export' && !regularizesAfterShipment(state)) return [];
  const sada = state.direction === 'import' && state.modality === 'anticipado' && state.dischargeEndedAt;
  const start = state.direction === 'export' ? state.shipmentEndedAt : sada ? state.dischargeEndedAt : undefined;
  if (!start) return [];
  const [target, legal, what, ref] =
    state.direction === 'export'
      ? [policy.exportRegularizationTargetMs, policy.exportRegularizationLegalMs, EXPORT_REGULARIZATION_ES[state.regime] ?? 'de la exportación definitiva', 'export']
      : [policy.sadaRegularizationTargetMs, policy.sadaRegularizationLegalMs, 'del despacho anticipado (SADA)', 'sada'];
  return [
    { clock: 'regularization_target', dueAt: plus(start, target), label: `Regularización ${what}: plazo objetivo interno`, ref },
    { clock: 'regularization_legal', dueAt: plus(start, legal), label: `Regularización ${what}: plazo legal`, ref },
  ];
}

// Regimes of outbound-regimes-2026-12 say which export is regularized (regime 40's label is unchanged).
const EXPORT_REGULARIZATION_ES: Partial<Record<Regime, string>> = { '60': 'de la reexportación', '41': 'de la exportación temporal' };

/** When a temporary regime (20 or 70) expires, counted from the levante; undefined for other regimes. */
export function regimeExpiryAt(levanteAt: string, regime: Regime, policy: DispatchPolicy): string | undefined {
  if (regime !== '20' && regime !== '70') return undefined;
  const months = policy.regimeExpiryMonths?.[regime];
  return months ? addCalendarMonths(levanteAt, months, LIMA_UTC_OFFSET_MINUTES) : plus(levanteAt, policy.regimeExpiryMs[regime]);
}

/** Reminders before a temporary regime expires, earliest first; empty for regimes 10 and 40. */
export function regimeExpiryReminders(levanteAt: string, regime: Regime, policy: DispatchPolicy): { dueAt: string; daysBefore: number }[] {
  const expiry = regimeExpiryAt(levanteAt, regime, policy);
  if (!expiry) return [];
  return [...new Set(policy.regimeExpiryRemindersDays)]
    .sort((a, b) => b - a)
    .map((daysBefore) => ({ dueAt: plus(expiry, -daysBefore * DAY), daysBefore }));
}

/** Document review is due this long after a receipt (calendar time). */
export function documentReviewDueAt(receivedAt: string, policy: DispatchPolicy): string {
  return plus(receivedAt, policy.documentReviewMs);
}

/** A complaint logged at `loggedAt` must reach the supervisor by this instant (business time). */
export function complaintEscalationDueAt(cal: BusinessCalendar, loggedAt: string, policy: DispatchPolicy): string {
  const add = policy.complaintEscalationReading === 'business_days' ? addBusinessDayTime : addBusinessTime;
  return add(cal, loggedAt, policy.complaintEscalationBusinessMs);
}
