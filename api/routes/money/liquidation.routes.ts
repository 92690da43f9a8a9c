/** The liquidation file of a closed dispatch (seed 2.1.15, money-clocks-2026-12): JSON and PDF. */
import type { ApiDeps } from '../../deps';
import { ApiError } from '../../errors';
import { OPERATORS, type Principal } from '../../principal';
import type { RouteRegistry } from '../../routing';
import { moneyDispatchParams } from '../../schemas/money.schemas';
import type { MoneyStore } from '../../../activities/money';
import { dispatchOf, pdfResult } from './money-context';

const notCompiled = (id: string) =>
  new ApiError(404, 'liquidation_not_found', `El despacho ${id} aún no tiene expediente de liquidación: se compila al cerrarlo (despachos abiertos desde el control de dinero en el flujo).`);

export function registerLiquidationRoutes(r: RouteRegistry, deps: ApiDeps, store: MoneyStore): void {
  /** The dispatch's compiled file, once the caller may see the dispatch; 404 until it is closed and compiled. */
  const compiled = async (id: string, principal: Principal) => {
    await dispatchOf(deps, id, principal);
    const found = await store.getLiquidation(id);
    if (!found) throw notCompiled(id);
    return found;
  };

  r.add({
    method: 'get',
    path: '/dispatches/:id/liquidation',
    tag: 'Dinero',
    summary: 'Expediente de liquidación del despacho cerrado: documentos y originales, DAM, anticipos, gastos de terceros con comprobante, servicios 10110 y relojes de costo',
    roles: OPERATORS,
    params: moneyDispatchParams,
    responses: { 200: { description: 'El expediente (montos como texto decimal)' }, 404: { description: 'Despacho desconocido o aún sin expediente' } },
    async handler({ params, principal }) {
      return { body: (await compiled(params.id, principal)).file };
    },
  });

  r.add({
    method: 'get',
    path: '/dispatches/:id/liquidation.pdf',
    tag: 'Dinero',
    summary: 'El expediente de liquidación en PDF',
    roles: OPERATORS,
    params: moneyDispatchParams,
    responses: { 200: { description: 'application/pdf' }, 404: { description: 'Despacho desconocido o aún sin expediente' } },
    async handler({ req, params, principal }) {
      return pdfResult(req, (await compiled(params.id, principal)).pdf, `liquidacion-${params.id}.pdf`);
    },
  });
}
