/**
 * Clocks of the outbound regimes (lifecycle feature outbound-regimes-2026-12; assumptions and their reasons in
 * outbound-regimes.ts): the re-export's shipment before the parent regime expires, the reshipment's 30-day term
 * from the day after numbering, and the temporary export's 12-month re-import term from the end of shipment.
 * Durations are policy data (a client agreement or a test overrides them); absent means the defaults below.
 */
import { addCalendarMonths, LIMA_UTC_OFFSET_MINUTES, parseInstant } from '../calendar';
import type { Deadline } from '../clocks';
import { DAY } from '../durations';
import type { DispatchState } from '../lifecycle';
import { outboundKind } from './outbound-regimes';

export interface OutboundClockPolicy {
  /** Re-export: remind the executive this long before the parent regime expires (shipment still pending). */
  reexportExpiryReminderBeforeMs: number;
  /** Re-export and reshipment: escalate to the supervisor this long before the legal term (the at-risk path). */
  outboundAtRiskBeforeMs: number;
  /** Reshipment: calendar days to end the shipment, counted from the day after the DAM is numbered (Lima dates). */
  reshipmentTermDays: number;
  /** Reshipment: remind the executive this long before its term ends. */
  reshipmentReminderBeforeMs: number;
  /** Temporary export (41): calendar months to re-import, from the end of shipment (Lima time). */
  temporaryExportReimportMonths: number;
  /** Temporary export: the same term as a duration; when given it wins over the months (tests run it short). */
  temporaryExportReimportMs?: number;
}

export const DEFAULT_OUTBOUND_CLOCKS: OutboundClockPolicy = {
  reexportExpiryReminderBeforeMs: 7 * DAY,
  outboundAtRiskBeforeMs: 2 * DAY,
  reshipmentTermDays: 30,
  reshipmentReminderBeforeMs: 7 * DAY,
  temporaryExportReimportMonths: 12,
};

/** The outbound clocks of a policy: its overrides over the defaults. */
export function outboundClocks(p: Partial<OutboundClockPolicy>): OutboundClockPolicy {
  const defined = Object.fromEntries(Object.entries(p).filter(([, v]) => v !== undefined)) as Partial<OutboundClockPolicy>;
  return { ...DEFAULT_OUTBOUND_CLOCKS, ...defined };
}

const LIMA_MS = LIMA_UTC_OFFSET_MINUTES * 60_000;

/** The last instant (23:59:59 Lima) of the `days`-th calendar day after the one `numberedAt` falls on in Lima. */
export function reshipmentDueAt(numberedAt: string, days: number): string {
  const localDayStart = Math.floor((parseInstant(numberedAt) + LIMA_MS) / DAY) * DAY;
  return new Date(localDayStart + (days + 1) * DAY - 1_000 - LIMA_MS).toISOString();
}

/** When a temporary export (41) must be re-imported, from the end of shipment. */
export function reimportDueAt(shipmentEndedAt: string, p: OutboundClockPolicy): string {
  if (p.temporaryExportReimportMs !== undefined) return new Date(parseInstant(shipmentEndedAt) + p.temporaryExportReimportMs).toISOString();
  return addCalendarMonths(shipmentEndedAt, p.temporaryExportReimportMonths, LIMA_UTC_OFFSET_MINUTES);
}

/**
 * Open outbound deadlines (the temporary export's re-import is a `regime_expiry` deadline: schedule.ts, with the
 * book's regime conclusion). Empty for other dispatches and once the shipment ended.
 */
export function outboundDeadlines(state: DispatchState, policy: Partial<OutboundClockPolicy>): Deadline[] {
  const kind = outboundKind(state);
  if (!kind || state.status === 'cancelled' || state.shipmentEndedAt) return [];
  const parent = state.outbound?.parent;
  if (kind === 'reexport' && parent) {
    return [{ clock: 'parent_regime_expiry', dueAt: parent.expiresAt, label: `Embarque de la reexportación antes del vencimiento del régimen ${parent.regime} (DAM ${parent.damNumber})`, ref: 'parent' }];
  }
  if (kind === 'reshipment' && state.damNumberedAt) {
    const days = outboundClocks(policy).reshipmentTermDays;
    return [{ clock: 'reshipment_term', dueAt: reshipmentDueAt(state.damNumberedAt, days), label: `Embarque del reembarque (${days} días calendario desde la numeración de la DAM)`, ref: 'reshipment' }];
  }
  return [];
}
