import { computeKpis, periodBuckets, previousPeriod, type DispatchFacts } from '../../../domain/kpis/kpis';
import { median, percentile, ratio } from '../../../domain/kpis/stats';

const H = 3_600_000;
const D = 24 * H;
const T0 = Date.parse('2026-11-02T05:00:00Z'); // Monday 00:00 in Lima
const iso = (ms: number) => new Date(ms).toISOString();
const period = { from: iso(T0), to: iso(T0 + 7 * D) };

function facts(id: string, statusHours: Record<string, number>, extra: Partial<DispatchFacts> = {}): DispatchFacts {
  return {
    dispatchId: id, executiveId: 'ESC-07', clientRuc: '20100047218', terminal: 'APMTC', channel: 'verde', modality: 'diferido', direction: 'import',
    statusAt: Object.fromEntries(Object.entries(statusHours).map(([s, h]) => [s, iso(T0 + h * H)])),
    reviewMs: 48 * H, draftMs: 24 * H, regularizationTargetMs: 10 * D,
    ...extra,
  };
}

describe('stats', () => {
  test('median of odd and even lists, nearest-rank percentiles, null for no data', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeNull();
    expect(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 90)).toBe(9);
    expect(percentile([7], 90)).toBe(7);
    expect(percentile([], 90)).toBeNull();
  });

  test('a ratio is a percentage with one decimal, null when nothing was measured', () => {
    expect(ratio(1, 3)).toEqual({ hits: 1, total: 3, percent: 33.3 });
    expect(ratio(0, 0).percent).toBeNull();
  });
});

describe('computeKpis', () => {
  const dispatches = [
    facts('A', { documents_complete: 0, documents_reviewed: 47, draft_emitted: 60, dam_numbered: 70, released: 74 }),
    facts('B', { documents_complete: 0, documents_reviewed: 49, draft_emitted: 80, dam_numbered: 90, released: 150 }, { channel: 'rojo' }),
    // Reviewed in the period but within the client's agreed 72 h.
    facts('C', { documents_complete: 10, documents_reviewed: 70 }, { reviewMs: 72 * H }),
    // Completed before the period: not counted in it.
    facts('D', { documents_complete: -100, documents_reviewed: -60 }),
    facts('E', { shipped: -5 * 24, regularized: 3 * 24 }, { direction: 'export' }),
    facts('F', { regularized: 48 }, { modality: 'anticipado', dischargeEndedAt: iso(T0 - 12 * D) }),
  ];
  const complaints = [
    { dispatchId: 'A', kind: 'complaint' as const, category: 'complaint', at: iso(T0 + H), dueAt: iso(T0 + 30 * H), reportedAt: iso(T0 + 5 * H) },
    { dispatchId: 'B', kind: 'cost_contingency' as const, category: 'demurrage', at: iso(T0 + 2 * H), dueAt: iso(T0 + 30 * H) },
    // Still within its time: not judged yet.
    { dispatchId: 'C', kind: 'cost_contingency' as const, category: 'storage', at: iso(T0 + 6 * D), dueAt: iso(T0 + 8 * D) },
  ];
  const services = [
    { dispatchId: 'A', at: iso(T0 + D), amountPen: 150 },
    { dispatchId: 'B', at: iso(T0 + 2 * D), amountPen: null },
    { dispatchId: 'B', at: iso(T0 - 2 * D), amountPen: 999 },
  ];
  const k = computeKpis({ dispatches, complaints, services }, period, iso(T0 + 6.5 * D));

  test('documents reviewed and drafts within their (agreed) times, counted where they were completed', () => {
    expect(k.documentsReviewedOnTime).toEqual({ hits: 2, total: 3, percent: 66.7 });
    expect(k.draftOnTime).toEqual({ hits: 1, total: 2, percent: 50 });
  });

  test('levante time by channel: from numbering to levante, median and p90 in hours', () => {
    expect(k.levanteByChannel.verde).toEqual({ count: 1, medianHours: 4, p90Hours: 4 });
    expect(k.levanteByChannel.rojo).toEqual({ count: 1, medianHours: 60, p90Hours: 60 });
    expect(k.levanteByChannel.naranja).toEqual({ count: 0, medianHours: null, p90Hours: null });
  });

  test('regularizations from the end of shipment (export) or of discharge (SADA) within 10 days', () => {
    expect(k.regularizationsOnTime).toEqual({ hits: 1, total: 2, percent: 50 });
  });

  test('complaints reported in time; cost alerts by category; extra services billed in the period', () => {
    expect(k.complaintsReportedOnTime).toEqual({ hits: 1, total: 2, percent: 50 });
    expect(k.costAlerts).toEqual({ count: 2, byCategory: { demurrage: 1, storage: 1 }, reportedOnTime: 0 });
    expect(k.extraServices).toEqual({ count: 2, amountPen: 150 });
  });
});

describe('periods', () => {
  test('weekly buckets cover the period; the previous period has the same length', () => {
    const p = { from: iso(T0), to: iso(T0 + 10 * D) };
    expect(periodBuckets(p, 7 * D)).toEqual([{ from: iso(T0), to: iso(T0 + 7 * D) }, { from: iso(T0 + 7 * D), to: iso(T0 + 10 * D) }]);
    expect(previousPeriod(p)).toEqual({ from: iso(T0 - 10 * D), to: iso(T0) });
  });
});
