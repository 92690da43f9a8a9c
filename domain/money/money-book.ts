/**
 * What a dispatch workflow remembers of the money of its dispatch (lifecycle feature money-clocks-2026-12):
 * the cost-clock terms fixed at opening, the third-party payments it asked for (and the one waiting for the
 * client's funds), the 10110 services it billed by itself and the originals delivered to the Archive. Plain JSON.
 */
import type { DispatchCostTerms } from './dispatch-costs';
import type { Money } from './money';
import type { ExtraServiceTerms } from './extra-services';
import type { DocumentKind } from '../documents';

/** A third-party payment the executive asked for through the workflow; `step` is its idempotency step. */
export interface BookedPayment {
  step: string;
  amount: Money;
  payee: string;
  concept: string;
  reference: string;
  actor: string;
  requestedAt: string;
  status: 'waiting_funds' | 'recorded';
  /** Times the funds gate was asked. */
  attempts: number;
  /** While waiting: the gate's Spanish reason and what is missing. */
  reason?: string;
  shortfall?: Money;
  /** First refusal, and when the wait reaches the supervisor. */
  waitingSince?: string;
  fundsDueAt?: string;
  recordedAt?: string;
  /** The ledger entry of the payment once recorded. */
  entryId?: string;
}

export interface MoneyBook {
  /** Absent when the dispatch opened without tariffs: no cost clocks then. */
  costTerms?: DispatchCostTerms;
  payments?: BookedPayment[];
  /** A deposit was recorded or the client's credit changed since the last attempt: retry the waiting payments. */
  fundsChanged?: boolean;
  /** The client's terms for automatic 10110 services, fixed at opening; absent: none are created. */
  extraServiceTerms?: ExtraServiceTerms;
  /** When each document's original reached the Archive (the closing waits for all). */
  originals?: Partial<Record<DocumentKind, string>>;
  /** Set by the closing: the liquidation file is compiled and sent by the main loop (retried after an outage). */
  liquidation?: { pending: boolean; compiledAt?: string };
}

/** Payments refused for lack of funds, still waiting for a deposit or a credit change. */
export function waitingPayments(book: { money?: MoneyBook }): BookedPayment[] {
  return (book.money?.payments ?? []).filter((p) => p.status === 'waiting_funds');
}
