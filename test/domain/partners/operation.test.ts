/** The partner operation's state machine and its clocks in Colombian business time. */
import { colombiaCalendar } from '../../../domain/calendar';
import { applyOperationEvent, breachesWithoutNonConformity, canApply, initialOperationState, nextMilestone, openClock, type OperationEvent, type OperationState } from '../../../domain/partners/operation';
import type { Milestone, ServiceTimes } from '../../../domain/partners/partner';

const HOUR = 3_600_000;
// 2026: San José moved to Monday 23 March; Holy Thursday/Friday 2–3 April.
const cal = colombiaCalendar(['2026-03-23', '2026-04-02', '2026-04-03']);
const times: ServiceTimes = { received: 9 * HOUR, declared: 18 * HOUR, inspection: 9 * HOUR, levante: 9 * HOUR, delivered: 9 * HOUR };
const NOW = '2026-12-31T00:00:00.000Z';
const start = () => initialOperationState({ doNumber: 'DO-1', partnerId: 'ALZ-1', office: 'CTG', assignedAt: '2026-03-20T15:00:00.000Z' }); // Fri 10:00 Bogotá

function apply(s: OperationState, ...events: OperationEvent[]): OperationState {
  return events.reduce((acc, e) => applyOperationEvent(acc, e, cal, times, NOW), s);
}
const m = (milestone: Milestone, at: string, aforo?: 'automatico' | 'fisico'): OperationEvent => ({ type: 'milestone', milestone, at, actor: 'aliado', aforo });

test('the first clock skips the weekend and the Monday-moved holiday', () => {
  expect(openClock(start(), cal, times)).toMatchObject({ milestone: 'received', dueAt: '2026-03-24T15:00:00.000Z' });
  expect(openClock(start(), colombiaCalendar([]), times)?.dueAt).toBe('2026-03-23T15:00:00.000Z');
});

test('milestones follow the order; automatic levante skips the inspection', () => {
  let s = apply(start(), m('received', '2026-03-20T20:00:00.000Z'));
  expect(canApply(s, m('levante', '2026-03-20T21:00:00.000Z'), NOW)).toMatchObject({ ok: false, type: 'InvalidTransition' });
  expect(canApply(s, m('declared', '2026-03-20T21:00:00.000Z'), NOW)).toMatchObject({ ok: false, type: 'InvalidInput' });
  s = apply(s, m('declared', '2026-03-20T21:00:00.000Z', 'automatico'));
  expect(nextMilestone(s)).toBe('levante');
  expect(canApply(s, m('inspection', '2026-03-20T22:00:00.000Z'), NOW)).toMatchObject({ ok: false, reason: 'La declaración tuvo levante automático: no corresponde registrar inspección' });
  expect(canApply(s, m('levante', '2026-03-20T19:00:00.000Z'), NOW)).toMatchObject({ ok: false, type: 'InvalidInput' });
  expect(canApply(s, m('levante', '2027-01-01T00:00:00.000Z'), NOW)).toMatchObject({ ok: false, reason: 'La fecha de "Levante" no puede estar en el futuro' });
  s = apply(s, m('levante', '2026-03-20T22:00:00.000Z'), m('delivered', '2026-03-20T22:30:00.000Z'));
  expect(s.status).toBe('delivered');
  expect(openClock(s, cal, times)).toBeUndefined();
  expect(canApply(s, { type: 'cancelled', at: NOW, actor: 'x', reason: 'x' }, NOW).ok).toBe(false);
});

test('service time is business time; a late report and an expired clock are breaches until a non-conformity exists', () => {
  // Friday 10:00 → Tuesday 11:00: 8 h Friday + 2 h Tuesday (Monday is San José).
  const s = apply(start(), m('received', '2026-03-24T16:00:00.000Z'));
  expect(s.milestones[0]).toMatchObject({ serviceMs: 10 * HOUR, onTime: false, dueAt: '2026-03-24T15:00:00.000Z' });
  expect(breachesWithoutNonConformity(s, cal, times, '2026-03-24T16:00:00.000Z')).toEqual(['received']);
  const withNc = apply(s, { type: 'nonConformityOpened', nc: { ncId: 'NC-DO-1-1', source: 'breach', milestone: 'received', openedAt: NOW } });
  expect(breachesWithoutNonConformity(withNc, cal, times, '2026-03-24T16:00:00.000Z')).toEqual([]);
  // declared: 18 business hours from Tuesday 11:00 = Tue 7 h + Wed 9 h + Thu 2 h → Thursday 11:00.
  expect(openClock(withNc, cal, times)?.dueAt).toBe('2026-03-26T16:00:00.000Z');
  expect(breachesWithoutNonConformity(withNc, cal, times, '2026-03-26T16:00:00.000Z')).toEqual(['declared']);
});
