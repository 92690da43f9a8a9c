/** Exchange rates entered by Administración, and each client's credit (none, or an approved limit). */
import { signalFundsChanged } from './funds-signal';
import { z } from 'zod';
import type { ApiDeps } from '../../deps';
import { ApiError } from '../../errors';
import { ADMINS, OPERATORS } from '../../principal';
import type { RouteRegistry } from '../../routing';
import { creditBody, creditParams, exchangeRateBody, ratesQuery } from '../../schemas/money.schemas';
import type { MoneyStore } from '../../../activities/money';
import { money, type ClientCredit } from '../../../domain/money';

const rate = z.object({ date: z.string(), rate: z.string(), source: z.string() });

export function registerRateAndCreditRoutes(r: RouteRegistry, deps: ApiDeps, store: MoneyStore): void {
  r.add({
    method: 'post',
    path: '/exchange-rates',
    tag: 'Dinero',
    summary: 'Registrar el tipo de cambio del día (soles por dólar) con su fuente',
    roles: ADMINS,
    body: exchangeRateBody,
    responses: {
      201: { description: 'Tipo de cambio registrado', schema: rate },
      200: { description: 'Ya estaba registrado igual (reintento)', schema: rate },
      409: { description: 'Esa fecha ya tiene otro tipo de cambio: no se reescribe' },
    },
    audit: ({ body }) => ({ action: 'money.exchange-rate', target: body.date }),
    async handler({ body, principal }) {
      const saved = await store.recordRate(body, principal.name);
      if (saved.conflict) {
        throw new ApiError(409, 'rate_exists', `El ${body.date} ya tiene tipo de cambio ${saved.rate.rate} (${saved.rate.source}); no se reescribe porque otras cifras lo citan.`);
      }
      return { status: saved.created ? 201 : 200, body: saved.rate };
    },
  });

  r.add({
    method: 'get',
    path: '/exchange-rates',
    tag: 'Dinero',
    summary: 'Tipos de cambio registrados, del más reciente al más antiguo',
    roles: OPERATORS,
    query: ratesQuery,
    responses: { 200: { description: 'items: tipos de cambio', schema: z.object({ items: z.array(rate) }) } },
    async handler({ query }) {
      return { body: { items: await store.listRates(query.from, query.to, query.limit) } };
    },
  });

  r.add({
    method: 'get',
    path: '/clients/:ruc/credit',
    tag: 'Dinero',
    summary: 'Crédito del cliente: none (sin crédito, los fondos deben cubrir cada pago) o approved con su límite',
    roles: OPERATORS,
    params: creditParams,
    responses: { 200: { description: 'El crédito del cliente' } },
    async handler({ params }) {
      return { body: { ruc: params.ruc, ...creditView(await store.getCredit(params.ruc)) } };
    },
  });

  r.add({
    method: 'put',
    path: '/clients/:ruc/credit',
    tag: 'Dinero',
    summary: 'Fijar el crédito del cliente (Administración): none, o approved con límite y moneda',
    roles: ADMINS,
    params: creditParams,
    body: creditBody,
    responses: { 200: { description: 'El crédito guardado' }, 404: { description: 'Cliente desconocido' } },
    audit: ({ params }) => ({ action: 'money.credit', target: params.ruc }),
    async handler({ params, body, principal }) {
      if (!(await deps.store.getClient(params.ruc))) throw new ApiError(404, 'client_not_found', 'No existe un cliente con ese RUC.');
      const credit: ClientCredit = body.status === 'approved' ? { kind: 'approved', limit: money(body.limit!, body.currency!) } : { kind: 'none' };
      await store.putCredit(params.ruc, credit, principal.name);
      await signalFundsChanged(deps, await store.dispatchesWaitingForFunds(params.ruc));
      return { body: { ruc: params.ruc, ...creditView(await store.getCredit(params.ruc)) } };
    },
  });
}

function creditView(c: Awaited<ReturnType<MoneyStore['getCredit']>>) {
  const meta = { updatedBy: c.updatedBy ?? null, updatedAt: c.updatedAt ?? null };
  return c.kind === 'approved' ? { status: 'approved', limit: c.limit, ...meta } : { status: 'none', limit: null, ...meta };
}
