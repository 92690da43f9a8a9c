/**
 * Money of a dispatch, exact: amounts are decimal strings with exactly two decimals in every payload and JSON
 * body ("1234.50", never a float), held as bigint céntimos/cents while computing. Currencies are PEN (soles)
 * and USD; adding or comparing two currencies throws (`CurrencyMismatchError`) unless one side was converted
 * first with an ExchangeRate (exchange.ts). Nothing here rounds silently: the only rounding is `roundHalfEven`,
 * called by name where a product or quotient has more than two decimals (conversions, rates × days).
 */

export const CURRENCIES = ['PEN', 'USD'] as const;
export type Currency = (typeof CURRENCIES)[number];

/** Plain JSON: the amount is a decimal string with exactly two decimals (negative for a debit balance). */
export interface Money {
  readonly amount: string;
  readonly currency: Currency;
}

/** An amount as a person types it: up to two decimals, no exponent, no thousands separators, 12 digits at most (NUMERIC(14,2)). */
export const AMOUNT_PATTERN = /^-?(0|[1-9][0-9]{0,11})(\.[0-9]{1,2})?$/;
/** A computed amount (a sum may outgrow one entry's 12 digits). */
const DECIMAL_PATTERN = /^-?(0|[1-9][0-9]*)(\.[0-9]{1,2})?$/;

export class CurrencyMismatchError extends Error {
  constructor(readonly left: Currency, readonly right: Currency) {
    super(`No se pueden sumar ni comparar montos en ${left} y ${right} sin un tipo de cambio.`);
    this.name = 'CurrencyMismatchError';
  }
}

export class InvalidAmountError extends Error {
  constructor(readonly value: string) {
    super(`Monto inválido: "${value}". Use un número con hasta 2 decimales, p. ej. 1250.50.`);
    this.name = 'InvalidAmountError';
  }
}

/** Parses "12", "12.5", "-0.05" into minor units (céntimos/cents). Throws on anything else (floats, 3 decimals). */
export function toMinor(amount: string): bigint {
  if (!DECIMAL_PATTERN.test(amount)) throw new InvalidAmountError(amount);
  const negative = amount.startsWith('-');
  const [whole, fraction = ''] = (negative ? amount.slice(1) : amount).split('.');
  const minor = BigInt(whole!) * 100n + BigInt(fraction.padEnd(2, '0'));
  return negative ? -minor : minor;
}

/** Minor units → "1234.50". */
export function fromMinor(minor: bigint): string {
  const negative = minor < 0n;
  const abs = negative ? -minor : minor;
  const text = `${abs / 100n}.${(abs % 100n).toString().padStart(2, '0')}`;
  return negative ? `-${text}` : text;
}

/** An amount entered by a person or read from a column: at most 12 digits and 2 decimals, else InvalidAmountError. */
export function money(amount: string, currency: Currency): Money {
  if (!AMOUNT_PATTERN.test(amount)) throw new InvalidAmountError(amount);
  return { amount: fromMinor(toMinor(amount)), currency };
}

export function zero(currency: Currency): Money {
  return { amount: '0.00', currency };
}

export function ofMinor(minor: bigint, currency: Currency): Money {
  return { amount: fromMinor(minor), currency };
}

function same(a: Money, b: Money): void {
  if (a.currency !== b.currency) throw new CurrencyMismatchError(a.currency, b.currency);
}

export function add(a: Money, b: Money): Money {
  same(a, b);
  return ofMinor(toMinor(a.amount) + toMinor(b.amount), a.currency);
}

export function subtract(a: Money, b: Money): Money {
  same(a, b);
  return ofMinor(toMinor(a.amount) - toMinor(b.amount), a.currency);
}

/** Sum of amounts of one currency; an empty list is zero in `currency`. */
export function sum(items: readonly Money[], currency: Currency): Money {
  return items.reduce((total, item) => add(total, item), zero(currency));
}

/** -1, 0 or 1; throws on different currencies. */
export function compare(a: Money, b: Money): -1 | 0 | 1 {
  same(a, b);
  const d = toMinor(a.amount) - toMinor(b.amount);
  return d < 0n ? -1 : d > 0n ? 1 : 0;
}

export function isNegative(a: Money): boolean {
  return toMinor(a.amount) < 0n;
}

/** An amount times a whole number (days × daily rate × containers): exact, no rounding needed. */
export function times(a: Money, factor: number): Money {
  if (!Number.isInteger(factor)) throw new RangeError(`times: factor ${factor} must be a whole number`);
  return ofMinor(toMinor(a.amount) * BigInt(factor), a.currency);
}

/**
 * numerator / denominator rounded to a whole number, half to even (banker's rounding: 0.125 → 0.12, 0.135 → 0.14
 * when the unit is the céntimo). The one rounding rule of Levante's money, always called by name.
 */
export function roundHalfEven(numerator: bigint, denominator: bigint): bigint {
  if (denominator === 0n) throw new RangeError('roundHalfEven: division by zero');
  if (denominator < 0n) return roundHalfEven(-numerator, -denominator);
  const negative = numerator < 0n;
  const n = negative ? -numerator : numerator;
  let q = n / denominator;
  const twice = (n % denominator) * 2n;
  if (twice > denominator || (twice === denominator && q % 2n === 1n)) q += 1n;
  return negative ? -q : q;
}

/** Spanish display, e.g. "S/ 1,234.50" or "US$ 980.00" (the broker's invoices use the comma for thousands). */
export function formatMoney(m: Money): string {
  const negative = m.amount.startsWith('-');
  const [whole, fraction] = (negative ? m.amount.slice(1) : m.amount).split('.');
  const grouped = whole!.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${negative ? '-' : ''}${m.currency === 'PEN' ? 'S/' : 'US$'} ${grouped}.${fraction}`;
}
