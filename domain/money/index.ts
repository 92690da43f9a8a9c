/**
 * The money of a dispatch: exact amounts (money.ts), exchange rates with their trail (exchange.ts), cost clocks
 * and their tariffs (cost-clock.ts, tariffs.ts), the funds gate (funds-gate.ts) and the client proforma
 * (proforma.ts). Pure: safe inside the workflow sandbox. Model and defaults: docs/money.md.
 */
export * from './money';
export * from './exchange';
export * from './tariffs';
export * from './cost-clock';
export * from './funds-gate';
export * from './proforma';
export * from './container-facts';
export * from './dispatch-costs';
export * from './money-book';
export * from './money-view';
export * from './extra-services';
export * from './liquidation';
