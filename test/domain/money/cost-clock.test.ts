import { peruCalendar } from '../../../domain/calendar';
import { costClock, DEFAULT_TARIFFS, detentionTariff, lastFreeDay, type ClockTariff } from '../../../domain/money';

// Holy Week 2026 in Peru: Thursday 2 and Friday 3 April are national holidays, then the weekend (4–5 April).
const holyWeek = peruCalendar(['2026-04-02', '2026-04-03']);

describe('cost clocks', () => {
  test('storage at APMTC over the Holy Week weekend: calendar free days run through holidays and weekends', () => {
    // Discharged Wednesday 1 April; 2 free calendar days (1 and 2 April); withdrawn Monday 6 April.
    const clock = costClock({ kind: 'storage', tariff: DEFAULT_TARIFFS.storage.APMTC, startDate: '2026-04-01', until: '2026-04-06', containers: { '20': 1, '40': 2 } });
    expect(clock).toMatchObject({ freeDays: 2, dayCount: 'calendar', lastFreeDay: '2026-04-02', firstChargeableDay: '2026-04-03', chargeableDays: 4 });
    // 4 days × (1 × 15.00 + 2 × 30.00) = 300.00 USD
    expect(clock.lines.map((l) => [l.size, l.amount.amount])).toEqual([['20', '60.00'], ['40', '240.00']]);
    expect(clock.estimatedCost).toEqual({ amount: '300.00', currency: 'USD' });
  });

  test('a tariff in business days spends no free day on the holidays or the weekend', () => {
    const business: ClockTariff = { ...DEFAULT_TARIFFS.storage.DPWC, dayCount: 'business' };
    expect(lastFreeDay('2026-04-01', 2, 'business', holyWeek)).toBe('2026-04-06'); // Wed 1 + Mon 6
    const byMonday = costClock({ kind: 'storage', tariff: business, startDate: '2026-04-01', until: '2026-04-06', containers: { '40': 1 }, calendar: holyWeek });
    expect(byMonday.chargeableDays).toBe(0);
    expect(byMonday.estimatedCost.amount).toBe('0.00');
    // Once free time is over, every calendar day is charged.
    const byWednesday = costClock({ kind: 'storage', tariff: business, startDate: '2026-04-01', until: '2026-04-08', containers: { '40': 1 }, calendar: holyWeek });
    expect(byWednesday).toMatchObject({ firstChargeableDay: '2026-04-07', chargeableDays: 2, estimatedCost: { amount: '60.00', currency: 'USD' } });
    expect(() => lastFreeDay('2026-04-01', 2, 'business')).toThrow(/calendario/);
  });

  test('detention: free days of the shipping line, or those negotiated on the BL', () => {
    expect(detentionTariff(DEFAULT_TARIFFS, 'hapag').freeDays).toBe(10);
    expect(detentionTariff(DEFAULT_TARIFFS, 'Unknown Line')).toBe(DEFAULT_TARIFFS.detention.DEFAULT);
    const line = costClock({ kind: 'detention', tariff: detentionTariff(DEFAULT_TARIFFS, 'MSC'), startDate: '2026-04-01', until: '2026-04-10', containers: { '40': 1 } });
    expect(line).toMatchObject({ lastFreeDay: '2026-04-07', chargeableDays: 3, estimatedCost: { amount: '240.00' } });
    const bl = costClock({ kind: 'detention', tariff: detentionTariff(DEFAULT_TARIFFS, 'MSC'), startDate: '2026-04-01', until: '2026-04-10', containers: { '40': 1 }, freeDaysOverride: 14 });
    expect(bl).toMatchObject({ freeDays: 14, chargeableDays: 0, estimatedCost: { amount: '0.00' } });
  });

  test('nothing is chargeable before the free days end, and across a month end the days are still counted', () => {
    const early = costClock({ kind: 'storage', tariff: DEFAULT_TARIFFS.storage.DPWC, startDate: '2026-12-30', until: '2026-12-31', containers: { '20': 3 } });
    expect(early.chargeableDays).toBe(0);
    const late = costClock({ kind: 'storage', tariff: DEFAULT_TARIFFS.storage.DPWC, startDate: '2026-12-30', until: '2027-01-03', containers: { '20': 3 } });
    expect(late).toMatchObject({ firstChargeableDay: '2027-01-01', chargeableDays: 3, estimatedCost: { amount: '135.00' } });
  });
});
