/** A dispatch's ledger: the client's deposits, its balances per currency, and third-party payment requests behind the funds gate. */
import type { ApiDeps } from '../../deps';
import { ApiError } from '../../errors';
import { OPERATORS, READERS } from '../../principal';
import type { RouteRegistry } from '../../routing';
import { idempotencyKey } from '../../schemas/action.schemas';
import { depositBody, invoiceRegularizationBody, moneyDispatchParams, paymentRequestBody } from '../../schemas/money.schemas';
import type { LedgerRow, MoneyStore } from '../../../activities/money';
import { balances, money, netPosition, sum, CURRENCIES, type ExchangeRate } from '../../../domain/money';
import { dispatchOf, limaToday } from './money-context';
import { signalFundsChanged } from './funds-signal';

const retryHeader = { name: 'Idempotency-Key', schema: idempotencyKey, description: 'Un reintento con la misma clave devuelve el mismo movimiento, sin registrarlo dos veces.' };

/** Deposits, payments and balance per currency, and the net position converted to each currency with the rate used. */
export function ledgerView(dispatchId: string, entries: LedgerRow[], rate: ExchangeRate | null) {
  const of = (kind: LedgerRow['kind']) => (c: (typeof CURRENCIES)[number]) => sum(entries.filter((e) => e.kind === kind && e.amount.currency === c).map((e) => e.amount), c);
  const net = balances(entries);
  const perCurrency = CURRENCIES.map((c) => ({ currency: c, deposits: of('deposit')(c).amount, payments: of('payment')(c).amount, balance: net[c].amount }));
  const totals = CURRENCIES.map((c) => {
    try {
      const { net: total, converted } = netPosition(entries, c, rate ?? undefined);
      return { currency: c, total: total.amount, converted };
    } catch (err) {
      return { currency: c, total: null, converted: [], note: (err as Error).message };
    }
  });
  return { dispatchId, entries, balances: perCurrency, rate, totals };
}

export function registerLedgerRoutes(r: RouteRegistry, deps: ApiDeps, store: MoneyStore): void {
  r.add({
    method: 'post',
    path: '/dispatches/:id/deposits',
    tag: 'Dinero',
    summary: 'Registrar un abono o anticipo del cliente (transferencia o letras) para el despacho',
    roles: OPERATORS,
    params: moneyDispatchParams,
    body: depositBody,
    headers: [retryHeader],
    responses: { 201: { description: 'Abono registrado' }, 200: { description: 'Reintento: el abono ya estaba registrado' }, 404: { description: 'Despacho desconocido' } },
    audit: ({ params }) => ({ action: 'money.deposit', target: params.id }),
    async handler({ params, body, principal, header }) {
      await dispatchOf(deps, params.id, principal);
      const { entry, created } = await store.addDeposit({
        dispatchId: params.id, amount: money(body.amount, body.currency), reference: body.reference, method: body.method, actor: principal.name, idempotencyKey: header('Idempotency-Key'),
      });
      // A payment of this dispatch waiting for funds is retried by its workflow (money-clocks-2026-12).
      if (created) await signalFundsChanged(deps, [params.id]);
      return { status: created ? 201 : 200, headers: { Location: `/dispatches/${params.id}/ledger` }, body: entry };
    },
  });

  r.add({
    method: 'post',
    path: '/dispatches/:id/invoice-regularization',
    tag: 'Dinero',
    summary: 'Registrar la regularización de la factura del despacho (Administración): deja de figurar como pendiente de facturar',
    roles: OPERATORS,
    params: moneyDispatchParams,
    body: invoiceRegularizationBody,
    responses: { 201: { description: 'Regularización registrada' }, 200: { description: 'Ya estaba registrada: se devuelve la primera' }, 404: { description: 'Despacho desconocido' } },
    audit: ({ params }) => ({ action: 'money.invoice-regularization', target: params.id }),
    async handler({ params, body, principal }) {
      await dispatchOf(deps, params.id, principal);
      const { created, ...row } = await store.regularizeInvoice(params.id, body.invoiceNumber, principal.name);
      return { status: created ? 201 : 200, body: { dispatchId: params.id, ...row } };
    },
  });

  r.add({
    method: 'get',
    path: '/dispatches/:id/ledger',
    tag: 'Dinero',
    summary: 'Cuenta del despacho: abonos, pagos, saldo por moneda y totales convertidos con el tipo de cambio usado',
    roles: READERS,
    params: moneyDispatchParams,
    responses: { 200: { description: 'entries, balances (por moneda), rate (el del día o el último anterior), totals' }, 404: { description: 'Despacho desconocido' } },
    async handler({ params, principal }) {
      await dispatchOf(deps, params.id, principal);
      const [entries, rate] = await Promise.all([store.ledger(params.id), store.rateOn(limaToday())]);
      return { body: ledgerView(params.id, entries, rate) };
    },
  });

  r.add({
    method: 'post',
    path: '/dispatches/:id/payment-requests',
    tag: 'Dinero',
    summary: 'Pedir el pago de un gasto de terceros: solo si los fondos del cliente (o su crédito aprobado) lo cubren',
    roles: OPERATORS,
    params: moneyDispatchParams,
    body: paymentRequestBody,
    headers: [retryHeader],
    responses: {
      201: { description: 'Pago aceptado y registrado en la cuenta del despacho' },
      200: { description: 'Reintento: el pago ya estaba registrado' },
      404: { description: 'Despacho desconocido' },
      409: { description: 'Fondos insuficientes: el mensaje dice cuánto falta' },
    },
    audit: ({ params }) => ({ action: 'money.payment-request', target: params.id }),
    async handler({ params, body, principal, header }) {
      const dispatch = await dispatchOf(deps, params.id, principal);
      const rate = await store.rateOn(limaToday());
      const { answer, entry, created } = await store.requestPayment(
        dispatch.clientRuc,
        { dispatchId: params.id, amount: money(body.amount, body.currency), reference: body.reference, payee: body.payee, concept: body.concept, actor: principal.name, idempotencyKey: header('Idempotency-Key') },
        rate,
      );
      if (!answer.allowed) {
        throw new ApiError(409, 'insufficient_funds', answer.reason, [
          { path: 'body.amount', message: `Faltan ${answer.shortfall.amount} ${answer.shortfall.currency} (disponible ${answer.available.amount} ${answer.available.currency}).` },
        ]);
      }
      const gate = { available: answer.available, coveredByCredit: answer.coveredByCredit, converted: answer.converted };
      return { status: created ? 201 : 200, headers: { Location: `/dispatches/${params.id}/ledger` }, body: { entry, gate } };
    },
  });
}
