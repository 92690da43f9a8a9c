/**
 * Money activities for the dispatch workflow (not wired yet: docs/money.md, "What remains"). Built over the
 * money store; every answer is plain JSON (amounts as decimal strings).
 */
import type { FundsGateAnswer, Money } from '../../domain/money';
import type { LedgerRow, MoneyStore } from './money-store';

export interface MoneyActivityDeps {
  money: Pick<MoneyStore, 'requestPayment' | 'rateOn'>;
}

export interface ThirdPartyPaymentInput {
  dispatchId: string;
  clientRuc: string;
  amount: Money;
  payee: string;
  concept: string;
  reference: string;
  actor: string;
  /** Lima date whose exchange rate applies (YYYY-MM-DD). */
  date: string;
  /** Workflow id + step: a retried activity records the payment once. */
  idempotencyKey: string;
}

export function createMoneyActivities(deps: MoneyActivityDeps) {
  return {
    /** Applies the funds gate to a third-party payment and records it when the client's funds or credit cover it. */
    async requestThirdPartyPayment(input: ThirdPartyPaymentInput): Promise<{ answer: FundsGateAnswer; entry?: LedgerRow }> {
      const rate = await deps.money.rateOn(input.date);
      const { answer, entry } = await deps.money.requestPayment(input.clientRuc, { ...input }, rate);
      return { answer, entry };
    },
  };
}
