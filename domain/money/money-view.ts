/** What the dispatch view and the read model show of the money of a dispatch (money-clocks-2026-12). */
import type { DispatchView } from '../dispatch-view';
import type { DispatchCostsView } from './dispatch-costs';
import { totalsByCurrency } from './dispatch-costs';
import { waitingPayments, type BookedPayment, type MoneyBook } from './money-book';
import type { Money } from './money';

export interface DispatchMoneyView {
  payments: BookedPayment[];
  /** A third-party payment is waiting for the client's funds (shown as «Esperando fondos del cliente»). */
  waitingForFunds: boolean;
  waitingLabel?: string;
}

export function moneyView(book: { money?: MoneyBook }): DispatchMoneyView {
  const waiting = waitingPayments(book);
  return {
    payments: book.money?.payments ?? [],
    waitingForFunds: waiting.length > 0,
    ...(waiting.length > 0 ? { waitingLabel: 'Esperando fondos del cliente' } : {}),
  };
}

/** The clocks starting next (at `nextChargeAt`): their cost if nothing is done. */
function nextCharge(costs: DispatchCostsView): Money[] {
  if (!costs.nextChargeAt) return [];
  return totalsByCurrency(costs.clocks.filter((c) => !c.stoppedOn && c.accruesAt === costs.nextChargeAt).map((c) => c.estimatedCost));
}

/** The read model's money columns. */
export function moneyReadModel(view: Pick<DispatchView, 'money' | 'costs'>) {
  return {
    waitingForFunds: view.money?.waitingForFunds ?? false,
    costNextChargeAt: view.costs?.nextChargeAt ?? null,
    costs: view.costs
      ? {
          accrued: view.costs.accrued,
          projected: view.costs.projected,
          nextCharge: nextCharge(view.costs),
          // Per clock, for the board's KPI of cost alerts and the money they saved or cost.
          clocks: view.costs.clocks.map((c) => ({ kind: c.kind, containerNumber: c.containerNumber, warnAt: c.warnAt, accruesAt: c.accruesAt, stoppedOn: c.stoppedOn ?? null, accrued: c.accruedCost, estimated: c.estimatedCost })),
        }
      : null,
  };
}
