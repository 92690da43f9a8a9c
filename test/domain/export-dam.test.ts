/**
 * Lifecycle feature export-dam-2026-12 in the pure rules: the export's own DAM path, seals per container, the red
 * channel's inspection, CLAVE SOL, the DAM content check, and the export clocks. Dispatches opened without the
 * feature keep the old rules (state-machine.table.test.ts).
 */
import { requiredDocuments } from '../../domain/documents';
import { DEFAULT_POLICY } from '../../domain/clocks';
import { emptyBook } from '../../domain/dispatch-book';
import { damDifferences } from '../../domain/exports/dam-check';
import { openDeadlines, pendingNotices } from '../../domain/schedule';
import { peruCalendar } from '../../domain/calendar';
import { applyEvent, canApply, initialState, nextExpectedActions, type DispatchState } from '../../domain/state-machine';
import { dispatchInput, expectSpanishReason, hoursLater, OPENED_AT, run, type Step } from './support';

const HOUR = 3_600_000;
const keyData = { partyRuc: '20100070970', bl: 'MEDU1234567', grossWeightKg: '18250.500', packages: 840, invoiceValue: '48250.00', currency: 'USD' as const, tariffLines: 3 };
const containers = [{ containerNumber: 'MSCU1234565', size: '40' as const }, { containerNumber: 'TGHU1234560', size: '20' as const }];

function openExport(cargoCutoffAt?: string): DispatchState {
  const input = dispatchInput({ regime: '40', containers, cargoCutoffAt });
  return initialState(input, requiredDocuments(input), OPENED_AT, ['export-dam-2026-12']);
}

const toReviewed: Step[] = [
  { type: 'documentsReceived', documents: ['export_invoice', 'packing_list', 'booking_confirmation'] },
  { type: 'documentsReviewed' },
];
const toChannel = (channel: 'verde' | 'rojo'): Step[] => [
  ...toReviewed,
  { type: 'documentKeyDataRecorded', data: keyData },
  { type: 'draftEmitted', dam: { ...keyData, grossWeightKg: '18250.5' } },
  { type: 'draftApproved' },
  { type: 'damNumbered', damNumber: '118-2026-40-000123' },
  { type: 'cargoEntryRegistered' },
  { type: 'channelAssigned', channel },
];
const last = (states: DispatchState[]) => states.at(-1) as DispatchState;
const refusal = (s: DispatchState, e: Parameters<typeof canApply>[1]) => {
  const v = canApply(s, e);
  if (v.ok) throw new Error('expected a refusal');
  expectSpanishReason(v.reason);
  return v.reason;
};

test('the export path: DAM draft, approval, numbering (regime 40) before cargo entry, channel, seals, shipment, CLAVE SOL', () => {
  const states = run(openExport(), [
    ...toChannel('verde'),
    { type: 'sealsRegistered', seals: containers.map((c, i) => ({ containerNumber: c.containerNumber, sealNumber: `PE-${i}` })), sintadReference: 'SINTAD-1' },
    { type: 'shipped' },
    { type: 'regularized', claveSol: { transmissionNumber: 'CS-1', transmittedAt: hoursLater(30) } },
    { type: 'closed' },
  ]);
  expect(states.map((s) => s.status)).toEqual([
    'opened', 'documents_complete', 'documents_reviewed', 'documents_reviewed', 'draft_emitted', 'draft_approved', 'dam_numbered',
    'cargo_entry_registered', 'channel_assigned', 'seals_registered', 'shipped', 'regularized', 'closed',
  ]);
  expect(last(states).exportDam?.claveSol).toEqual({ transmissionNumber: 'CS-1', transmittedAt: hoursLater(30) });
});

test('the cargo may not enter before the DAM is numbered; the DAM number must be of regime 40', () => {
  const reviewed = last(run(openExport(), toReviewed));
  expect(refusal(reviewed, { type: 'cargoEntryRegistered', at: hoursLater(5) })).toContain('Lo que corresponde ahora es');
  expect(nextExpectedActions(reviewed)).toEqual(['documentKeyDataRecorded']);
  const approved = last(run(openExport(), toChannel('verde').slice(0, 5)));
  expect(approved.status).toBe('draft_approved');
  expect(refusal(approved, { type: 'damNumbered', damNumber: '118-2026-10-000123', at: hoursLater(9) })).toContain('corresponde al régimen 10, pero este despacho es del régimen 40');
});

test('a shipment without seals is refused naming the containers; a red channel needs the inspection first', () => {
  const green = last(run(openExport(), toChannel('verde')));
  expect(refusal(green, { type: 'shipped', at: hoursLater(20) })).toBe(
    'No se puede registrar el embarque: los contenedores MSCU1234565 y TGHU1234560 no tienen precinto registrado. Registre primero sus precintos (número y referencia SINTAD).',
  );
  const oneSealed = applyEvent(green, { type: 'sealsRegistered', seals: [{ containerNumber: 'MSCU1234565', sealNumber: 'PE-1' }], sintadReference: 'S-1', at: hoursLater(20) });
  expect(oneSealed.status).toBe('seals_registered');
  expect(nextExpectedActions(oneSealed)).toEqual(['sealsRegistered']);
  expect(refusal(oneSealed, { type: 'shipped', at: hoursLater(21) })).toContain('el contenedor TGHU1234560 no tiene precinto registrado');
  expect(refusal(oneSealed, { type: 'sealsRegistered', seals: [{ containerNumber: 'ABCU0000000', sealNumber: 'X' }], sintadReference: 'S', at: hoursLater(21) })).toContain('no pertenece a este despacho');
  expect(refusal(oneSealed, { type: 'sealsRegistered', seals: [{ containerNumber: 'TGHU1234560', sealNumber: 'X' }], at: hoursLater(21) })).toContain('falta la referencia del registro en SINTAD');
  expect(refusal(green, { type: 'physicalInspectionScheduled', scheduledFor: hoursLater(30), place: 'Aforo', at: hoursLater(21) })).toContain('solo corresponde al canal rojo');

  const red = last(run(openExport(), toChannel('rojo')));
  expect(nextExpectedActions(red)).toEqual(['physicalInspectionScheduled', 'sealsRegistered']);
  expect(refusal(red, { type: 'physicalInspectionRecorded', result: 'Conforme', at: hoursLater(20) })).toContain('antes debe programarlo');
  const sealed = applyEvent(red, { type: 'sealsRegistered', seals: containers.map((c) => ({ containerNumber: c.containerNumber, sealNumber: 'PE' })), sintadReference: 'S', at: hoursLater(20) });
  expect(refusal(sealed, { type: 'shipped', at: hoursLater(21) })).toBe('No se puede registrar el embarque: el canal es rojo y falta programar y registrar el reconocimiento físico de la mercancía.');
  const scheduled = applyEvent(sealed, { type: 'physicalInspectionScheduled', scheduledFor: hoursLater(30), place: 'Zona de aforo', at: hoursLater(21) });
  expect(refusal(scheduled, { type: 'shipped', at: hoursLater(22) })).toMatch(/falta registrar el resultado del reconocimiento físico programado para el/);
  const inspected = applyEvent(scheduled, { type: 'physicalInspectionRecorded', result: 'Conforme', at: hoursLater(30) });
  expect(applyEvent(inspected, { type: 'shipped', at: hoursLater(31) }).status).toBe('shipped');
});

test('regularization of an export with DAM needs the CLAVE SOL transmission, not earlier than the shipment', () => {
  const sealed = applyEvent(last(run(openExport(), toChannel('verde'))), { type: 'sealsRegistered', seals: containers.map((c) => ({ containerNumber: c.containerNumber, sealNumber: 'PE' })), sintadReference: 'S', at: hoursLater(20) });
  const shipped = applyEvent(sealed, { type: 'shipped', at: hoursLater(21) });
  expect(refusal(shipped, { type: 'regularized', at: hoursLater(22) })).toContain('falta el número de la transmisión por CLAVE SOL');
  expect(refusal(shipped, { type: 'regularized', claveSol: { transmissionNumber: 'CS-1', transmittedAt: hoursLater(2) }, at: hoursLater(22) })).toContain('no puede ser anterior al término del embarque');
});

test('DAM content check: every difference listed in Spanish; decimals compared exactly, never as floats', () => {
  expect(damDifferences({ ...keyData, grossWeightKg: '18250.5', invoiceValue: '48250' }, keyData, 'export')).toEqual([]);
  expect(damDifferences({ ...keyData, partyRuc: '20999999999', invoiceValue: '48250.01', currency: 'PEN', packages: 84 }, keyData, 'import')).toEqual([
    'RUC del importador: en la DAM «20999999999», en los documentos «20100070970»',
    'número de bultos: en la DAM «84», en los documentos «840»',
    'valor de la factura: en la DAM «48250.01», en los documentos «48250»',
    'moneda de la factura: en la DAM «PEN», en los documentos «USD»',
  ]);
  const reviewed = last(run(openExport(), toReviewed));
  expect(refusal(reviewed, { type: 'draftEmitted', dam: keyData, at: hoursLater(5) })).toContain('faltan los datos clave de los documentos comerciales');
  // An import opened with the feature: checked once the documents' data are recorded.
  const imp = initialState(dispatchInput(), requiredDocuments(dispatchInput()), OPENED_AT, ['export-dam-2026-12']);
  const impReviewed = last(run(imp, [{ type: 'documentsReceived', documents: ['commercial_invoice', 'bill_of_lading', 'packing_list', 'insurance'] }, { type: 'documentsReviewed' }]));
  expect(canApply(impReviewed, { type: 'draftEmitted', at: hoursLater(5) })).toEqual({ ok: true });
  const withData = applyEvent(impReviewed, { type: 'documentKeyDataRecorded', data: keyData, at: hoursLater(5) });
  expect(refusal(withData, { type: 'draftEmitted', dam: { ...keyData, tariffLines: 2 }, at: hoursLater(6) })).toContain('número de series (líneas arancelarias): en la DAM «2», en los documentos «3»');
  expect(applyEvent(withData, { type: 'draftEmitted', dam: keyData, at: hoursLater(6) }).status).toBe('draft_emitted');
});

test('dispatches opened before the feature keep the old export path and refuse the new events', () => {
  const old = initialState(dispatchInput({ regime: '40' }), requiredDocuments(dispatchInput({ regime: '40' })), OPENED_AT);
  const reviewed = last(run(old, toReviewed));
  expect(nextExpectedActions(reviewed)).toEqual(['cargoEntryRegistered']);
  expect(old.exportDam).toBeUndefined();
  refusal(reviewed, { type: 'draftEmitted', at: hoursLater(5) });
  refusal(reviewed, { type: 'cargoCutoffSet', cutoffAt: hoursLater(50), at: hoursLater(5) });
});

describe('export clocks', () => {
  const ctx = (state: DispatchState) => ({ state, book: emptyBook('2026-07-10T11:00:00.000Z', 'MSC Callao'), policy: DEFAULT_POLICY, calendar: peruCalendar([]) });

  test('cut-off: reminder a day before to the executive, alert at the cut-off; stops once cargo entry and every seal are recorded', () => {
    const cutoff = hoursLater(72);
    const channel = last(run(openExport(cutoff), toChannel('verde')));
    const notices = pendingNotices(ctx(channel)).filter((n) => n.clock === 'cargo_cutoff');
    expect(notices.map((n) => [n.phase, n.dueAt, n.audience])).toEqual([
      ['reminder', new Date(Date.parse(cutoff) - 24 * HOUR).toISOString(), ['executive']],
      ['missed', cutoff, ['executive', 'supervisors']],
    ]);
    const oneSeal = applyEvent(channel, { type: 'sealsRegistered', seals: [{ containerNumber: 'MSCU1234565', sealNumber: 'PE' }], sintadReference: 'S', at: hoursLater(20) });
    expect(openDeadlines(ctx(oneSeal)).map((d) => d.clock)).toContain('cargo_cutoff');
    const allSeals = applyEvent(oneSeal, { type: 'sealsRegistered', seals: [{ containerNumber: 'TGHU1234560', sealNumber: 'PE' }], sintadReference: 'S', at: hoursLater(21) });
    expect(openDeadlines(ctx(allSeals)).map((d) => d.clock)).not.toContain('cargo_cutoff');
  });

  test('shipment after the channel: 2 days green, 5 days red; stops at the end of shipment', () => {
    const green = last(run(openExport(), toChannel('verde')));
    const due = (s: DispatchState) => openDeadlines(ctx(s)).find((d) => d.clock === 'export_shipment')?.dueAt;
    expect(Date.parse(due(green)!) - Date.parse(green.channelAssignedAt!)).toBe(48 * HOUR);
    const red = last(run(openExport(), toChannel('rojo')));
    expect(Date.parse(due(red)!) - Date.parse(red.channelAssignedAt!)).toBe(120 * HOUR);
  });
});
