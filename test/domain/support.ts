/** Fixtures for the domain tests: a dispatch input, a clock that advances one hour per event, and a runner. */
import type { DispatchInput, Regime } from '../../domain/dispatch';
import { requiredDocuments } from '../../domain/documents';
import type { DispatchStatus } from '../../domain/lifecycle';
import { applyEvent, initialState, type DispatchEvent, type DispatchState } from '../../domain/state-machine';

export const OPENED_AT = '2026-07-06T14:00:00.000Z'; // Monday 09:00 in Lima

// Cast: DispatchInput is still growing (concurrent work); the state machine reads only a few of its fields.
export function dispatchInput(overrides: Partial<DispatchInput> = {}): DispatchInput {
  return {
    dispatchId: 'DSP-2026-000123',
    client: { ruc: '20100070970', name: 'Importadora Andina S.A.C.', contacts: [{ name: 'Rosa Quispe', email: 'rosa@andina.pe' }] },
    regime: '10',
    modality: 'diferido',
    terminal: 'APMTC',
    vessel: 'MSC Callao',
    eta: '2026-07-10T11:00:00.000Z',
    bl: 'MEDU1234567',
    goods: 'Repuestos de maquinaria',
    containers: [{ containerNumber: 'MSCU1234565', size: '40' }],
    restrictedGoods: false,
    executive: { id: 'ESC-07', name: 'Luis Paredes', email: 'lparedes@broker.pe' },
    openedBy: 'lparedes',
    ...overrides,
  } as DispatchInput;
}

export function openDispatch(overrides: Partial<DispatchInput> = {}): DispatchState {
  const input = dispatchInput(overrides);
  return initialState(input, requiredDocuments(input), OPENED_AT);
}

/** `hours` after OPENED_AT, as an ISO instant. */
export function hoursLater(hours: number): string {
  return new Date(Date.parse(OPENED_AT) + hours * 3_600_000).toISOString();
}

/** Events without their `at`; `run` stamps them one hour apart. */
export type Step = DispatchEvent extends infer E ? (E extends DispatchEvent ? Omit<E, 'at'> : never) : never;

/** Applies the steps in order and returns every intermediate state (first is `start`). */
export function run(start: DispatchState, steps: Step[]): DispatchState[] {
  const states = [start];
  steps.forEach((step, i) => {
    const previous = states[states.length - 1] as DispatchState;
    states.push(applyEvent(previous, { ...step, at: hoursLater(i + 1) } as DispatchEvent));
  });
  return states;
}

export function finalState(start: DispatchState, steps: Step[]): DispatchState {
  return run(start, steps).at(-1) as DispatchState;
}

export function statuses(states: DispatchState[]): DispatchStatus[] {
  return states.map((s) => s.status);
}

export function damNumberFor(regime: Regime): string {
  return `118-2026-${regime}-000123`;
}

/** A sample of every event type, valid in its own right, used by the table test. */
export const SAMPLE_EVENTS: DispatchEvent[] = [
  { type: 'documentsReceived', documents: ['commercial_invoice'], at: hoursLater(100) },
  { type: 'documentsReviewed', at: hoursLater(100) },
  { type: 'draftEmitted', at: hoursLater(100) },
  { type: 'draftApproved', at: hoursLater(100) },
  { type: 'damNumbered', damNumber: damNumberFor('10'), at: hoursLater(100) },
  { type: 'channelAssigned', channel: 'rojo', at: hoursLater(100) },
  { type: 'senasaReportReceived', at: hoursLater(100) },
  { type: 'levanteGranted', at: hoursLater(100) },
  { type: 'dischargeEnded', at: hoursLater(100) },
  { type: 'withdrawalStep', step: 'proforma', at: hoursLater(100) },
  { type: 'delivered', at: hoursLater(100) },
  { type: 'containerReturned', at: hoursLater(100) },
  { type: 'cargoEntryRegistered', at: hoursLater(100) },
  { type: 'sealsRegistered', at: hoursLater(100) },
  { type: 'shipped', at: hoursLater(100) },
  { type: 'regularized', at: hoursLater(100) },
  { type: 'closed', at: hoursLater(100) },
  { type: 'cancelled', reason: 'El cliente desistió de la importación', at: hoursLater(100) },
  { type: 'documentKeyDataRecorded', data: { partyRuc: '20100070970', bl: 'MEDU1234567', grossWeightKg: '18250.5', packages: 840, invoiceValue: '48250.00', currency: 'USD', tariffLines: 3 }, at: hoursLater(100) },
  { type: 'physicalInspectionScheduled', scheduledFor: hoursLater(120), place: 'Zona de aforo', at: hoursLater(100) },
  { type: 'physicalInspectionRecorded', result: 'Conforme', at: hoursLater(100) },
  { type: 'cargoCutoffSet', cutoffAt: hoursLater(150), at: hoursLater(100) },
  // Events of lifecycle feature import-steps-2026-12: refused everywhere for dispatches opened without it.
  { type: 'senasaInspectionScheduled', scheduledFor: hoursLater(120), place: 'Terminal APMTC', inspector: 'Ing. Carla Ríos', at: hoursLater(100) },
  { type: 'preExitCoordinated', warehouse: 'Almacén Callao', pickupDate: '2026-12-31', at: hoursLater(100) },
  { type: 'mobilizationRequested', warehouse: 'DT Neptunia', at: hoursLater(100) },
  { type: 'replanned', change: { expectedLevanteAt: hoursLater(150) }, reason: 'Nave retrasada', at: hoursLater(100) },
  { type: 'containerReturnBooked', containerNumber: 'MSCU1234565', reference: 'APMTC-RET-1', depot: 'Depósito Vacíos', at: hoursLater(100) },
];

/** A reason an operator can read: Spanish, starts with the refusal, no code identifiers leaking through. */
export function expectSpanishReason(reason: string): void {
  expect(reason).toMatch(/^No se puede /);
  expect(reason.length).toBeGreaterThan(40);
  expect(reason).not.toMatch(/\b[a-z]+_[a-z_]+\b|\b[a-z]+[A-Z][a-zA-Z]+\b|undefined/);
}
