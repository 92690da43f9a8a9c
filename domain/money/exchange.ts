/**
 * Exchange rates (tipo de cambio): soles per US dollar on a date, entered by Administración with its source
 * (e.g. "SBS venta", "SUNAT"). A converted figure never stands alone: it carries the original amount, the rate,
 * its date and source, and the rounding applied (half-even to 2 decimals), so a person can redo the arithmetic.
 */
import { ofMinor, roundHalfEven, toMinor, type Currency, type Money } from './money';

/** Soles (PEN) per one US dollar (USD) on `date` (Lima, YYYY-MM-DD). */
export interface ExchangeRate {
  readonly date: string;
  /** Decimal string, up to 6 decimals, e.g. "3.752000". */
  readonly rate: string;
  readonly source: string;
}

/** A rate as typed: up to 6 decimals, positive, below 1000. */
export const RATE_PATTERN = /^(0|[1-9][0-9]{0,2})(\.[0-9]{1,6})?$/;

export const CONVERSION_ROUNDING = 'half-even, 2 decimales' as const;

export interface ConvertedMoney extends Money {
  readonly original: Money;
  readonly rate: string;
  readonly rateDate: string;
  readonly rateSource: string;
  readonly rounding: typeof CONVERSION_ROUNDING;
}

/** Rate in millionths: "3.752" → 3752000n. */
export function rateMicro(rate: string): bigint {
  if (!RATE_PATTERN.test(rate)) throw new RangeError(`Tipo de cambio inválido: "${rate}". Use hasta 6 decimales, p. ej. 3.752.`);
  const [whole, fraction = ''] = rate.split('.');
  const micro = BigInt(whole!) * 1_000_000n + BigInt(fraction.padEnd(6, '0'));
  if (micro === 0n) throw new RangeError('El tipo de cambio debe ser mayor que cero.');
  return micro;
}

/** "3.752" → "3.752000" (the form stored and shown). */
export function normalizeRate(rate: string): string {
  const micro = rateMicro(rate);
  return `${micro / 1_000_000n}.${(micro % 1_000_000n).toString().padStart(6, '0')}`;
}

/**
 * Converts between PEN and USD with `rate` (PEN per USD): USD → PEN multiplies, PEN → USD divides; the result is
 * rounded half-even to 2 decimals and keeps the original amount, the rate and its date. Same currency: no rate
 * applied (rate "1.000000").
 */
export function convert(amount: Money, to: Currency, rate: ExchangeRate): ConvertedMoney {
  const trail = { original: amount, rateDate: rate.date, rateSource: rate.source, rounding: CONVERSION_ROUNDING };
  if (amount.currency === to) return { ...amount, ...trail, rate: '1.000000' };
  const micro = rateMicro(rate.rate);
  const minor = toMinor(amount.amount);
  const converted = to === 'PEN' ? roundHalfEven(minor * micro, 1_000_000n) : roundHalfEven(minor * 1_000_000n, micro);
  return { ...ofMinor(converted, to), ...trail, rate: normalizeRate(rate.rate) };
}

