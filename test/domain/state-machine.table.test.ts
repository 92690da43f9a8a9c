/**
 * Every status × every event: allowed (and to which status) or refused with a Spanish reason. The expectations
 * are written out by hand so a change to the transition table has to be a deliberate change here too.
 */
import { DISPATCH_EVENT_TYPES, DISPATCH_STATUSES, type DispatchStatus, type DispatchEventType } from '../../domain/lifecycle';
import {
  applyEvent,
  canApply,
  InvalidTransitionError,
  nextExpectedActions,
  TRANSITIONS,
  type DispatchState,
} from '../../domain/state-machine';
import { damNumberFor, expectSpanishReason, openDispatch, run, SAMPLE_EVENTS, type Step } from './support';

type Expectation = Partial<Record<DispatchEventType, DispatchStatus>>;

// Import fixture: restricted goods at APMTC, anticipated (SADA), discharge not yet recorded.
const importSteps: Step[] = [
  { type: 'documentsReceived', documents: ['commercial_invoice', 'bill_of_lading', 'packing_list', 'insurance', 'senasa_permit'] },
  { type: 'documentsReviewed' },
  { type: 'draftEmitted' },
  { type: 'draftApproved' },
  { type: 'damNumbered', damNumber: damNumberFor('10') },
  { type: 'channelAssigned', channel: 'rojo' },
  { type: 'senasaReportReceived' },
  { type: 'levanteGranted' },
  { type: 'withdrawalStep', step: 'proforma' },
  { type: 'withdrawalStep', step: 'appointment' },
  { type: 'withdrawalStep', step: 'pickup' },
  { type: 'delivered' },
  { type: 'containerReturned' },
];
const importStates = run(openDispatch({ restrictedGoods: true, modality: 'anticipado' }), importSteps);
// Withdrawal in progress is sampled right after the proforma, before pickup.
const importByStatus = new Map<DispatchStatus, DispatchState>(importStates.slice(0, 10).map((s) => [s.status, s]));
importByStatus.set('delivered', importStates[12] as DispatchState);
importByStatus.set('container_returned', importStates[13] as DispatchState);
const importRegularized = run(importStates[13] as DispatchState, [{ type: 'dischargeEnded' }, { type: 'regularized' }]).at(-1) as DispatchState;

const exportStates = run(openDispatch({ regime: '40' }), [
  { type: 'documentsReceived', documents: ['export_invoice', 'packing_list', 'booking_confirmation'] },
  { type: 'documentsReviewed' },
  { type: 'cargoEntryRegistered' },
  { type: 'sealsRegistered' },
  { type: 'shipped' },
  { type: 'regularized' },
  { type: 'closed' },
]);
const closedImport = run(openDispatch(), [{ type: 'cancelled', reason: 'Duplicado' }]).at(-1) as DispatchState;

const D: Expectation = { dischargeEnded: 'stay' as never, cancelled: 'cancelled' };
const STAY = 'stay' as never;
const cases: [string, DispatchState, Expectation][] = [
  ['import opened (partial documents)', run(openDispatch({ restrictedGoods: true }), [{ type: 'documentsReceived', documents: ['insurance'] }])[1] as DispatchState, { documentsReceived: 'opened', ...D }],
  ['import documents_complete', importByStatus.get('documents_complete')!, { documentsReceived: STAY, documentsReviewed: 'documents_reviewed', ...D }],
  ['import documents_reviewed', importByStatus.get('documents_reviewed')!, { draftEmitted: 'draft_emitted', ...D }],
  ['import draft_emitted', importByStatus.get('draft_emitted')!, { draftApproved: 'draft_approved', ...D }],
  ['import draft_approved', importByStatus.get('draft_approved')!, { damNumbered: 'dam_numbered', ...D }],
  ['import dam_numbered', importByStatus.get('dam_numbered')!, { channelAssigned: 'channel_assigned', ...D }],
  ['import channel_assigned (restricted)', importByStatus.get('channel_assigned')!, { senasaReportReceived: 'senasa_inspected', ...D }],
  ['import senasa_inspected', importByStatus.get('senasa_inspected')!, { levanteGranted: 'released', ...D }],
  ['import released', importByStatus.get('released')!, { withdrawalStep: 'withdrawal_in_progress', ...D }],
  ['import withdrawal_in_progress (no pickup)', importByStatus.get('withdrawal_in_progress')!, { withdrawalStep: STAY, ...D }],
  ['import delivered', importByStatus.get('delivered')!, { containerReturned: 'container_returned', ...D }],
  ['import SADA container_returned (no discharge yet)', importByStatus.get('container_returned')!, { ...D }],
  ['import regularized', importRegularized, { closed: 'closed', cancelled: 'cancelled' }],
  ['import cancelled', closedImport, {}],
  ['export opened', exportStates[0]!, { documentsReceived: 'opened', cancelled: 'cancelled' }],
  ['export documents_complete', exportStates[1]!, { documentsReceived: STAY, documentsReviewed: 'documents_reviewed', cancelled: 'cancelled' }],
  ['export documents_reviewed', exportStates[2]!, { cargoEntryRegistered: 'cargo_entry_registered', cancelled: 'cancelled' }],
  ['export cargo_entry_registered', exportStates[3]!, { sealsRegistered: 'seals_registered', cancelled: 'cancelled' }],
  ['export seals_registered', exportStates[4]!, { shipped: 'shipped', cancelled: 'cancelled' }],
  ['export shipped', exportStates[5]!, { regularized: 'regularized', cancelled: 'cancelled' }],
  ['export regularized', exportStates[6]!, { closed: 'closed', cancelled: 'cancelled' }],
  ['export closed', exportStates[7]!, {}],
];

describe('transition table', () => {
  it('covers every status with a fixture', () => {
    const covered = new Set(cases.map(([, s]) => s.status));
    expect([...covered].sort()).toEqual([...DISPATCH_STATUSES].sort());
    expect(Object.keys(TRANSITIONS).sort()).toEqual([...DISPATCH_STATUSES].sort());
  });

  describe.each(cases)('%s', (_label, state, expected) => {
    it.each(SAMPLE_EVENTS.map((e) => [e.type, e] as const))('%s', (type, event) => {
      const verdict = canApply(state, event);
      const target = expected[type];
      if (target) {
        expect(verdict).toEqual({ ok: true });
        const next = applyEvent(state, event);
        expect(next.status).toBe((target as string) === 'stay' ? state.status : target);
      } else {
        expect(verdict.ok).toBe(false);
        if (verdict.ok) return;
        expectSpanishReason(verdict.reason);
        expect(() => applyEvent(state, event)).toThrow(InvalidTransitionError);
      }
    });

    it('offers as next actions only events it would accept (cancel aside)', () => {
      const allowed = Object.keys(expected).filter((t) => t !== 'cancelled');
      for (const action of nextExpectedActions(state)) expect(allowed).toContain(action);
    });
  });

  it('samples every event type', () => {
    expect(SAMPLE_EVENTS.map((e) => e.type)).toEqual([...DISPATCH_EVENT_TYPES]);
  });
});
