import { balances, creditUsedBy, fundsGate, money, type LedgerEntry } from '../../../domain/money';

const rate = { date: '2026-12-03', rate: '3.750', source: 'SBS venta' };
const deposit = (amount: string, currency: 'PEN' | 'USD' = 'USD'): LedgerEntry => ({ kind: 'deposit', amount: money(amount, currency) });
const payment = (amount: string, currency: 'PEN' | 'USD' = 'USD'): LedgerEntry => ({ kind: 'payment', amount: money(amount, currency) });

describe('funds gate', () => {
  test('without credit, deposits net of earlier payments must cover the payment', () => {
    const ledger = [deposit('1000.00'), payment('400.00')];
    expect(balances(ledger)).toEqual({ PEN: money('0', 'PEN'), USD: money('600', 'USD') });
    expect(fundsGate({ credit: { kind: 'none' }, ledger, request: money('600.00', 'USD') })).toMatchObject({ allowed: true, coveredByCredit: { amount: '0.00' } });
    const refused = fundsGate({ credit: { kind: 'none' }, ledger, request: money('850.50', 'USD') });
    expect(refused).toMatchObject({ allowed: false, shortfall: { amount: '250.50', currency: 'USD' }, available: { amount: '600.00' } });
    if (refused.allowed) throw new Error('expected a refusal');
    expect(refused.reason).toBe(
      'Fondos insuficientes: el pago de US$ 850.50 supera los fondos del cliente (el cliente no tiene crédito aprobado). ' +
        'Disponible: US$ 600.00; faltan US$ 250.50. Solicite al cliente un abono (transferencia o letras) antes de pedir el pago.',
    );
  });

  test('an approved credit covers what deposits do not, up to its limit less what other dispatches use', () => {
    const credit = { kind: 'approved' as const, limit: money('5000.00', 'USD') };
    const ledger = [deposit('1000.00')];
    expect(fundsGate({ credit, ledger, request: money('3000.00', 'USD') })).toMatchObject({ allowed: true, coveredByCredit: { amount: '2000.00' } });
    const elsewhere = creditUsedBy([deposit('100.00'), payment('4500.00')], 'USD'); // another dispatch owes 4400
    expect(elsewhere.amount).toBe('4400.00');
    expect(fundsGate({ credit, creditUsedElsewhere: elsewhere, ledger, request: money('3000.00', 'USD') })).toMatchObject({
      allowed: false, available: { amount: '1600.00' }, shortfall: { amount: '1400.00' },
    });
  });

  test('deposits in the other currency count only through the day\'s rate, cited in the answer', () => {
    const ledger = [deposit('3750.00', 'PEN')];
    const noRate = fundsGate({ credit: { kind: 'none' }, ledger, request: money('500.00', 'USD') });
    expect(noRate).toMatchObject({ allowed: false, reason: expect.stringMatching(/Falta el tipo de cambio del día para convertir PEN a USD/) });
    const withRate = fundsGate({ credit: { kind: 'none' }, ledger, request: money('500.00', 'USD'), rate });
    expect(withRate).toMatchObject({ allowed: true, available: { amount: '1000.00', currency: 'USD' } });
    expect(withRate.converted).toEqual([expect.objectContaining({ amount: '1000.00', original: { amount: '3750.00', currency: 'PEN' }, rate: '3.750000', rateDate: '2026-12-03' })]);
  });

  test('a credit in soles covers a payment in dollars at the day\'s rate', () => {
    const credit = { kind: 'approved' as const, limit: money('7500.00', 'PEN') };
    expect(fundsGate({ credit, ledger: [], request: money('2000.00', 'USD'), rate })).toMatchObject({ allowed: true, coveredByCredit: { amount: '2000.00' } });
    expect(fundsGate({ credit, ledger: [], request: money('2000.01', 'USD'), rate })).toMatchObject({ allowed: false, shortfall: { amount: '0.01' } });
    expect(fundsGate({ credit, ledger: [], request: money('1', 'USD') })).toMatchObject({ allowed: false, reason: expect.stringMatching(/tipo de cambio/) });
  });
});
