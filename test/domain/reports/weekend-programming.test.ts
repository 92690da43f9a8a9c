import { peruCalendar } from '../../../domain/calendar';
import { renderWeekendProgramming, weekendProgrammingPlan } from '../../../domain/reports';

// 2026: Holy Thursday and Good Friday are April 2 and 3; Immaculate Conception is Tuesday December 8.
const cal = peruCalendar(['2026-04-02', '2026-04-03', '2026-07-28', '2026-07-29', '2026-12-08']);
const limaAt = (date: string, time = '15:00') => new Date(`${date}T${time}:00-05:00`).toISOString();

test('an ordinary Friday covers Saturday to Monday', () => {
  expect(weekendProgrammingPlan(cal, limaAt('2026-12-04'))).toEqual({
    run: true,
    firstDay: '2026-12-05',
    lastDay: '2026-12-07',
    fromIso: '2026-12-05T05:00:00.000Z',
    toIso: '2026-12-08T05:00:00.000Z',
  });
});

test('the Thursday before an ordinary Friday does not send', () => {
  expect(weekendProgrammingPlan(cal, limaAt('2026-12-03'))).toEqual({ run: false, reason: 'no es el último día hábil antes del fin de semana (2026-12-03)' });
});

test('in Holy Week (Thursday and Friday off) the Wednesday sends and covers Thursday to Monday', () => {
  expect(weekendProgrammingPlan(cal, limaAt('2026-04-01'))).toMatchObject({ run: true, firstDay: '2026-04-02', lastDay: '2026-04-06' });
  expect(weekendProgrammingPlan(cal, limaAt('2026-04-03'))).toEqual({ run: false, reason: 'feriado o día no laborable (2026-04-03)' });
});

test('the eve of a mid-week holiday is not a weekend programming day', () => {
  expect(weekendProgrammingPlan(cal, limaAt('2026-07-27'))).toEqual({ run: false, reason: 'el feriado siguiente no enlaza con el fin de semana (2026-07-27)' });
});

test('when only Friday is a holiday, Thursday sends and covers Friday to Monday', () => {
  const fridayOff = peruCalendar(['2026-12-11']);
  expect(weekendProgrammingPlan(fridayOff, limaAt('2026-12-10'))).toMatchObject({ run: true, firstDay: '2026-12-11', lastDay: '2026-12-14' });
});

test('a holiday Monday stretches the window to Tuesday', () => {
  const mondayOff = peruCalendar(['2026-12-07']);
  expect(weekendProgrammingPlan(mondayOff, limaAt('2026-12-04'))).toMatchObject({ run: true, firstDay: '2026-12-05', lastDay: '2026-12-08' });
});

test('the email lists appointments and returns by slot, and the pending withdrawals', () => {
  const plan = weekendProgrammingPlan(cal, limaAt('2026-12-04'));
  if (!plan.run) throw new Error('expected a run');
  const { subject, text } = renderWeekendProgramming(
    {
      planned: [
        { dispatchId: 'DSP-2', terminal: 'DPWC', kind: 'container_return', reference: 'DEV-9', slot: '2026-12-07T15:00:00.000Z' },
        { dispatchId: 'DSP-1', terminal: 'APMTC', kind: 'appointment', reference: 'APM-7', slot: '2026-12-05T13:00:00.000Z' },
      ],
      pendingWithdrawals: [{ dispatchId: 'DSP-3', clientRuc: '20100047218', terminal: 'APMTC', status: 'released', bl: 'MSCU1' }],
    },
    plan,
  );
  expect(subject).toBe('Programación de fin de semana del 05/12/2026 al 07/12/2026');
  expect(text).toContain('Citas de retiro (1)\n  - 05/12/2026 08:00 · APMTC · DSP-1 · ref. APM-7');
  expect(text).toContain('Devoluciones de contenedores vacíos (1)\n  - 07/12/2026 10:00 · DPWC · DSP-2 · ref. DEV-9');
  expect(text).toContain('Retiros pendientes (levante otorgado, carga aún no entregada) (1)\n  - DSP-3 · RUC 20100047218 · APMTC · BL MSCU1 · released');
});
