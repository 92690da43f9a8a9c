/** The money of a dispatch (issue #14): exchange rates, client credit, the ledger and funds gate, proformas. docs/money.md. */
import type { ApiDeps } from '../../deps';
import type { RouteRegistry } from '../../routing';
import { createMoneyStore } from '../../../activities/money';
import { registerLedgerRoutes } from './ledger.routes';
import { registerProformaRoutes } from './proformas.routes';
import { registerLiquidationRoutes } from './liquidation.routes';
import { registerRateAndCreditRoutes } from './rates-credit.routes';

export function registerMoneyRoutes(r: RouteRegistry, deps: ApiDeps): void {
  const store = createMoneyStore(deps.prisma);
  registerRateAndCreditRoutes(r, deps, store);
  registerLedgerRoutes(r, deps, store);
  registerProformaRoutes(r, deps, store);
  registerLiquidationRoutes(r, deps, store);
}
