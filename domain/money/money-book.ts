/**
 * What a dispatch workflow remembers of the money of its dispatch (lifecycle feature money-clocks-2026-12):
 * the cost-clock terms fixed at opening, the third-party payment waiting for the client's funds, the automatic
 * 10110 services and the originals delivered to the Archive. Plain JSON in the dispatch's book.
 */
import type { DispatchCostTerms } from './dispatch-costs';

export interface MoneyBook {
  /** Absent when the dispatch opened without tariffs: no cost clocks then. */
  costTerms?: DispatchCostTerms;
}
