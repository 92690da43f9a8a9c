/** Control chart (XmR), corrective-action notices and the annual score: pure functions over plain data. */
import { colombiaCalendar } from '../../../domain/calendar';
import { controlChart } from '../../../domain/partners/control-chart';
import { canClose, dueCorrectiveNotices, openCorrectiveAction, pendingCorrectiveNotices, resolveCorrectiveActionPolicy, type NonConformityInput } from '../../../domain/partners/corrective-action';
import { evaluatePartner } from '../../../domain/partners/evaluation';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

describe('control chart', () => {
  const sample = (i: number, hours: number) => ({ doNumber: `DO-${i}`, reportedAt: new Date(Date.UTC(2026, 0, i + 1)).toISOString(), serviceMs: hours * HOUR, targetMs: 9 * HOUR });

  test('center ± 2.66 · mean moving range, points outside flagged', () => {
    const chart = controlChart([5, 6, 5, 6, 5, 6, 5, 20].map((h, i) => sample(i, h)));
    // mean 7.25; moving ranges 1×6 and 15 → MR̄ = 21/7 = 3
    expect(chart).toMatchObject({ center: 7.25, meanMovingRange: 3, upperControlLimit: 15.23, lowerControlLimit: 0, targetHours: 9, outOfControlCount: 1, overTargetCount: 1 });
    expect(chart.points.at(-1)).toMatchObject({ doNumber: 'DO-7', hours: 20, movingRange: 15, outOfControl: true, overTarget: true });
  });

  test('one point has a center but no limits; none has nothing', () => {
    expect(controlChart([sample(0, 4)])).toMatchObject({ center: 4, upperControlLimit: null, outOfControlCount: 0 });
    expect(controlChart([])).toMatchObject({ center: null, points: [], targetHours: null });
  });
});

describe('corrective action', () => {
  const cal = colombiaCalendar([]);
  const nc: NonConformityInput = {
    ncId: 'NC-1', partnerId: 'ALZ-1', partnerName: 'Aliado', source: 'complaint', description: 'Reclamo', openedAt: '2026-03-02T14:00:00.000Z',
    openedBy: 'sup', owner: { name: 'Gestor', email: 'g@x.pe' }, partnerContacts: [],
  };
  const policy = resolveCorrectiveActionPolicy({ remindBeforeMs: [2 * DAY, 4 * HOUR], escalateEveryMs: 7 * DAY, maxEscalations: 2 });

  test('due date defaults to five business days; reminders before it, escalations after it', () => {
    const s = openCorrectiveAction(nc, policy, cal);
    expect(s.dueAt).toBe('2026-03-06T23:00:00.000Z'); // Mon 09:00 + 5 × 9 business hours → Friday 18:00 Bogotá
    expect(pendingCorrectiveNotices(s, policy).map((n) => [n.key, n.at])).toEqual([
      ['reminder/172800000', '2026-03-04T23:00:00.000Z'],
      ['reminder/14400000', '2026-03-06T19:00:00.000Z'],
      ['escalation/1', '2026-03-06T23:00:00.000Z'],
      ['escalation/2', '2026-03-13T23:00:00.000Z'],
    ]);
    // Waking late (worker down) sends only the newest notice, not a burst of stale reminders.
    expect(dueCorrectiveNotices(s, policy, '2026-03-10T00:00:00.000Z').send.map((n) => n.key)).toEqual(['escalation/1']);
  });

  test('closes only with a plan and evidence', () => {
    const s = openCorrectiveAction(nc, policy, cal);
    expect(canClose(s, { description: 'Se corrigió todo' })).toMatchObject({ ok: false, type: 'InvalidTransition' });
    const planned = { ...s, actionPlan: 'Capacitación del aliado' };
    expect(canClose(planned, { description: 'corto' })).toMatchObject({ ok: false, type: 'InvalidInput' });
    expect(canClose(planned, { description: 'Acta de capacitación firmada' })).toEqual({ ok: true });
    expect(pendingCorrectiveNotices({ ...planned, status: 'closed' }, policy)).toEqual([]);
  });
});

describe('annual evaluation', () => {
  const sample = (hours: number, onTime: boolean) => ({ milestone: 'received' as const, office: 'CTG', serviceMs: hours * HOUR, targetMs: 9 * HOUR, onTime });

  test('a punctual, consistent partner with no non-conformities scores A', () => {
    const e = evaluatePartner({ partnerId: 'P', partnerName: 'P', year: 2025, operations: 3, samples: [sample(5, true), sample(5, true), sample(5, true)], nonConformities: [] });
    expect(e).toMatchObject({ onTimeRate: 1, score: 100, rating: 'A', byMilestone: [{ milestone: 'received', count: 3, meanHours: 5, stdDevHours: 0 }] });
  });

  test('late milestones, open non-conformities and complaints lower the score', () => {
    const e = evaluatePartner({
      partnerId: 'P', partnerName: 'P', year: 2025, operations: 4,
      samples: [sample(4, true), sample(6, true), sample(8, true), sample(10, false)],
      nonConformities: [
        { source: 'breach', status: 'closed', dueAt: '2025-06-19T15:00:00Z', closedAt: '2025-06-18T15:00:00Z' },
        { source: 'complaint', status: 'open', dueAt: '2025-06-19T15:00:00Z', closedAt: null },
      ],
    });
    expect(e).toMatchObject({ onTimeRate: 0.75, score: 57, rating: 'C', nonConformities: { total: 2, breaches: 1, complaints: 1, closedOnTime: 1, open: 1 } });
  });

  test('no measured milestones: no score', () => {
    expect(evaluatePartner({ partnerId: 'P', partnerName: 'P', year: 2025, operations: 0, samples: [], nonConformities: [] })).toMatchObject({ score: null, rating: 'N', onTimeRate: null });
  });
});
