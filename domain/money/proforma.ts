/**
 * The client proforma (seed 2.1.16): a versioned quote of what a dispatch will cost the client — the broker's
 * agency fee, extra services, the terminal's charges and the projected cost clocks if nothing is done. Lines keep
 * their currency; totals are per currency (never mixed) and, when a rate is given, also converted with its trail.
 * Taxes (IGV) are not computed here yet: amounts are as entered.
 */
import type { CostClock } from './cost-clock';
import { convert, type ConvertedMoney, type ExchangeRate } from './exchange';
import { add, money, times, CURRENCIES, type Currency, type Money, zero } from './money';
import { billedServiceRows, penAmount } from './extra-services';

export const PROFORMA_LINE_KINDS = ['agency_fee', 'extra_service', 'terminal_charge', 'projected_storage', 'projected_detention'] as const;
export type ProformaLineKind = (typeof PROFORMA_LINE_KINDS)[number];

/** Spanish headings of the line kinds, as printed on the PDF. */
export const PROFORMA_LINE_LABELS: Record<ProformaLineKind, string> = {
  agency_fee: 'Honorarios de agencia',
  extra_service: 'Servicios adicionales',
  terminal_charge: 'Gastos de terminal',
  projected_storage: 'Almacenaje proyectado',
  projected_detention: 'Sobreestadía proyectada',
};

export interface ProformaLine {
  kind: ProformaLineKind;
  description: string;
  quantity: number;
  unitAmount: Money;
  /** quantity × unitAmount, exact. */
  amount: Money;
}

export interface ProformaTotals {
  byCurrency: Money[];
  /** Every currency's total converted to the other, with the rate used (present when a rate was given). */
  converted: ConvertedMoney[];
}

export function proformaLine(kind: ProformaLineKind, description: string, quantity: number, unitAmount: Money): ProformaLine {
  return { kind, description, quantity, unitAmount, amount: times(unitAmount, quantity) };
}

/** Lines that quote a cost clock: one per container size with chargeable days. */
export function costClockLines(clock: CostClock): ProformaLine[] {
  const kind: ProformaLineKind = clock.kind === 'storage' ? 'projected_storage' : 'projected_detention';
  const what = clock.kind === 'storage' ? 'Almacenaje' : 'Sobreestadía';
  if (clock.chargeableDays === 0) return [];
  return clock.lines.map((line) =>
    proformaLine(
      kind,
      `${what} ${line.containers} × ${line.size}' desde ${clock.firstChargeableDay}, ${clock.chargeableDays} día(s) (${clock.freeDays} libres, ${clock.source})`,
      line.containers * clock.chargeableDays,
      line.dailyRate,
    ),
  );
}

export function proformaTotals(lines: readonly ProformaLine[], rate?: ExchangeRate): ProformaTotals {
  // One total per currency that appears on the proforma, never a sum across currencies.
  const byCurrency = CURRENCIES.filter((currency: Currency) => lines.some((l) => l.amount.currency === currency)).map((currency) =>
    lines.filter((l) => l.amount.currency === currency).reduce((total, l) => add(total, l.amount), zero(currency)),
  );
  const converted = rate ? byCurrency.map((total) => convert(total, total.currency === 'PEN' ? 'USD' : 'PEN', rate)) : [];
  return { byCurrency, converted };
}

/** A terminal's proforma as kept with the dispatch: amounts as the exact decimal text the terminal sent. */
export interface TerminalChargeDocument {
  id: string;
  terminal: string;
  currency: string;
  lines: { code: string; description: string; quantity: string; unitPrice: string }[];
}

/** A terminal charge line that cannot be quoted without rounding (more than two decimals, a fractional quantity). */
export class UnquotableChargeError extends Error {
  constructor(readonly line: TerminalChargeDocument['lines'][number]) {
    super(`${line.unitPrice} × ${line.quantity}`);
  }
}

/** The terminal's proforma as client proforma lines; throws UnquotableChargeError rather than round. */
export function terminalChargeLines(doc: TerminalChargeDocument): ProformaLine[] {
  return doc.lines.map((l) => {
    const quantity = Number(l.quantity);
    try {
      if (!Number.isInteger(quantity) || quantity < 1) throw new Error(l.quantity);
      return proformaLine('terminal_charge', `${doc.terminal} ${l.code}: ${l.description} (proforma ${doc.id})`, quantity, money(l.unitPrice, doc.currency as Currency));
    } catch {
      throw new UnquotableChargeError(l);
    }
  });
}

/** The client's tariff on a dispatch: its agreed agency fee, and each 10110 service still billed (voided ones out). */
export function clientTariffLines(agencyFee: Money, glosas10110: readonly { dispatchId: string; payload: unknown }[]): ProformaLine[] {
  const lines = [proformaLine('agency_fee', 'Honorarios de agencia (tarifa pactada con el cliente)', 1, agencyFee)];
  for (const g of billedServiceRows(glosas10110)) {
    const p = (g.payload ?? {}) as Record<string, unknown>;
    const amount = penAmount(p.amountPen);
    if (amount) lines.push(proformaLine('extra_service', `Servicio extraordinario (glosa 10110): ${String(p.description ?? '')}`.trim(), 1, money(amount, 'PEN')));
  }
  return lines;
}
