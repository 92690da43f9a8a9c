/** The import path of lifecycle feature import-steps-2026-12, on the pure state machine and clocks. */
import { requiredDocuments } from '../../../domain/documents';
import { containerFacts } from '../../../domain/imports/containers';
import { importDeadlines } from '../../../domain/imports/import-clocks';
import { planVsActual } from '../../../domain/imports/plan';
import { chooseSlot } from '../../../domain/imports/truck-access';
import { LIFECYCLE_FEATURES } from '../../../domain/lifecycle';
import { resolvePolicy } from '../../../domain/clocks';
import { emptyBook } from '../../../domain/dispatch-book';
import { peruCalendar } from '../../../domain/calendar';
import { pendingNotices } from '../../../domain/schedule';
import { renderClientReport } from '../../../domain/reports/client-report';
import { applyEvent, canApply, initialState, type DispatchEvent, type DispatchState } from '../../../domain/state-machine';
import { damNumberFor, dispatchInput, OPENED_AT } from '../support';

const FEATURES = [LIFECYCLE_FEATURES.importSteps];
const C1 = 'MSCU1234565';
const C2 = 'MSCU7654321';

function open(overrides: Parameters<typeof dispatchInput>[0] = {}): DispatchState {
  const input = dispatchInput({ containers: [{ containerNumber: C1, size: '40' }, { containerNumber: C2, size: '20' }], ...overrides });
  return initialState(input, requiredDocuments(input), OPENED_AT, FEATURES);
}

let clock = Date.parse(OPENED_AT);
const at = (hours = 1) => new Date((clock += hours * 3_600_000)).toISOString();
type Ev = DispatchEvent extends infer E ? (E extends DispatchEvent ? Omit<E, 'at'> : never) : never;
const apply = (s: DispatchState, e: Ev, hours = 1) => applyEvent(s, { ...e, at: at(hours) } as DispatchEvent);
const refusal = (s: DispatchState, e: Ev) => {
  const v = canApply(s, { ...e, at: at(0) } as DispatchEvent);
  return v.ok ? 'ok' : v.reason;
};

function toChannel(s: DispatchState, channel: 'verde' | 'naranja' | 'rojo'): DispatchState {
  s = apply(s, { type: 'documentsReceived', documents: s.requiredDocuments });
  for (const type of ['documentsReviewed', 'draftEmitted', 'draftApproved'] as const) s = apply(s, { type });
  s = apply(s, { type: 'damNumbered', damNumber: damNumberFor(s.regime), by: 'rosa.quispe' });
  return apply(s, { type: 'channelAssigned', channel });
}

test('every container has its own steps: booked, picked up, delivered and returned on different days', () => {
  let s = apply(toChannel(open(), 'verde'), { type: 'levanteGranted' });
  expect(s.damNumberedBy).toBe('rosa.quispe');
  s = apply(s, { type: 'withdrawalStep', step: 'proforma' });
  s = apply(s, { type: 'withdrawalStep', step: 'appointment', containerNumber: C1, reference: 'APMTC-APT-1', slot: '2026-07-13T10:00:00-05:00' });
  expect(refusal(s, { type: 'withdrawalStep', step: 'pickup', containerNumber: C2 })).toContain(`el contenedor ${C2} aún no tiene cita de retiro en APMTC`);
  s = apply(s, { type: 'withdrawalStep', step: 'pickup', containerNumber: C1 });
  expect(refusal(s, { type: 'delivered', containerNumber: C1 })).toBe('No se puede registrar la entrega de la carga: falta el cargo de entrega (quién recibió la carga y la referencia del documento firmado).');
  expect(s.withdrawal.pickupAt).toBeUndefined(); // not every container is out yet
  s = apply(s, { type: 'delivered', containerNumber: C1, receipt: { receivedBy: 'Almacén Andina — Juan Pérez', receivedAt: at(0), documentRef: 'GR-001-4567' } });
  expect(s.status).toBe('withdrawal_in_progress');
  s = apply(s, { type: 'containerReturnBooked', containerNumber: C1, reference: 'APMTC-RET-1', depot: 'Depósito Vacíos Callao' });
  s = apply(s, { type: 'containerReturned', containerNumber: C1 }, 24);
  expect(s.status).toBe('withdrawal_in_progress');

  s = apply(s, { type: 'withdrawalStep', step: 'appointment', containerNumber: C2 }, 24);
  s = apply(s, { type: 'withdrawalStep', step: 'pickup', containerNumber: C2 });
  s = apply(s, { type: 'delivered', containerNumber: C2, receipt: { receivedBy: 'Juan Pérez', receivedAt: at(0), documentRef: 'GR-001-4570' } });
  expect(s.status).toBe('delivered');
  expect(refusal(s, { type: 'containerReturned', containerNumber: C1 })).toContain(`el contenedor ${C1} ya tiene devolución registrada`);
  s = apply(s, { type: 'containerReturned', containerNumber: C2 }, 48);
  expect(s.status).toBe('container_returned');

  const c1 = s.containers![C1]!;
  const c2 = s.containers![C2]!;
  expect(c1.delivery).toMatchObject({ documentRef: 'GR-001-4567' });
  expect(c1.pickedUpAt! < c2.pickedUpAt!).toBe(true);
  expect(c1.returnedAt!.slice(0, 10)).not.toBe(c2.returnedAt!.slice(0, 10));
  expect(s.containerReturnedAt).toBe(c2.returnedAt);
  expect(containerFacts(s)).toEqual([
    { containerNumber: C1, size: '40', pickedUpAt: c1.pickedUpAt, returnedAt: c1.returnedAt },
    { containerNumber: C2, size: '20', pickedUpAt: c2.pickedUpAt, returnedAt: c2.returnedAt },
  ]);
});

test('SADA regularization follows the levante and the discharge, whatever happens to the empty container; closing needs it', () => {
  let s = toChannel(open({ modality: 'anticipado' }), 'verde');
  s = apply(s, { type: 'dischargeEnded' });
  expect(refusal(s, { type: 'regularized' })).toMatch(/^No se puede registrar la regularización: el despacho está en estado/);
  s = apply(s, { type: 'levanteGranted' });
  s = apply(s, { type: 'regularized' });
  expect(s.status).toBe('released');
  expect(s.regularizedAt).toBeDefined();
  expect(refusal(s, { type: 'regularized' })).toContain('ya fue registrada');
  for (const e of [
    { type: 'withdrawalStep', step: 'appointment' },
    { type: 'withdrawalStep', step: 'pickup' },
    { type: 'delivered', receipt: { receivedBy: 'Juan Pérez', documentRef: 'GR-001-4567' } },
    { type: 'containerReturned' },
  ] as Ev[]) s = apply(s, e);
  expect(s.status).toBe('container_returned');
  expect(apply(s, { type: 'closed' }).status).toBe('closed');
  expect(containerFacts(s).every((f) => f.dischargeEndedAt === s.dischargeEndedAt)).toBe(true);
});

test('a red channel needs the physical inspection scheduled and recorded before the levante', () => {
  let s = toChannel(open(), 'rojo');
  expect(refusal(s, { type: 'levanteGranted' })).toBe('No se puede registrar el levante: el canal rojo exige el reconocimiento físico. Prográmelo y regístrelo antes del levante.');
  expect(refusal(s, { type: 'physicalInspectionRecorded' })).toContain('aún no fue programado');
  s = apply(s, { type: 'physicalInspectionScheduled', scheduledFor: '2026-07-08T09:00:00-05:00', place: 'Terminal APMTC, zona de aforo' });
  s = apply(s, { type: 'physicalInspectionRecorded', notes: 'Conforme' });
  expect(refusal(s, { type: 'physicalInspectionScheduled', scheduledFor: '2026-07-09T09:00:00-05:00', place: 'Otra zona' })).toContain('ya fue realizado y registrado');
  expect(apply(s, { type: 'levanteGranted' }).status).toBe('released');
});

test('restricted goods: SENASA inspection scheduled before its report, and the report before the levante', () => {
  let s = toChannel(open({ restrictedGoods: true }), 'verde');
  expect(refusal(s, { type: 'senasaReportReceived' })).toContain('la inspección aún no fue programada');
  expect(refusal(s, { type: 'levanteGranted' })).toContain('Programe la inspección y registre su informe');
  s = apply(s, { type: 'senasaInspectionScheduled', scheduledFor: '2026-07-09T08:00:00-05:00', place: 'Terminal APMTC', inspector: 'Ing. Carla Ríos' });
  expect(refusal(s, { type: 'levanteGranted' })).toContain('inspección programada el');
  s = apply(s, { type: 'senasaReportReceived' });
  expect(apply(s, { type: 'levanteGranted' }).status).toBe('released');
});

test('the levante clock runs from the channel for the channel\'s time; the SENASA reminder comes the day before', () => {
  const policy = resolvePolicy();
  for (const [channel, days] of [['verde', 1], ['naranja', 2], ['rojo', 3]] as const) {
    const s = toChannel(open(), channel);
    expect(importDeadlines(s, policy)).toEqual([{ clock: 'levante_follow_up', dueAt: new Date(Date.parse(s.channelAssignedAt!) + days * 86_400_000).toISOString(), ref: `levante-${channel}` }]);
  }
  let s = toChannel(open({ restrictedGoods: true }), 'verde');
  s = apply(s, { type: 'senasaInspectionScheduled', scheduledFor: '2026-07-20T08:00:00-05:00', place: 'Terminal APMTC', inspector: 'Ing. Carla Ríos' });
  const notices = pendingNotices({ state: s, book: emptyBook(s.updatedAt, 'x'), policy, calendar: peruCalendar([]) }).filter((n) => n.clock === 'senasa_inspection');
  expect(notices.map((n) => [n.phase, n.dueAt])).toEqual([['reminder', '2026-07-19T13:00:00.000Z'], ['missed', '2026-07-21T13:00:00.000Z']]);
  // An old dispatch (opened without the feature) has no such clock.
  const old = { ...s, features: undefined };
  expect(importDeadlines(old, policy)).toEqual([]);
});

test('Callao truck windows: the 08:00 slot is refused with the next allowed one; no choice takes the first allowed', () => {
  expect(chooseSlot('APMTC', '2026-12-15', '08:00', 'la cita de retiro')).toEqual({
    refusal: 'No se puede reservar la cita de retiro en el turno de las 08:00: cae en la restricción de tránsito de carga pesada de la mañana (06:00–10:00) del Callao. El siguiente turno permitido es el de las 10:00 del 2026-12-15.',
  });
  expect(chooseSlot('APMTC', '2026-12-15', 'APMTC-2026-12-15-0800', 'la cita de retiro')).toHaveProperty('refusal');
  expect(chooseSlot('APMTC', '2026-12-15', undefined, 'la cita de retiro')).toEqual({ slotId: 'APMTC-2026-12-15-1000' });
  expect(chooseSlot('APMTC', '2026-12-15', '16:00', 'x')).toEqual({ slotId: 'APMTC-2026-12-15-1600' });
});

test('the 06:00 pre-exit is coordinated the day before; mobilization to a temporary warehouse is recorded per container', () => {
  let s = apply(toChannel(open(), 'verde'), { type: 'levanteGranted' });
  const today = s.updatedAt.slice(0, 10);
  expect(refusal(s, { type: 'preExitCoordinated', warehouse: 'Almacén Callao', pickupDate: today })).toContain('a más tardar el día anterior');
  s = apply(s, { type: 'preExitCoordinated', containerNumber: C1, warehouse: 'Almacén Callao', pickupDate: '2026-12-31' });
  s = apply(s, { type: 'mobilizationRequested', warehouse: 'DT Neptunia', reference: 'MOV-88' });
  expect(s.containers![C1]!.preExit).toMatchObject({ warehouse: 'Almacén Callao', pickupAt: '2026-12-31T06:00:00-05:00' });
  expect(s.containers![C2]!.mobilization).toMatchObject({ warehouse: 'DT Neptunia', reference: 'MOV-88' });
});

test('planned vs actual: defaults derived from the ETA, a re-plan, and the delay once the milestone happens', () => {
  let s = open({ eta: '2026-07-10T11:00:00.000Z', plan: { plannedPickupAt: '2026-07-14T11:00:00.000Z' } });
  expect(s.plan).toEqual({
    eta: '2026-07-10T11:00:00.000Z', expectedLevanteAt: '2026-07-12T11:00:00.000Z', plannedPickupAt: '2026-07-14T11:00:00.000Z',
    plannedDeliveryAt: '2026-07-14T11:00:00.000Z', plannedContainerReturnAt: '2026-07-17T11:00:00.000Z', revisions: 0,
  });
  s = apply(s, { type: 'replanned', change: { expectedLevanteAt: '2026-07-13T11:00:00.000Z' }, reason: 'Nave retrasada' });
  expect(s.plan).toMatchObject({ expectedLevanteAt: '2026-07-13T11:00:00.000Z', revisions: 1, lastReason: 'Nave retrasada' });
  s = { ...s, levanteAt: '2026-07-14T11:00:00.000Z' };
  const levante = planVsActual(s, '2026-07-15T00:00:00.000Z').find((r) => r.key === 'expectedLevanteAt');
  expect(levante).toMatchObject({ state: 'late', delayHours: 24 });
  expect(refusal(s, { type: 'replanned', change: {}, reason: 'x' })).toContain('indique al menos una fecha');
});

test('the client status report shows planned vs actual and the delay at the report date', () => {
  const { text } = renderClientReport(
    {
      client: { ruc: '20100070970', name: 'Importadora Andina S.A.C.' },
      lines: [{
        dispatchId: 'DSP-2026-000123', damNumber: null, regime: '10', terminal: 'APMTC', status: 'released', channel: 'verde',
        eta: '2026-07-10T11:00:00.000Z', vessel: 'MSC Callao', bl: 'MEDU1234567', note: null, statusAt: null,
        plan: [
          { label: 'Levante', planned: '2026-07-12T11:00:00.000Z', actual: '2026-07-13T11:00:00.000Z' },
          { label: 'Entrega de la carga', planned: '2026-07-14T11:00:00.000Z' },
        ],
      }],
    },
    '2026-07-16T13:00:00.000Z',
  );
  expect(text).toContain('   Plan vs real:\n     - Levante: previsto 12/07/2026 06:00 · real 13/07/2026 06:00 — 1 día de retraso\n     - Entrega de la carga: previsto 14/07/2026 06:00 · pendiente — 2,1 días de retraso');
});

test('regime expiry reminders also go to whoever numbered the DAM (the client\'s assigned executive)', () => {
  let s = apply(toChannel(open({ regime: '20' }), 'verde'), { type: 'levanteGranted' });
  const policy = resolvePolicy();
  const ctx = { state: s, book: emptyBook(s.updatedAt, 'x'), policy, calendar: peruCalendar([]) };
  const expiry = pendingNotices(ctx).filter((n) => n.clock === 'regime_expiry');
  expect(expiry).toHaveLength(4);
  expect(expiry.every((n) => n.audience.includes('numbering_executive'))).toBe(true);
  s = { ...s, features: undefined };
  expect(pendingNotices({ ...ctx, state: s }).filter((n) => n.clock === 'regime_expiry').every((n) => !n.audience.includes('numbering_executive'))).toBe(true);
});

test('a dispatch without containers (loose cargo) still needs its pickup before the delivery and the delivery before the return', () => {
  let s = apply(toChannel(open({ containers: [] }), 'verde'), { type: 'levanteGranted' });
  s = apply(s, { type: 'withdrawalStep', step: 'proforma' });
  expect(refusal(s, { type: 'delivered' })).toContain('Antes debe registrar el recojo de la carga');
  expect(refusal(s, { type: 'containerReturned' })).toContain('la carga aún no fue entregada');
  s = apply(s, { type: 'withdrawalStep', step: 'appointment' });
  s = apply(s, { type: 'withdrawalStep', step: 'pickup' });
  s = apply(s, { type: 'delivered' });
  expect(s.status).toBe('delivered');
  expect(apply(s, { type: 'containerReturned' }).status).toBe('container_returned');
});
