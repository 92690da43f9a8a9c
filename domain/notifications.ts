import type { Channel, Contact, Regime, Terminal } from './dispatch';
import type { DocumentKind } from './documents';
import type { ClockName } from './clocks';
import type { Money } from './money/money';

/**
 * Who receives a notification: the client's contacts, the dispatch's executive (ESC), the supervisor roster,
 * and the executive who numbered the DAM (`DispatchSnapshot.damNumberedBy`, looked up in the staff directory).
 */
export type Audience = 'client' | 'executive' | 'supervisors' | 'numbering_executive';

/** Every email Levante sends about a dispatch. Rendered in Spanish by activities/email/templates.ts. */
export type Notification =
  | { kind: 'acknowledgement' }
  | { kind: 'missing_documents'; missing: DocumentKind[] }
  | { kind: 'deadline_reminder'; clock: ClockName; dueAt: string; label: string }
  | { kind: 'deadline_missed'; clock: ClockName; dueAt: string; label: string }
  | { kind: 'legal_deadline_at_risk'; clock: ClockName; dueAt: string; label: string }
  | { kind: 'regime_expiry_reminder'; expiresAt: string; daysBefore: number }
  | { kind: 'complaint_escalation'; complaint: string; category: string; reportedAt: string; dueAt: string }
  | { kind: 'terminal_rejected'; terminal: Terminal; step: string; reason: string }
  | { kind: 'cancelled'; reason: string }
  /** Cost clocks (money-clocks-2026-12): free time about to end, or ended and cost accruing. */
  | ({ kind: 'cost_clock_warning' | 'cost_clock_accruing' } & CostClockNotice)
  /** Funds gate (money-clocks-2026-12): the client is asked for funds; the payment went through; the wait escalates. */
  | ({ kind: 'funds_request' | 'third_party_payment_recorded' | 'funds_wait_escalation' } & FundsNotice);

/** A third-party payment in a funds notice. */
export interface FundsNotice {
  amount: Money;
  payee: string;
  concept: string;
  reference: string;
  reason?: string;
  shortfall?: Money;
  waitingSince?: string;
  dueAt?: string;
}

/** The figures of one container's cost clock in its notices: what it costs if nothing is done. */
export interface CostClockNotice {
  clock: ClockName;
  label: string;
  containerNumber: string;
  size: '20' | '40';
  lastFreeDay: string;
  firstChargeableDay: string;
  estimatedUntil: string;
  estimatedDays: number;
  dailyRate: Money;
  estimatedCost: Money;
  source: string;
}

/** What a template needs to know about the dispatch: a plain JSON snapshot taken by the workflow. */
export interface DispatchSnapshot {
  dispatchId: string;
  client: { ruc: string; name: string; contacts: Contact[] };
  /** The titular executive; `id` (staff code) when the snapshot comes from the dispatch's input. */
  executive: Contact & { id?: string };
  regime: Regime;
  terminal: Terminal;
  vessel: string;
  eta: string;
  bl: string;
  status: string;
  damNumber?: string;
  channel?: Channel;
  /** Who numbered the DAM (actor of damNumbered): the client's assigned executive for regime expiry. */
  damNumberedBy?: string;
}

/** One request to send a notification; the idempotency key becomes the email's Message-ID. */
export interface NotificationRequest {
  idempotencyKey: string;
  audience: Audience[];
  dispatch: DispatchSnapshot;
  notification: Notification;
  /**
   * When the notice fired (workflow time): the email activity sends reminders, alerts and escalations to the
   * people on duty then, not when a retry happens to run. Absent in requests from before routing by the directory.
   */
  firedAt?: string;
}
