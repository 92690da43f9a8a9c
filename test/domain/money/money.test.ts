import {
  add, compare, convert, CurrencyMismatchError, formatMoney, fromMinor, InvalidAmountError, money, normalizeRate, roundHalfEven, subtract, sum, times, toMinor,
} from '../../../domain/money';

const rate = { date: '2026-12-03', rate: '3.752', source: 'SBS venta' };

describe('Money', () => {
  test('amounts are exact decimal strings with two decimals', () => {
    expect(money('0.1', 'PEN')).toEqual({ amount: '0.10', currency: 'PEN' });
    expect(add(money('0.10', 'PEN'), money('0.20', 'PEN'))).toEqual({ amount: '0.30', currency: 'PEN' }); // 0.1 + 0.2 in floats is 0.30000000000000004
    expect(subtract(money('5', 'USD'), money('7.25', 'USD')).amount).toBe('-2.25');
    const big = sum([money('999999999999.99', 'USD'), money('0.01', 'USD')], 'USD'); // a sum may outgrow one entry's 12 digits
    expect(add(big, money('0.05', 'USD')).amount).toBe('1000000000000.05');
    expect(() => money(big.amount, 'USD')).toThrow(InvalidAmountError); // but no single entry may
    expect(times(money('15.00', 'USD'), 3)).toEqual({ amount: '45.00', currency: 'USD' });
    expect(fromMinor(toMinor('-0.05'))).toBe('-0.05');
  });

  test('a third decimal, a float-looking exponent or thousands separators are refused, never rounded', () => {
    for (const bad of ['1.005', '1e3', '1,000.00', '.5', '01.00', '', 'NaN']) expect(() => money(bad, 'PEN')).toThrow(InvalidAmountError);
    expect(() => money('1.005', 'PEN')).toThrow(/hasta 2 decimales/);
  });

  test('adding or comparing PEN and USD throws unless converted first', () => {
    expect(() => add(money('1', 'PEN'), money('1', 'USD'))).toThrow(CurrencyMismatchError);
    expect(() => compare(money('1', 'PEN'), money('1', 'USD'))).toThrow(/sin un tipo de cambio/);
    const inPen = convert(money('100.00', 'USD'), 'PEN', rate);
    expect(add(money('10.00', 'PEN'), inPen).amount).toBe('385.20');
  });

  test('rounding is half-even to 2 decimals, and only where asked', () => {
    expect(roundHalfEven(125n, 10n)).toBe(12n); // 12.5 → 12 (even)
    expect(roundHalfEven(135n, 10n)).toBe(14n); // 13.5 → 14 (even)
    expect(roundHalfEven(-125n, 10n)).toBe(-12n);
    expect(roundHalfEven(126n, 10n)).toBe(13n);
    expect(roundHalfEven(124n, 10n)).toBe(12n);
    // 0.01 USD × 3.5 = 0.035 PEN → 0.04 (half to even: 4 is even); 0.03 USD × 3.5 = 0.105 → 0.10
    expect(convert(money('0.01', 'USD'), 'PEN', { ...rate, rate: '3.5' }).amount).toBe('0.04');
    expect(convert(money('0.03', 'USD'), 'PEN', { ...rate, rate: '3.5' }).amount).toBe('0.10');
  });

  test('a converted figure keeps the original amount, the rate, its date and source', () => {
    const usd = convert(money('1000.00', 'PEN'), 'USD', rate);
    expect(usd).toEqual({
      amount: '266.52', // 1000 / 3.752 = 266.5245…
      currency: 'USD',
      original: { amount: '1000.00', currency: 'PEN' },
      rate: '3.752000',
      rateDate: '2026-12-03',
      rateSource: 'SBS venta',
      rounding: 'half-even, 2 decimales',
    });
    expect(JSON.parse(JSON.stringify(usd))).toEqual(usd); // plain JSON, safe as a workflow payload
    expect(normalizeRate('3.7')).toBe('3.700000');
    expect(() => normalizeRate('3.1234567')).toThrow(/6 decimales/);
    expect(() => normalizeRate('0')).toThrow(/mayor que cero/);
  });

  test('formats for people in Spanish with the currency symbol', () => {
    expect(formatMoney(money('1234567.5', 'PEN'))).toBe('S/ 1,234,567.50');
    expect(formatMoney(money('-980', 'USD'))).toBe('-US$ 980.00');
  });
});
