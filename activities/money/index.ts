/** The money of a dispatch: PostgreSQL records, the proforma PDF and the workflow's money activities. */
export { createMoneyStore, type LedgerRow, type MoneyStore, type NewLedgerEntry, type StoredProforma } from './money-store';
export { renderProformaPdf } from './proforma-pdf';
export { createMoneyActivities, type MoneyActivityDeps, type ThirdPartyPaymentInput } from './money.activities';
