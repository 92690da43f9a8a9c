/**
 * The funds gate (seed 2.1.17): before asking Administración to pay a third party (terminal, shipping line,
 * warehouse, customs duties) on a client's behalf, the executive makes sure the client's funds cover it —
 * deposits by transfer or letters (letras) recorded on the dispatch — unless the broker approved the client a
 * credit line, which then covers what the deposits do not, up to its limit across the client's dispatches.
 *
 * Pure: the caller gives the dispatch's ledger, the client's credit and what that credit already covers on its
 * other dispatches, and the day's exchange rate when currencies differ. The answer is allowed, or a Spanish
 * refusal with the shortfall in the requested currency.
 */
import { convert, type ConvertedMoney, type ExchangeRate } from './exchange';
import { add, compare, formatMoney, isNegative, ofMinor, subtract, sum, toMinor, zero, CURRENCIES, type Currency, type Money } from './money';

export type LedgerEntryKind = 'deposit' | 'payment';

/** One movement of a dispatch's ledger: money the client deposited, or a third-party payment requested from it. */
export interface LedgerEntry {
  kind: LedgerEntryKind;
  amount: Money;
}

/** The client's credit with the broker: none (the default), or an approved limit in one currency. */
export type ClientCredit = { kind: 'none' } | { kind: 'approved'; limit: Money };

/** Deposits − payments, per currency (both currencies always present). */
export function balances(entries: readonly LedgerEntry[]): Record<Currency, Money> {
  const of = (currency: Currency, kind: LedgerEntryKind) => sum(entries.filter((e) => e.kind === kind && e.amount.currency === currency).map((e) => e.amount), currency);
  return Object.fromEntries(CURRENCIES.map((c) => [c, subtract(of(c, 'deposit'), of(c, 'payment'))])) as Record<Currency, Money>;
}

export class RateNeededError extends Error {
  constructor(readonly from: Currency, readonly to: Currency) {
    super(`Falta el tipo de cambio del día para convertir ${from} a ${to}: Administración debe registrarlo.`);
    this.name = 'RateNeededError';
  }
}

/**
 * The dispatch's net position in `currency`: its balance there plus the other currency's balance converted
 * (with its trail). Throws RateNeededError when the other balance is not zero and no rate is given.
 */
export function netPosition(entries: readonly LedgerEntry[], currency: Currency, rate?: ExchangeRate): { net: Money; converted: ConvertedMoney[] } {
  const all = balances(entries);
  let net = all[currency];
  const converted: ConvertedMoney[] = [];
  for (const other of CURRENCIES.filter((c) => c !== currency)) {
    if (toMinor(all[other].amount) === 0n) continue;
    if (!rate) throw new RateNeededError(other, currency);
    const c = convert(all[other], currency, rate);
    converted.push(c);
    net = add(net, { amount: c.amount, currency });
  }
  return { net, converted };
}

/** What the credit already covers on a dispatch: its debit (payments beyond deposits), in the credit's currency. */
export function creditUsedBy(entries: readonly LedgerEntry[], creditCurrency: Currency, rate?: ExchangeRate): Money {
  const { net } = netPosition(entries, creditCurrency, rate);
  return isNegative(net) ? ofMinor(-toMinor(net.amount), creditCurrency) : zero(creditCurrency);
}

export interface FundsGateInput {
  credit: ClientCredit;
  /** Credit already used by the client's other dispatches (creditUsedBy summed), in the credit's currency. */
  creditUsedElsewhere?: Money;
  ledger: readonly LedgerEntry[];
  request: Money;
  /** The day's rate; needed only when an amount in the other currency takes part. */
  rate?: ExchangeRate;
}

export type FundsGateAnswer =
  | { allowed: true; available: Money; coveredByCredit: Money; converted: ConvertedMoney[] }
  | { allowed: false; available: Money; shortfall: Money; reason: string; converted: ConvertedMoney[] };

/** Allowed when deposits (net of earlier payments) plus the unused credit cover the request. */
export function fundsGate(input: FundsGateInput): FundsGateAnswer {
  const currency = input.request.currency;
  let position: { net: Money; converted: ConvertedMoney[] };
  try {
    position = netPosition(input.ledger, currency, input.rate);
  } catch (err) {
    if (!(err instanceof RateNeededError)) throw err;
    return { allowed: false, available: zero(currency), shortfall: input.request, reason: err.message, converted: [] };
  }
  const converted = [...position.converted];
  let creditLeft = zero(currency);
  if (input.credit.kind === 'approved') {
    const limit = input.credit.limit;
    const leftInCreditCurrency = subtract(limit, input.creditUsedElsewhere ?? zero(limit.currency));
    if (limit.currency === currency) creditLeft = leftInCreditCurrency;
    else if (input.rate) {
      const c = convert(leftInCreditCurrency, currency, input.rate);
      converted.push(c);
      creditLeft = { amount: c.amount, currency };
    } else {
      const err = new RateNeededError(limit.currency, currency);
      return { allowed: false, available: position.net, shortfall: input.request, reason: err.message, converted };
    }
    if (isNegative(creditLeft)) creditLeft = zero(currency);
  }
  const available = add(position.net, creditLeft);
  if (compare(available, input.request) >= 0) {
    const fromDeposits = isNegative(position.net) ? zero(currency) : position.net;
    const byCredit = subtract(input.request, fromDeposits);
    return { allowed: true, available, coveredByCredit: isNegative(byCredit) ? zero(currency) : byCredit, converted };
  }
  const shortfall = subtract(input.request, isNegative(available) ? zero(currency) : available);
  const how = input.credit.kind === 'approved' ? 'los fondos del cliente y su crédito aprobado' : 'los fondos del cliente (el cliente no tiene crédito aprobado)';
  const reason =
    `Fondos insuficientes: el pago de ${formatMoney(input.request)} supera ${how}. ` +
    `Disponible: ${formatMoney(isNegative(available) ? zero(currency) : available)}; faltan ${formatMoney(shortfall)}. ` +
    'Solicite al cliente un abono (transferencia o letras) antes de pedir el pago.';
  return { allowed: false, available, shortfall, reason, converted };
}
