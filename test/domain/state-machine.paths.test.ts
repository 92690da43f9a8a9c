/** One test per business path, plus cancellation: what an operator records, in order, and where it leads. */
import { isTerminalStatus, DISPATCH_STATUSES } from '../../domain/lifecycle';
import { applyEvent, canApply, nextExpectedActions, type DispatchState } from '../../domain/state-machine';
import { damNumberFor, expectSpanishReason, finalState, hoursLater, openDispatch, run, statuses, type Step } from './support';

const allImportDocs = (restricted: boolean): Step => ({
  type: 'documentsReceived',
  documents: ['commercial_invoice', 'bill_of_lading', 'packing_list', 'insurance', ...(restricted ? (['senasa_permit'] as const) : [])],
});
const toNumbered: Step[] = [{ type: 'documentsReviewed' }, { type: 'draftEmitted' }, { type: 'draftApproved' }, { type: 'damNumbered', damNumber: damNumberFor('10') }];

function refusal(state: DispatchState, step: Step): string {
  const verdict = canApply(state, { ...step, at: hoursLater(500) } as never);
  if (verdict.ok) throw new Error(`expected ${step.type} to be refused at ${state.status}`);
  expectSpanishReason(verdict.reason);
  return verdict.reason;
}

describe('import, green channel, goods not restricted, APMTC', () => {
  const start = openDispatch({ terminal: 'APMTC', modality: 'diferido' });
  const states = run(start, [
    { type: 'documentsReceived', documents: ['commercial_invoice', 'bill_of_lading'] },
    { type: 'documentsReceived', documents: ['packing_list', 'insurance'] },
    ...toNumbered,
    { type: 'channelAssigned', channel: 'verde' },
    { type: 'levanteGranted' },
    { type: 'withdrawalStep', step: 'proforma' },
    { type: 'withdrawalStep', step: 'liquidation' },
    { type: 'withdrawalStep', step: 'appointment' },
    { type: 'withdrawalStep', step: 'pickup' },
    { type: 'delivered' },
    { type: 'containerReturned' },
    { type: 'closed' },
  ]);

  it('goes through every import status except SENASA and regularization', () => {
    expect(statuses(states)).toEqual([
      'opened', 'opened', 'documents_complete', 'documents_reviewed', 'draft_emitted', 'draft_approved', 'dam_numbered',
      'channel_assigned', 'released', 'withdrawal_in_progress', 'withdrawal_in_progress', 'withdrawal_in_progress',
      'withdrawal_in_progress', 'delivered', 'container_returned', 'closed',
    ]);
  });

  it('timestamps each receipt and milestone', () => {
    const last = states.at(-1)!;
    expect(last.documentsReceived).toEqual({
      commercial_invoice: hoursLater(1), bill_of_lading: hoursLater(1), packing_list: hoursLater(2), insurance: hoursLater(2),
    });
    expect(last).toMatchObject({ damNumber: '118-2026-10-000123', channel: 'verde', levanteAt: hoursLater(8), closedAt: hoursLater(15), updatedAt: hoursLater(15) });
    expect(last.withdrawal).toEqual({ proformaAt: hoursLater(9), liquidationAt: hoursLater(10), appointmentAt: hoursLater(11), pickupAt: hoursLater(12) });
  });

  it('names the missing documents while the checklist is incomplete', () => {
    expect(nextExpectedActions(states[1]!)).toEqual(['documentsReceived', 'dischargeEnded']);
    expect(refusal(states[1]!, { type: 'documentsReviewed' })).toContain('faltan: Lista de empaque (packing list), Póliza o certificado de seguro');
  });

  it('lets a document be received again before review, updating its time', () => {
    const again = applyEvent(states[2]!, { type: 'documentsReceived', documents: ['insurance'], at: hoursLater(3) });
    expect(again.status).toBe('documents_complete');
    expect(again.documentsReceived.insurance).toBe(hoursLater(3));
    expect(refusal(states[3]!, { type: 'documentsReceived', documents: ['insurance'] })).toContain('«Documentos revisados»');
  });

  it('refuses a DPWC-only step and delivery before pickup', () => {
    expect(refusal(states[9]!, { type: 'withdrawalStep', step: 'bl_assignment' })).toContain('solo aplica a DP World Callao');
    expect(refusal(states[10]!, { type: 'delivered' })).toContain('Antes debe registrar la cita de retiro en APMTC y registrar el recojo de la carga');
    expect(refusal(states[11]!, { type: 'delivered' })).toContain('Antes debe registrar el recojo de la carga.');
    expect(refusal(states[10]!, { type: 'withdrawalStep', step: 'pickup' })).toContain('antes debe registrar la cita de retiro en APMTC');
  });

  it('closes a non-SADA import without regularization, and refuses regularizing it', () => {
    expect(refusal(states[14]!, { type: 'regularized' })).toContain('solo aplica a despachos anticipados (SADA)');
    expect(nextExpectedActions(states[14]!)).toEqual(['closed', 'dischargeEnded']);
  });

  it('validates the DAM number and the date', () => {
    expect(refusal(states[5]!, { type: 'damNumbered', damNumber: '2026-123' })).toContain('AAA-AAAA-RR-NNNNNN');
    expect(refusal(states[5]!, { type: 'damNumbered', damNumber: damNumberFor('20') })).toContain('régimen 20');
    const bad = canApply(states[5]!, { type: 'damNumbered', damNumber: damNumberFor('10'), at: '2026-07-06 10:00' });
    expect(bad).toEqual({ ok: false, reason: expect.stringContaining('no es válida') });
  });
});

describe('import, red channel, restricted goods, DPWC (SENASA gate)', () => {
  const start = openDispatch({ terminal: 'DPWC', restrictedGoods: true });
  const states = run(start, [allImportDocs(true), ...toNumbered, { type: 'channelAssigned', channel: 'rojo' }]);
  const assigned = states.at(-1)!;

  it('needs the SENASA permit among the documents', () => {
    expect(start.requiredDocuments).toContain('senasa_permit');
    expect(run(start, [allImportDocs(false)])[1]!.status).toBe('opened');
  });

  it('refuses the levante until the SENASA report is recorded', () => {
    expect(assigned.status).toBe('channel_assigned');
    expect(canApply(assigned, { type: 'levanteGranted', at: hoursLater(7) })).toEqual({
      ok: false,
      reason: 'No se puede registrar el levante: falta el informe de inspección de SENASA (mercancía restringida). Registre primero el informe de SENASA.',
    });
    expect(nextExpectedActions(assigned)).toEqual(['senasaReportReceived', 'dischargeEnded']);
  });

  it('then releases and withdraws through BL assignment to the carrier', () => {
    const done = run(assigned, [
      { type: 'senasaReportReceived' },
      { type: 'levanteGranted' },
      { type: 'withdrawalStep', step: 'bl_assignment' },
    ]);
    expect(statuses(done)).toEqual(['channel_assigned', 'senasa_inspected', 'released', 'withdrawal_in_progress']);
    const inProgress = done.at(-1)!;
    expect(refusal(inProgress, { type: 'withdrawalStep', step: 'appointment' })).toContain('solo aplica a APM Terminals Callao');
    const closed = finalState(inProgress, [
      { type: 'withdrawalStep', step: 'pickup' },
      { type: 'delivered' },
      { type: 'containerReturned' },
      { type: 'closed' },
    ]);
    expect(closed.status).toBe('closed');
    expect(closed.withdrawal.blAssignedAt).toBeDefined();
  });

  it('does not accept a SENASA report for goods that are not restricted', () => {
    const free = finalState(openDispatch(), [allImportDocs(false), ...toNumbered, { type: 'channelAssigned', channel: 'rojo' }]);
    expect(refusal(free, { type: 'senasaReportReceived' })).toContain('no es restringida');
    expect(applyEvent(free, { type: 'levanteGranted', at: hoursLater(9) }).status).toBe('released');
  });
});

describe('import, anticipated dispatch (SADA) with regularization', () => {
  const start = openDispatch({ modality: 'anticipado' });
  const steps: Step[] = [
    allImportDocs(false), ...toNumbered, { type: 'channelAssigned', channel: 'naranja' }, { type: 'levanteGranted' },
    { type: 'withdrawalStep', step: 'appointment' }, { type: 'withdrawalStep', step: 'pickup' },
    { type: 'delivered' }, { type: 'containerReturned' },
  ];
  const returned = finalState(start, steps);

  it('will not close before regularizing, nor regularize before the end of discharge', () => {
    expect(refusal(returned, { type: 'closed' })).toContain('debe regularizarse antes del cierre');
    expect(refusal(returned, { type: 'regularized' })).toContain('falta el término de la descarga');
    expect(nextExpectedActions(returned)).toEqual(['dischargeEnded']);
  });

  it('records the end of discharge once, at any point, without moving the status', () => {
    const discharged = applyEvent(returned, { type: 'dischargeEnded', at: hoursLater(3) });
    expect(discharged.status).toBe('container_returned');
    expect(discharged.dischargeEndedAt).toBe(hoursLater(3));
    expect(discharged.updatedAt).toBe(returned.updatedAt); // a late record does not move updatedAt back
    expect(refusal(discharged, { type: 'dischargeEnded' })).toContain('ya fue registrado el 06/07/2026 12:00');
    const closed = run(discharged, [{ type: 'regularized' }, { type: 'closed' }]);
    expect(statuses(closed)).toEqual(['container_returned', 'regularized', 'closed']);
  });
});

describe('export (regime 40)', () => {
  const states = run(openDispatch({ regime: '40' }), [
    { type: 'documentsReceived', documents: ['export_invoice', 'packing_list', 'booking_confirmation'] },
    { type: 'documentsReviewed' },
    { type: 'cargoEntryRegistered' },
    { type: 'sealsRegistered' },
    { type: 'shipped' },
    { type: 'regularized' },
    { type: 'closed' },
  ]);

  it('goes opened → documents → reviewed → cargo entry → seals → shipped → regularized → closed', () => {
    expect(statuses(states)).toEqual([
      'opened', 'documents_complete', 'documents_reviewed', 'cargo_entry_registered', 'seals_registered', 'shipped', 'regularized', 'closed',
    ]);
    expect(states.at(-1)!).toMatchObject({ direction: 'export', shipmentEndedAt: hoursLater(5), regularizedAt: hoursLater(6) });
  });

  it('refuses import-only events', () => {
    expect(refusal(states[2]!, { type: 'draftEmitted' })).toContain('solo a despachos de importación');
  });
});

describe('cancellation', () => {
  const importStates = run(openDispatch({ restrictedGoods: true, modality: 'anticipado' }), [
    allImportDocs(true), ...toNumbered, { type: 'channelAssigned', channel: 'rojo' }, { type: 'senasaReportReceived' },
    { type: 'levanteGranted' }, { type: 'withdrawalStep', step: 'appointment' }, { type: 'withdrawalStep', step: 'pickup' },
    { type: 'delivered' }, { type: 'containerReturned' }, { type: 'dischargeEnded' }, { type: 'regularized' },
  ]);
  const exportStates = run(openDispatch({ regime: '40' }), [
    { type: 'documentsReceived', documents: ['export_invoice', 'packing_list', 'booking_confirmation'] },
    { type: 'documentsReviewed' }, { type: 'cargoEntryRegistered' }, { type: 'sealsRegistered' }, { type: 'shipped' }, { type: 'regularized' },
  ]);
  const nonTerminal = [...importStates, ...exportStates].filter((s, i, all) => all.findIndex((o) => o.status === s.status) === i);

  it('has a fixture for every non-terminal status', () => {
    expect(nonTerminal.map((s) => s.status).sort()).toEqual(DISPATCH_STATUSES.filter((s) => !isTerminalStatus(s)).sort());
  });

  it.each(nonTerminal.map((s) => [s.status, s] as const))('is allowed from %s', (_status, state) => {
    const cancelled = applyEvent(state, { type: 'cancelled', reason: '  Cliente desistió  ', at: hoursLater(100) });
    expect(cancelled).toMatchObject({ status: 'cancelled', cancelReason: 'Cliente desistió', cancelledAt: hoursLater(100) });
    expect(nextExpectedActions(cancelled)).toEqual([]);
  });

  it('needs a reason', () => {
    expect(refusal(importStates[0]!, { type: 'cancelled', reason: ' ' })).toContain('indique el motivo');
  });

  it('is refused after closing, like everything else', () => {
    const closed = applyEvent(importStates.at(-1)!, { type: 'closed', at: hoursLater(100) });
    expect(refusal(closed, { type: 'cancelled', reason: 'tarde' })).toBe('No se puede anular el despacho: el despacho está cerrado y ya no admite cambios.');
    expect(nextExpectedActions(closed)).toEqual([]);
  });
});
