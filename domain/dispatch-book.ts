import type { DocumentKind } from './documents';
import type { Audience, Notification } from './notifications';
import type { MoneyBook } from './money/money-book';

/**
 * What a dispatch workflow remembers besides its lifecycle state: receipts, complaints, incidents,
 * billable services and which notices it already sent. Plain JSON, carried across continue-as-new.
 */
export interface DispatchBook {
  receipts: { at: string; documents: DocumentKind[]; actor: string }[];
  /** Last time the executive reviewed the documents received so far (clears the review clocks before it). */
  lastReviewAt?: string;
  complaints: Complaint[];
  incidents: { id: string; kind: string; description: string; at: string; actor: string }[];
  extraordinaryServices: ExtraordinaryService[];
  terminalBookings: { step: string; reference: string; at: string }[];
  /** Rejected attempts per terminal step: a new attempt after a rejection needs a new idempotency key. */
  terminalAttempts: Record<string, number>;
  /**
   * Emails an operator action asked for (missing documents, cancellation, terminal rejection), sent in order by
   * the workflow's main loop: an update never waits for the mail server.
   */
  outbox: { step: string; audience: Audience[]; notification: Notification; summary: string; firedAt?: string }[];
  /** Keys of notices already sent (or deliberately skipped): each fires at most once. */
  firedNotices: string[];
  regimeConcludedAt?: string;
  /** Latest ETA and vessel (glosa 40025 may correct them). */
  eta: string;
  vessel: string;
  /** Counter for ids of complaints, incidents and services: deterministic, unique within the dispatch. */
  seq: number;
  /**
   * Request ids (the API's Idempotency-Key as Update id) of the latest operator actions applied, newest last:
   * carried across continue-as-new, so a retried request is answered, not applied twice. Absent in books
   * carried from runs before this field existed.
   */
  appliedRequests?: string[];
  /**
   * Record writes (read model, history, glosas, incidents) that outlasted their retries, in order, with every
   * write after them: plain JSON `{ activity, input }`, retried by the workflow's main loop.
   */
  pendingWrites?: { activity: string; input: unknown }[];
  /** While side effects wait after an outage: when the workflow tries them (and the outbox) again. */
  retrySideEffectsAt?: string;
  /** The money of the dispatch (lifecycle feature money-clocks-2026-12): absent on dispatches opened before it. */
  money?: MoneyBook;
}

/**
 * A billable extraordinary service (glosa 10110). `amountPen` is a decimal string on dispatches opened with
 * money-clocks-2026-12 (a number before); `automatic` ones were created by the workflow for an action out of hours
 * or scope; a voided one no longer bills.
 */
export interface ExtraordinaryService {
  id: string;
  description: string;
  reason: string;
  amountPen?: number | string;
  at: string;
  actor: string;
  automatic?: boolean;
  /** The workflow action that caused an automatic service. */
  action?: string;
  voided?: { at: string; by: string; reason: string };
}

/** How many applied request ids a dispatch remembers (a retry comes within minutes, not hundreds of actions later). */
export const REMEMBERED_REQUESTS = 200;

/** A complaint or cost contingency that must reach the supervisor within 24 business hours. */
export interface Complaint {
  id: string;
  category: string;
  description: string;
  at: string;
  actor: string;
  reportedAt?: string;
}

export function emptyBook(eta: string, vessel: string): DispatchBook {
  return {
    receipts: [],
    complaints: [],
    incidents: [],
    extraordinaryServices: [],
    terminalBookings: [],
    terminalAttempts: {},
    outbox: [],
    firedNotices: [],
    eta,
    vessel,
    seq: 0,
  };
}
