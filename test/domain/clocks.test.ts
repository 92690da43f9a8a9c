import { peruCalendar } from '../../domain/calendar';
import {
  CLOCK_LABEL_ES,
  complaintEscalationDueAt,
  DEFAULT_POLICY,
  nextDeadline,
  policyProblems,
  regimeExpiryReminders,
  regularizationDeadlines,
  resolvePolicy,
  type Deadline,
} from '../../domain/clocks';
import type { DispatchState } from '../../domain/state-machine';
import { openDispatch } from './support';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

describe('policy', () => {
  it('defaults to the "Two clocks" table', () => {
    expect(DEFAULT_POLICY).toEqual({
      documentReviewMs: 48 * HOUR,
      reviewReminderBeforeMs: 6 * HOUR,
      damDraftMs: 24 * HOUR,
      complaintEscalationBusinessMs: 24 * HOUR,
      complaintEscalationReading: 'business_days',
      sadaRegularizationTargetMs: 10 * DAY,
      sadaRegularizationLegalMs: 15 * DAY,
      exportRegularizationTargetMs: 10 * DAY,
      exportRegularizationLegalMs: 30 * DAY,
      deferredNumberingLegalMs: 15 * DAY,
      regularizationReminderBeforeMs: 2 * DAY,
      regimeExpiryMonths: { '20': 18, '70': 12 },
      regimeExpiryMs: { '20': 548 * DAY, '70': 365 * DAY },
      regimeExpiryRemindersDays: [90, 60, 30, 7],
      cargoCutoffReminderBeforeMs: 24 * HOUR,
      exportShipmentGreenMs: 2 * DAY,
      exportShipmentOrangeMs: 3 * DAY,
      exportShipmentRedMs: 5 * DAY,
      // Money (money-clocks-2026-12): the funds wait and the originals for the Archive, in business-day time.
      fundsWaitBusinessMs: 24 * HOUR,
      archiveOriginalsBusinessMs: 48 * HOUR,
    });
    expect(policyProblems(DEFAULT_POLICY)).toEqual([]);
  });

  it('applies a client agreement and short test durations without touching the defaults', () => {
    const policy = resolvePolicy({ damDraftMs: 4 * HOUR, documentReviewMs: 2_000, reviewReminderBeforeMs: undefined, regimeExpiryMs: { '70': DAY } as never });
    expect(policy).toMatchObject({ damDraftMs: 4 * HOUR, documentReviewMs: 2_000, reviewReminderBeforeMs: 6 * HOUR, regimeExpiryMs: { '20': 548 * DAY, '70': DAY } });
    expect(DEFAULT_POLICY.damDraftMs).toBe(24 * HOUR);
    expect(resolvePolicy()).toEqual(DEFAULT_POLICY);
  });

  it('reports invalid durations', () => {
    expect(policyProblems(resolvePolicy({ damDraftMs: -1, regimeExpiryRemindersDays: [30, 0] }))).toEqual([
      'damDraftMs must be a non-negative number of ms, got -1',
      'regimeExpiryRemindersDays must be positive integers',
    ]);
  });

  it('labels every clock in Spanish', () => {
    expect(Object.values(CLOCK_LABEL_ES).every((l) => l.length > 5)).toBe(true);
  });
});

describe('regularizationDeadlines', () => {
  const discharged = '2026-07-10T20:00:00.000Z';
  const withState = (overrides: Partial<DispatchState>, input = {}) => ({ ...openDispatch(input), ...overrides });

  it.each<[string, DispatchState, [string, string] | []]>([
    ['SADA: 10 and 15 days from the end of discharge', withState({ dischargeEndedAt: discharged }, { modality: 'anticipado' }), ['2026-07-20T20:00:00.000Z', '2026-07-25T20:00:00.000Z']],
    ['SADA before the end of discharge: none yet', withState({}, { modality: 'anticipado' }), []],
    ['deferred import: none', withState({ dischargeEndedAt: discharged }, { modality: 'diferido' }), []],
    ['export: 10 and 30 days from the end of shipment', withState({ shipmentEndedAt: discharged }, { regime: '40' }), ['2026-07-20T20:00:00.000Z', '2026-08-09T20:00:00.000Z']],
    ['already regularized: none', withState({ shipmentEndedAt: discharged, regularizedAt: '2026-07-15T15:00:00.000Z' }, { regime: '40' }), []],
    ['cancelled: none', withState({ dischargeEndedAt: discharged, status: 'cancelled' }, { modality: 'anticipado' }), []],
  ])('%s', (_label, state, expected) => {
    const deadlines = regularizationDeadlines(state, DEFAULT_POLICY);
    expect(deadlines.map((d) => d.dueAt)).toEqual(expected);
    if (expected.length) {
      expect(deadlines.map((d) => d.clock)).toEqual(['regularization_target', 'regularization_legal']);
      expect(deadlines[0]!.label).toMatch(/^Regularización .*plazo objetivo interno$/);
    }
  });

  it('follows an overridden target', () => {
    const state = withState({ dischargeEndedAt: discharged }, { modality: 'anticipado' });
    const [target] = regularizationDeadlines(state, resolvePolicy({ sadaRegularizationTargetMs: 7 * DAY }));
    expect(target!.dueAt).toBe('2026-07-17T20:00:00.000Z');
  });
});

describe('regimeExpiryReminders', () => {
  const levante = '2026-07-10T15:00:00.000Z';

  it('reminds 90, 60, 30 and 7 days before a temporary admission (regime 20) expires, earliest first', () => {
    const expiry = Date.parse('2028-01-10T15:00:00.000Z'); // 18 calendar months after the levante, 10:00 in Lima
    expect(regimeExpiryReminders(levante, '20', DEFAULT_POLICY)).toEqual(
      [90, 60, 30, 7].map((d) => ({ daysBefore: d, dueAt: new Date(expiry - d * DAY).toISOString() })),
    );
  });

  it('uses 12 months for a customs warehouse (regime 70) and nothing for regimes 10 and 40', () => {
    expect(regimeExpiryReminders(levante, '70', DEFAULT_POLICY).at(-1)).toEqual({ daysBefore: 7, dueAt: '2027-07-03T15:00:00.000Z' });
    expect(regimeExpiryReminders(levante, '10', DEFAULT_POLICY)).toEqual([]);
    expect(regimeExpiryReminders(levante, '40', DEFAULT_POLICY)).toEqual([]);
  });
});

describe('nextDeadline', () => {
  const d = (dueAt: string, clock: Deadline['clock'] = 'dam_draft'): Deadline => ({ clock, dueAt, label: CLOCK_LABEL_ES[clock] });

  it('picks the earliest, comparing instants not strings', () => {
    expect(nextDeadline([])).toBeUndefined();
    // 16:00 in Lima is 21:00Z: later than 20:00Z although it sorts first as text.
    expect(nextDeadline([d('2026-07-10T16:00:00-05:00', 'document_review'), d('2026-07-10T20:00:00.000Z'), d('2026-07-11T00:00:00.000Z')])?.clock).toBe('dam_draft');
  });
});

describe('complaint escalation ("24 hrs. útiles")', () => {
  const cal = peruCalendar(['2026-07-28', '2026-07-29', '2026-12-07']);
  const officeHours = { ...DEFAULT_POLICY, complaintEscalationReading: 'office_hours' as const };

  it('by default counts 24 hours of business days, skipping the others: Friday 17:00 is due Monday 17:00', () => {
    expect(complaintEscalationDueAt(cal, '2026-07-17T17:00:00-05:00', DEFAULT_POLICY)).toBe('2026-07-20T22:00:00.000Z');
  });

  it('a Friday 17:00 complaint before a Monday holiday is due Tuesday 17:00', () => {
    // 7 December 2026 (a Monday) declared non-working in this calendar.
    expect(complaintEscalationDueAt(cal, '2026-12-04T17:00:00-05:00', DEFAULT_POLICY)).toBe('2026-12-08T22:00:00.000Z');
  });

  it('Monday 10:00 is due Tuesday 10:00 by default, and Wednesday 16:00 under the office-hours option', () => {
    expect(complaintEscalationDueAt(cal, '2026-07-06T10:00:00-05:00', DEFAULT_POLICY)).toBe('2026-07-07T15:00:00.000Z');
    expect(complaintEscalationDueAt(cal, '2026-07-06T10:00:00-05:00', officeHours)).toBe('2026-07-08T21:00:00.000Z');
  });

  it('across the weekend and Fiestas Patrias: Friday 24 July 10:00 is due Monday 27 10:00 (office hours: Thursday 30 16:00)', () => {
    expect(complaintEscalationDueAt(cal, '2026-07-24T15:00:00.000Z', DEFAULT_POLICY)).toBe('2026-07-27T15:00:00.000Z');
    expect(complaintEscalationDueAt(cal, '2026-07-24T15:00:00.000Z', officeHours)).toBe('2026-07-30T21:00:00.000Z');
  });

  it('a complaint logged on a non-business day starts counting at the next business day', () => {
    expect(complaintEscalationDueAt(cal, '2026-07-25T10:00:00-05:00', DEFAULT_POLICY)).toBe('2026-07-28T05:00:00.000Z'); // Monday 24:00
  });
});
