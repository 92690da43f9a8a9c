import {
  addBusinessTime,
  businessTimeBetween,
  colombiaCalendar,
  formatLocal,
  isBusinessDay,
  localDate,
  mergeHolidays,
  peruCalendar,
  withHolidays,
} from '../../domain/calendar';

const HOUR = 3_600_000;
// Peru 2026 (Decreto Legislativo 713 and later laws), as date-holidays returns them.
const PE_2026 = [
  '2026-01-01', '2026-04-02', '2026-04-03', '2026-05-01', '2026-06-07', '2026-06-29', '2026-07-23', '2026-07-28',
  '2026-07-29', '2026-08-06', '2026-08-30', '2026-10-08', '2026-11-01', '2026-12-08', '2026-12-09', '2026-12-25',
];
// Colombia 2026: Reyes Magos (6 Jan, a Tuesday) and San José (19 Mar, a Thursday) move to the next Monday.
const CO_2026 = ['2026-01-01', '2026-01-12', '2026-03-23', '2026-04-02', '2026-04-03', '2026-05-01'];
const pe = peruCalendar(PE_2026);
const co = colombiaCalendar(CO_2026);
/** Lima/Bogotá local time → ISO UTC (both UTC−5). */
const lima = (local: string) => new Date(`${local}:00-05:00`).toISOString();

describe('calendars', () => {
  it('models Lima and Bogotá as a fixed UTC−5, Mon–Fri 09:00–18:00', () => {
    expect(pe).toMatchObject({ country: 'PE', utcOffsetMinutes: -300, workingDays: [1, 2, 3, 4, 5], workingHours: { start: '09:00', end: '18:00' } });
    expect(co).toMatchObject({ country: 'CO', utcOffsetMinutes: -300 });
  });
});

describe('isBusinessDay', () => {
  it.each([
    ['2026-07-27', true, 'Monday'],
    ['2026-07-25', false, 'Saturday'],
    ['2026-07-26', false, 'Sunday'],
    ['2026-07-28', false, 'Fiestas Patrias'],
    ['2026-07-29', false, 'Fiestas Patrias'],
    ['2026-04-02', false, 'Holy Thursday'],
    ['2026-04-03', false, 'Good Friday'],
    ['2026-04-01', true, 'Holy Wednesday'],
  ])('Peru %s → %s (%s)', (date, expected) => {
    expect(isBusinessDay(pe, date)).toBe(expected);
  });

  it('Colombia observes the Monday-moved holiday, not the original date', () => {
    expect(isBusinessDay(co, '2026-01-12')).toBe(false);
    expect(isBusinessDay(co, '2026-01-06')).toBe(true);
    expect(isBusinessDay(pe, '2026-01-12')).toBe(true);
  });

  it('rejects malformed dates', () => {
    expect(() => isBusinessDay(pe, '2026-02-30')).toThrow(RangeError);
    expect(() => isBusinessDay(pe, '27/07/2026')).toThrow(RangeError);
  });
});

describe('addBusinessTime', () => {
  it.each([
    ['24 business hours from Monday opening end Wednesday 15:00', '2026-07-06T09:00', 24, '2026-07-08T15:00'],
    ['9 hours from opening end at closing the same day', '2026-07-06T09:00', 9, '2026-07-06T18:00'],
    ['before opening counts from 09:00', '2026-07-06T07:30', 1, '2026-07-06T10:00'],
    ['after closing counts from the next opening', '2026-07-06T18:30', 1, '2026-07-07T10:00'],
    ['lunch is not modelled: 17:00 + 1h ends at 18:00', '2026-07-06T17:00', 1, '2026-07-06T18:00'],
    ['across a weekend', '2026-07-03T17:00', 2, '2026-07-06T10:00'],
    ['from a Saturday', '2026-07-04T11:00', 1, '2026-07-06T10:00'],
    ['across Fiestas Patrias (Tue 28, Wed 29 July)', '2026-07-27T17:00', 2, '2026-07-30T10:00'],
    ['across Holy Thursday, Good Friday and the weekend', '2026-04-01T17:00', 2, '2026-04-06T10:00'],
    ['24 business hours from Friday across the weekend and Fiestas Patrias', '2026-07-24T10:00', 24, '2026-07-30T16:00'],
  ])('%s', (_label, from, hours, expected) => {
    expect(addBusinessTime(pe, lima(from), hours * HOUR)).toBe(lima(expected));
  });

  it('returns the same instant for zero', () => {
    expect(addBusinessTime(pe, '2026-07-04T16:00:00.000Z', 0)).toBe('2026-07-04T16:00:00.000Z');
  });

  it('re-plans when a non-working day is decreed', () => {
    const decreed = withHolidays(pe, ['2026-07-27']);
    expect(addBusinessTime(decreed, lima('2026-07-24T17:00'), 2 * HOUR)).toBe(lima('2026-07-30T10:00'));
  });

  it('uses the Colombian calendar: Friday + 2h skips the weekend and the Monday holiday', () => {
    expect(addBusinessTime(co, lima('2026-01-09T17:00'), 2 * HOUR)).toBe(lima('2026-01-13T10:00'));
    expect(addBusinessTime(co, lima('2026-03-20T17:00'), 2 * HOUR)).toBe(lima('2026-03-24T10:00'));
  });

  it('refuses negative durations, instants without a zone and empty calendars', () => {
    expect(() => addBusinessTime(pe, lima('2026-07-06T09:00'), -1)).toThrow(RangeError);
    expect(() => addBusinessTime(pe, '2026-07-06T09:00', HOUR)).toThrow(/zone/);
    expect(() => addBusinessTime({ ...pe, workingDays: [] }, lima('2026-07-06T09:00'), HOUR)).toThrow(RangeError);
    expect(() => addBusinessTime({ ...pe, workingHours: { start: '18:00', end: '09:00' } }, lima('2026-07-06T09:00'), HOUR)).toThrow(RangeError);
  });
});

describe('businessTimeBetween', () => {
  it.each([
    ['Monday 09:00 → Wednesday 15:00', '2026-07-06T09:00', '2026-07-08T15:00', 24],
    ['inside one day', '2026-07-06T10:15', '2026-07-06T12:45', 2.5],
    ['a weekend alone', '2026-07-04T00:00', '2026-07-06T09:00', 0],
    ['across Fiestas Patrias', '2026-07-27T17:00', '2026-07-30T10:00', 2],
    ['night to night', '2026-07-06T22:00', '2026-07-07T22:00', 9],
  ])('%s', (_label, from, to, hours) => {
    expect(businessTimeBetween(pe, lima(from), lima(to))).toBe(hours * HOUR);
  });

  it('is negative when the end comes first', () => {
    expect(businessTimeBetween(pe, lima('2026-07-06T12:00'), lima('2026-07-06T10:00'))).toBe(-2 * HOUR);
  });

  it('inverts addBusinessTime', () => {
    const starts = ['2026-07-06T09:00', '2026-07-24T13:20', '2026-04-01T16:59', '2026-12-24T11:00'];
    for (const start of starts) {
      for (const hours of [0.5, 7, 9, 24, 100]) {
        const end = addBusinessTime(pe, lima(start), hours * HOUR);
        expect(businessTimeBetween(pe, lima(start), end)).toBe(hours * HOUR);
      }
    }
  });
});

describe('local time', () => {
  it('gives the Lima date and a Spanish-style timestamp', () => {
    expect(localDate(pe, '2026-07-28T03:00:00Z')).toBe('2026-07-27');
    expect(formatLocal(pe, '2026-07-28T03:05:00Z')).toBe('27/07/2026 22:05');
    expect(formatLocal(pe, '2026-01-01T05:00:00+00:00')).toBe('01/01/2026 00:00');
  });
});

describe('mergeHolidays', () => {
  it('unites, de-duplicates and sorts', () => {
    expect(mergeHolidays(['2026-07-29', '2026-07-28'], [], ['2026-07-28', '2026-01-01'])).toEqual(['2026-01-01', '2026-07-28', '2026-07-29']);
  });

  it('rejects a malformed date', () => {
    expect(() => mergeHolidays(['2026-7-28'])).toThrow(RangeError);
  });
});
