import { costClock, costClockLines, DEFAULT_TARIFFS, money, proformaLine, proformaTotals } from '../../../domain/money';

describe('proforma', () => {
  test('totals per currency, never mixed; converted totals cite the rate', () => {
    const lines = [
      proformaLine('agency_fee', 'Honorarios', 1, money('350.00', 'USD')),
      proformaLine('extra_service', 'Servicio fuera de horario', 2, money('120.50', 'PEN')),
      proformaLine('terminal_charge', 'THC', 1, money('180.00', 'USD')),
    ];
    expect(proformaTotals(lines).byCurrency).toEqual([money('241.00', 'PEN'), money('530.00', 'USD')]);
    const withRate = proformaTotals(lines, { date: '2026-12-03', rate: '3.75', source: 'SBS venta' });
    expect(withRate.converted.map((c) => [c.original.amount, c.amount, c.currency])).toEqual([['241.00', '64.27', 'USD'], ['530.00', '1987.50', 'PEN']]);
  });

  test('a cost clock becomes one line per container size with chargeable days', () => {
    const clock = costClock({ kind: 'storage', tariff: DEFAULT_TARIFFS.storage.APMTC, startDate: '2026-04-01', until: '2026-04-06', containers: { '40': 2 } });
    const [line] = costClockLines(clock);
    expect(line).toMatchObject({ kind: 'projected_storage', quantity: 8, unitAmount: money('30', 'USD'), amount: money('240', 'USD') });
    expect(line!.description).toContain('desde 2026-04-03, 4 día(s)');
  });
});
