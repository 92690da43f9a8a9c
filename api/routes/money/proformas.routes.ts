/** Client proformas of a dispatch (seed 2.1.16): versioned, amounts exact, and their PDF. */
import type { ApiDeps } from '../../deps';
import { ApiError } from '../../errors';
import { OPERATORS, READERS } from '../../principal';
import type { RouteRegistry } from '../../routing';
import { moneyDispatchParams, proformaBody, proformaParams } from '../../schemas/money.schemas';
import { renderProformaPdf, type MoneyStore } from '../../../activities/money';
import { createPrismaChargeDocumentStore, type ChargeDocumentStore } from '../../../activities/terminals';
import { nationalHolidays } from '../../../activities/calendar/holidays';
import { peruCalendar } from '../../../domain/calendar';
import {
  clientTariffLines, costClock, costClockLines, detentionTariff, money, proformaLine, proformaTotals, terminalChargeLines, UnquotableChargeError, DEFAULT_TARIFFS, type ProformaLine,
} from '../../../domain/money';
import type { Terminal } from '../../../domain/dispatch';
import { dispatchOf, limaToday, pdfResult } from './money-context';
import type { z } from 'zod';

type Projection = NonNullable<z.output<typeof proformaBody>['projection']>;

/** Storage at the dispatch's terminal and the line's detention, if nothing is done by the planned dates. */
function projectedLines(terminal: Terminal, p: Projection): ProformaLine[] {
  const years = [...new Set([p.dischargeDate, p.withdrawalDate, p.returnDate ?? p.withdrawalDate].map((d) => Number(d.slice(0, 4))))];
  const calendar = peruCalendar(nationalHolidays('PE', years));
  const containers = p.containers;
  const storage = costClock({ kind: 'storage', tariff: DEFAULT_TARIFFS.storage[terminal], startDate: p.dischargeDate, until: p.withdrawalDate, containers, calendar });
  const detention = costClock({
    kind: 'detention', tariff: detentionTariff(DEFAULT_TARIFFS, p.shippingLine), startDate: p.dischargeDate, until: p.returnDate ?? p.withdrawalDate,
    containers, freeDaysOverride: p.detentionFreeDays, calendar,
  });
  return [...costClockLines(storage), ...costClockLines(detention)];
}

/** The lines of the terminal's latest proforma for the dispatch (422 when there is none, or one cannot be quoted exactly). */
async function latestTerminalChargeLines(charges: ChargeDocumentStore, dispatchId: string): Promise<ProformaLine[]> {
  const proforma = (await charges.listChargeDocuments(dispatchId)).filter((d) => d.kind === 'proforma').at(-1);
  if (!proforma) throw new ApiError(422, 'no_terminal_proforma', 'No hay proforma del terminal para este despacho: solicítela primero (acción proforma) o detalle los gastos como líneas.');
  try {
    return terminalChargeLines(proforma);
  } catch (err) {
    if (!(err instanceof UnquotableChargeError)) throw err;
    const l = err.line;
    throw new ApiError(422, 'invalid_terminal_amount', `La proforma ${proforma.id} del terminal trae el importe ${l.unitPrice} × ${l.quantity} en «${l.description}», que no se puede cotizar sin redondear: detalle esa línea a mano.`);
  }
}

/** The client's agreed agency fee and the dispatch's billed 10110 services (422 when no fee is agreed). */
async function agreedTariffLines(deps: ApiDeps, clientRuc: string, dispatchId: string): Promise<ProformaLine[]> {
  const fee = (await deps.store.getClient(clientRuc))?.agencyFee;
  if (!fee) throw new ApiError(422, 'no_agency_fee', 'El cliente no tiene honorarios de agencia pactados: regístrelos en su acuerdo (agencyFee) o detállelos como línea.');
  const glosas = (await deps.store.listGlosas(dispatchId)).filter((g) => g.code === '10110');
  return clientTariffLines(money(fee.amount, fee.currency), glosas);
}

export function registerProformaRoutes(r: RouteRegistry, deps: ApiDeps, store: MoneyStore): void {
  const charges = createPrismaChargeDocumentStore(deps.prisma);

  r.add({
    method: 'get',
    path: '/dispatches/:id/terminal-charges',
    tag: 'Dinero',
    summary: 'Proformas y liquidaciones del terminal para el despacho, tal como las emitió (importes exactos)',
    roles: OPERATORS,
    params: moneyDispatchParams,
    responses: { 200: { description: '`documents`: proformas y liquidaciones, la más antigua primero' }, 404: { description: 'Despacho desconocido' } },
    async handler({ params, principal }) {
      const dispatch = await dispatchOf(deps, params.id, principal);
      return { body: { documents: await charges.listChargeDocuments(dispatch.id) } };
    },
  });

  r.add({
    method: 'post',
    path: '/dispatches/:id/proformas',
    tag: 'Dinero',
    summary: 'Emitir una nueva versión de la proforma al cliente (honorarios, servicios, gastos de terminal, sobrecostos proyectados)',
    roles: OPERATORS,
    params: moneyDispatchParams,
    body: proformaBody,
    responses: { 201: { description: 'Proforma guardada; `pdf` dice dónde leerla' }, 404: { description: 'Despacho desconocido' }, 422: { description: 'No hay tipo de cambio para la fecha pedida, o no hay proforma del terminal cuando se piden sus gastos' } },
    audit: ({ params }) => ({ action: 'money.proforma', target: params.id }),
    async handler({ params, body, principal }) {
      const dispatch = await dispatchOf(deps, params.id, principal);
      const lines = body.lines.map((l) => proformaLine(l.kind, l.description, l.quantity, money(l.unitAmount, l.currency)));
      if (body.clientTariff) lines.push(...(await agreedTariffLines(deps, dispatch.clientRuc, dispatch.id)));
      if (body.terminalCharges) lines.push(...(await latestTerminalChargeLines(charges, dispatch.id)));
      if (body.projection) {
        if (body.projection.withdrawalDate < body.projection.dischargeDate) {
          throw new ApiError(422, 'invalid_input', 'La fecha de retiro no puede ser anterior a la descarga.');
        }
        lines.push(...projectedLines(dispatch.terminal, body.projection));
      }
      if (lines.length === 0) throw new ApiError(422, 'invalid_input', 'La proyección no genera sobrecostos y no hay otras líneas: no hay nada que cotizar.');
      // Amounts are stored as NUMERIC(14,2): a line or a total of 10^12 or more cannot be kept exactly, so it is
      // refused here (never rounded, never a 500).
      const tooLarge = (m: { amount: string }) => m.amount.replace('-', '').split('.')[0]!.length > 12;
      const totals = proformaTotals(lines);
      if (lines.some((l) => tooLarge(l.amount)) || totals.byCurrency.some(tooLarge)) {
        throw new ApiError(422, 'amount_too_large', 'El importe de una línea o el total de la proforma supera 999 999 999 999.99: revise cantidades y precios.');
      }
      const rate = await store.rateOn(body.rateDate ?? limaToday());
      if (body.rateDate && !rate) throw new ApiError(422, 'rate_missing', `No hay tipo de cambio registrado al ${body.rateDate}.`);
      const saved = await store.saveProforma({ dispatchId: params.id, clientRuc: dispatch.clientRuc, notes: body.notes ?? null, rate, lines, createdBy: principal.name });
      const pdf = `/dispatches/${params.id}/proformas/${saved.version}.pdf`;
      return { status: 201, headers: { Location: pdf }, body: { ...saved, totals: proformaTotals(saved.lines, saved.rate ?? undefined), pdf } };
    },
  });

  r.add({
    method: 'get',
    path: '/dispatches/:id/proformas/:version.pdf',
    tag: 'Dinero',
    summary: 'La proforma en PDF (una versión)',
    roles: READERS,
    params: proformaParams,
    responses: { 200: { description: 'application/pdf' }, 404: { description: 'Despacho o versión desconocidos' } },
    async handler({ req, params, principal }) {
      await dispatchOf(deps, params.id, principal);
      const proforma = await store.getProforma(params.id, Number(params.version));
      if (!proforma) throw new ApiError(404, 'proforma_not_found', `El despacho ${params.id} no tiene la proforma versión ${params.version}.`);
      const pdf = await renderProformaPdf(proforma);
      return pdfResult(req, pdf, `proforma-${params.id}-v${params.version}.pdf`);
    },
  });
}
