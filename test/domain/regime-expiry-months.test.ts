/** Regime expiry in calendar months (Lima time), month ends and leap years; and which policy counts months. */
import { addCalendarMonths, LIMA_UTC_OFFSET_MINUTES } from '../../domain/calendar';
import { DEFAULT_POLICY, regimeExpiryAt, regimeExpiryReminders, resolvePolicy } from '../../domain/clocks';

const DAY = 86_400_000;
const lima = (iso: string, months: number) => addCalendarMonths(iso, months, LIMA_UTC_OFFSET_MINUTES);

describe('addCalendarMonths in Lima', () => {
  it.each([
    ['2026-08-31T10:00:00-05:00', 18, '2028-02-29T15:00:00.000Z'], // leap February
    ['2026-08-31T10:00:00-05:00', 6, '2027-02-28T15:00:00.000Z'], // common February
    ['2028-02-29T10:00:00-05:00', 12, '2029-02-28T15:00:00.000Z'], // from a leap day to a common year
    ['2027-01-31T08:00:00-05:00', 1, '2027-02-28T13:00:00.000Z'],
    ['2026-12-03T09:30:00-05:00', 18, '2028-06-03T14:30:00.000Z'],
    ['2026-03-31T12:00:00-05:00', 12, '2027-03-31T17:00:00.000Z'],
  ])('%s + %i months = %s', (from, months, expected) => {
    expect(lima(from, months)).toBe(expected);
  });

  it('counts the Lima date, not the UTC one: 31 August 23:30 in Lima is 1 September in UTC', () => {
    expect(lima('2026-08-31T23:30:00-05:00', 18)).toBe('2028-03-01T04:30:00.000Z'); // 29/02/2028 23:30 in Lima
  });
});

describe('regime expiry', () => {
  it('counts 18 months for temporary admission and 12 for the customs warehouse by default', () => {
    expect(regimeExpiryAt('2026-08-31T10:00:00-05:00', '20', DEFAULT_POLICY)).toBe('2028-02-29T15:00:00.000Z');
    expect(regimeExpiryAt('2026-08-31T10:00:00-05:00', '70', DEFAULT_POLICY)).toBe('2027-08-31T15:00:00.000Z');
    expect(regimeExpiryAt('2026-08-31T10:00:00-05:00', '10', DEFAULT_POLICY)).toBeUndefined();
  });

  it('reminds 90/60/30/7 days before the calendar-month expiry', () => {
    expect(regimeExpiryReminders('2026-08-31T10:00:00-05:00', '20', DEFAULT_POLICY).map((r) => r.dueAt)).toEqual(
      [90, 60, 30, 7].map((d) => new Date(Date.parse('2028-02-29T15:00:00.000Z') - d * DAY).toISOString()),
    );
  });

  it('a duration set by an agreement or a test wins over months for that regime only', () => {
    const policy = resolvePolicy({ regimeExpiryMs: { '20': 40 * DAY } as never });
    expect(policy.regimeExpiryMonths).toEqual({ '70': 12 });
    expect(regimeExpiryAt('2026-08-31T10:00:00-05:00', '20', policy)).toBe(new Date(Date.parse('2026-08-31T15:00:00Z') + 40 * DAY).toISOString());
  });

  it('a policy carried from a run before months (legacy day counts, months absent) counts months again once resolved', () => {
    const carried = { ...DEFAULT_POLICY, regimeExpiryMonths: undefined };
    expect(resolvePolicy(carried).regimeExpiryMonths).toEqual({ '20': 18, '70': 12 });
  });

  it('without months (a run from before the change) the day count applies', () => {
    const old = { ...DEFAULT_POLICY, regimeExpiryMonths: undefined };
    expect(regimeExpiryAt('2026-08-31T10:00:00-05:00', '20', old)).toBe(new Date(Date.parse('2026-08-31T15:00:00Z') + 548 * DAY).toISOString());
  });
});
