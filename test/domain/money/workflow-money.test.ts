/** Pure rules of the money in the workflow (money-clocks-2026-12): out of hours, cost clocks per container, digest order. */
import { peruCalendar } from '../../../domain/calendar';
import { automaticExtraService, billedServiceRows, containerCostClocks, costTermsFor, DEFAULT_TARIFFS, isOutOfHours, penAmount } from '../../../domain/money';
import { renderSupervisorDigest, sortCostAlerts } from '../../../domain/reports';
import { computeKpis } from '../../../domain/kpis/kpis';
import { initialState } from '../../../domain/state-machine';
import { sampleDispatch } from '../../support/fixtures';

const cal = peruCalendar(['2026-12-08', '2026-12-25']);

test('office hours are 08:00–22:00 Lima on business days; nights, weekends and holidays are out of hours', () => {
  expect(isOutOfHours(cal, '2026-12-09T13:00:00Z')).toBe(false); // Wed 08:00
  expect(isOutOfHours(cal, '2026-12-09T12:59:00Z')).toBe(true); // Wed 07:59
  expect(isOutOfHours(cal, '2026-12-10T02:59:00Z')).toBe(false); // Wed 21:59
  expect(isOutOfHours(cal, '2026-12-10T03:00:00Z')).toBe(true); // Wed 22:00
  expect(isOutOfHours(cal, '2026-12-08T16:00:00Z')).toBe(true); // holiday, 11:00
  expect(isOutOfHours(cal, '2026-12-12T16:00:00Z')).toBe(true); // Saturday
  const terms = { outOfHoursAmountPen: '180.50', outOfScopeAmountPen: '95.00', scope: ['documentsReceived'] };
  expect(automaticExtraService(terms, cal, 'dischargeEnded', '2026-12-10T03:00:00Z')).toEqual({ reason: 'out_of_hours', amount: { amount: '180.50', currency: 'PEN' } });
  expect(automaticExtraService(terms, cal, 'dischargeEnded', '2026-12-09T15:00:00Z')).toEqual({ reason: 'out_of_scope', amount: { amount: '95.00', currency: 'PEN' } });
  expect(automaticExtraService(terms, cal, 'documentsReceived', '2026-12-09T15:00:00Z')).toBeUndefined();
  expect(automaticExtraService(terms, cal, 'logIncident', '2026-12-10T03:00:00Z')).toBeUndefined();
});

test('10110 amounts: numbers of older dispatches and decimal strings read alike; a void removes its service', () => {
  expect(penAmount(150)).toBe('150.00');
  expect(penAmount('150.5')).toBe('150.50');
  expect(penAmount('1.234')).toBeNull();
  const rows = [
    { dispatchId: 'A', payload: { serviceId: 'SRV-1', amountPen: '10.00' } },
    { dispatchId: 'A', payload: { serviceId: 'SRV-2', amountPen: '20.00' } },
    { dispatchId: 'A', payload: { serviceId: 'SRV-1', voids: true } },
  ];
  expect(billedServiceRows(rows).map((r) => r.payload.serviceId)).toEqual(['SRV-2']);
});

test('every container has its storage and detention clock from the dispatch-level facts', () => {
  const d = sampleDispatch({ containers: [{ containerNumber: 'AAAU1111111', size: '20' }, { containerNumber: 'BBBU2222222', size: '40' }] });
  const state = { ...initialState(d, [], '2026-12-20T15:00:00Z'), dischargeEndedAt: '2026-12-23T15:00:00Z' };
  const clocks = containerCostClocks(state, d, costTermsFor(DEFAULT_TARIFFS, 'APMTC'), cal, '2026-12-23T16:00:00Z');
  expect(clocks.map((c) => [c.kind, c.containerNumber, c.estimatedCost.amount])).toEqual([
    ['storage', 'AAAU1111111', '60.00'], // 4 days × 15
    ['detention', 'AAAU1111111', '40.00'], // 1 day × 40 (Wed 30 is a business day)
    ['storage', 'BBBU2222222', '120.00'],
    ['detention', 'BBBU2222222', '80.00'],
  ]);
  expect(clocks[0]).toMatchObject({ warnAt: '2026-12-24T14:00:00.000Z', accruesAt: '2026-12-25T05:00:00.000Z' });
});

test('the digest lists the dispatches that start costing money, costliest first', () => {
  const alerts = sortCostAlerts([
    { dispatchId: 'DSP-A', clientRuc: '1', executiveId: 'E1', nextChargeAt: '2026-12-25T05:00:00Z', nextCharge: [{ amount: '90.00', currency: 'USD' }] },
    { dispatchId: 'DSP-B', clientRuc: '1', executiveId: 'E1', nextChargeAt: '2026-12-25T05:00:00Z', nextCharge: [{ amount: '120.00', currency: 'USD' }] },
  ]);
  expect(alerts.map((a) => a.dispatchId)).toEqual(['DSP-B', 'DSP-A']);
  const { text } = renderSupervisorDigest(
    { window: { from: '2026-12-24T03:00:00Z', to: '2026-12-24T13:00:00Z' }, dispatches: [], complaints: [], terminalIncidents: [], extraordinaryServices: [], costAlerts: alerts },
    '2026-12-24T13:00:00Z',
  );
  expect(text).toContain('Despachos que empiezan a generar costo en las próximas 24 horas');
  expect(text).toContain('  - DSP-B · RUC 1 · ejecutivo E1 · desde 25/12/2026 00:00 · si no se actúa: US$ 120.00');
});

test('KPI of cost alerts: a clock stopped before accruing saved its estimate; one accruing cost what it accrued', () => {
  const usd = (amount: string) => ({ amount, currency: 'USD' as const });
  const clock = (warnAt: string, stoppedOn: string | null, accrued: string, estimated: string) => ({ kind: 'storage' as const, containerNumber: 'C', warnAt, accruesAt: warnAt, stoppedOn, accrued: usd(accrued), estimated: usd(estimated) });
  const k = computeKpis(
    {
      dispatches: [],
      complaints: [],
      services: [],
      costClocks: [
        clock('2026-12-24T14:00:00Z', '2026-12-24', '0.00', '120.00'), // moved in time: saved 120
        clock('2026-12-24T14:00:00Z', '2026-12-28', '120.00', '120.00'), // moved late: cost 120
        clock('2026-12-26T14:00:00Z', null, '30.00', '80.00'), // still running, accruing: cost 30 so far
        clock('2026-11-01T14:00:00Z', '2026-11-01', '0.00', '500.00'), // warned before the period
        clock('2026-12-27T14:00:00Z', '2026-12-26', '0.00', '90.00'), // moved before its warning: not an alert
      ],
    },
    { from: '2026-12-21T05:00:00Z', to: '2026-12-28T05:00:00Z' },
    '2026-12-30T00:00:00Z',
  );
  expect(k.costClocks).toEqual({ warned: 3, saved: [usd('120.00')], cost: [usd('150.00')] });
});
