/**
 * Lifecycle feature outbound-regimes-2026-12 in the pure rules: re-export (60), reshipment (89) and temporary export
 * (41) on the export path of export-dam-2026-12, their opening data and refusals, and their clocks.
 */
import { DEFAULT_POLICY, regularizationDeadlines, resolvePolicy } from '../../domain/clocks';
import { directionOf, REGIMES } from '../../domain/dispatch';
import { emptyBook } from '../../domain/dispatch-book';
import { requiredDocuments } from '../../domain/documents';
import { reimportDueAt, reshipmentDueAt, outboundClocks } from '../../domain/exports/outbound-clocks';
import { outboundOpeningProblem, parentImportProblem, type ParentImport } from '../../domain/exports/outbound-regimes';
import { LIFECYCLE_FEATURES, type LifecycleFeature } from '../../domain/lifecycle';
import { openDeadlines, pendingNotices } from '../../domain/schedule';
import { peruCalendar } from '../../domain/calendar';
import { applyEvent, canApply, initialState, nextExpectedActions, type DispatchState } from '../../domain/state-machine';
import type { DispatchInput } from '../../domain/dispatch';
import { dispatchInput, expectSpanishReason, OPENED_AT, run, type Step } from './support';

const DAY = 86_400_000;
const ALL: LifecycleFeature[] = Object.values(LIFECYCLE_FEATURES);
const keyData = { partyRuc: '20100070970', bl: 'MEDU1234567', grossWeightKg: '18250.500', packages: 840, invoiceValue: '48250.00', currency: 'USD' as const, tariffLines: 3 };
const reexport = { parentDispatchId: 'DSP-2026-000100', parentDamNumber: '118-2026-20-000100', parentRegime: '20' as const, parentExpiresAt: '2027-03-31T10:00:00-05:00' };
const reshipment = { arrivalManifest: '2026-01234', arrivalBl: 'MAEU9876543' };

function open(overrides: Partial<DispatchInput>, features: LifecycleFeature[] = ALL): DispatchState {
  const input = dispatchInput(overrides);
  return initialState(input, requiredDocuments(input), OPENED_AT, features);
}
const toShipment = (regime: string): Step[] => [
  { type: 'documentsReceived', documents: requiredDocuments({ regime: regime as DispatchInput['regime'], restrictedGoods: false }) },
  { type: 'documentsReviewed' },
  { type: 'documentKeyDataRecorded', data: keyData },
  { type: 'draftEmitted', dam: keyData },
  { type: 'draftApproved' },
  { type: 'damNumbered', damNumber: `118-2026-${regime}-000123` },
  { type: 'cargoEntryRegistered' },
  { type: 'channelAssigned', channel: 'verde' },
  { type: 'sealsRegistered', seals: [{ containerNumber: 'MSCU1234565', sealNumber: 'PE-1' }], sintadReference: 'SINTAD-1' },
  { type: 'shipped' },
];
const ctx = (state: DispatchState, book = emptyBook('2026-07-10T11:00:00.000Z', 'MSC Callao')) => ({ state, book, policy: DEFAULT_POLICY, calendar: peruCalendar([]) });
const refusal = (s: DispatchState, e: Parameters<typeof canApply>[1]) => {
  const v = canApply(s, e);
  if (v.ok) throw new Error('expected a refusal');
  expectSpanishReason(v.reason);
  return v.reason;
};

test('the new regimes are exports; the old ones keep their direction', () => {
  expect(REGIMES.map((r) => [r, directionOf(r)])).toEqual([
    ['10', 'import'], ['20', 'import'], ['70', 'import'], ['40', 'export'], ['60', 'export'], ['89', 'export'], ['41', 'export'],
  ]);
});

test('re-export (60): the export path with its DAM, regularized with CLAVE SOL; the parent reference is kept', () => {
  const states = run(open({ regime: '60', reexport }), [...toShipment('60'), { type: 'regularized', claveSol: { transmissionNumber: 'CS-1', transmittedAt: '2026-07-07T12:00:00Z' } }, { type: 'closed' }]);
  expect(states.at(-1)!.status).toBe('closed');
  expect(states[0]!.outbound).toEqual({ kind: 'reexport', parent: { dispatchId: 'DSP-2026-000100', damNumber: '118-2026-20-000100', regime: '20', expiresAt: '2027-03-31T15:00:00.000Z' } });
  expect(states.map((s) => s.status)).toContain('regularized');
});

test('re-export: shipment must end before the parent regime expires — reminder 7 days before, supervisor escalation 2 days before, alert at expiry; stopped by the shipment', () => {
  const states = run(open({ regime: '60', reexport }), toShipment('60'));
  const beforeShipment = states.at(-2)!;
  const deadline = openDeadlines(ctx(beforeShipment)).find((d) => d.clock === 'parent_regime_expiry')!;
  expect(deadline.dueAt).toBe('2027-03-31T15:00:00.000Z');
  const notices = pendingNotices(ctx(beforeShipment)).filter((n) => n.clock === 'parent_regime_expiry');
  expect(notices.map((n) => [n.phase, n.dueAt, n.audience])).toEqual([
    ['reminder', '2027-03-24T15:00:00.000Z', ['executive']],
    ['legal_at_risk', '2027-03-29T15:00:00.000Z', ['supervisors', 'executive']],
    ['missed', '2027-03-31T15:00:00.000Z', ['supervisors', 'executive']],
  ]);
  const shipped = states.at(-1)!;
  expect(openDeadlines(ctx(shipped)).map((d) => d.clock)).toEqual(['regularization_target', 'regularization_legal']);
  expect(regularizationDeadlines(shipped, DEFAULT_POLICY).map((d) => Date.parse(d.dueAt) - Date.parse(shipped.shipmentEndedAt!))).toEqual([10 * DAY, 30 * DAY]);
  expect(regularizationDeadlines(shipped, DEFAULT_POLICY)[0]!.label).toContain('de la reexportación');
});

test('reshipment (89): DAM, cargo entry, channel, seals, shipment, then close — no regularization, refused with the reason', () => {
  const states = run(open({ regime: '89', reshipment }), toShipment('89'));
  const shipped = states.at(-1)!;
  expect(shipped.outbound).toEqual({ kind: 'reshipment', arrival: { manifest: '2026-01234', bl: 'MAEU9876543' } });
  expect(nextExpectedActions(shipped)).toEqual(['closed']);
  expect(regularizationDeadlines(shipped, DEFAULT_POLICY)).toEqual([]);
  const reason = refusal(shipped, { type: 'regularized', at: '2026-07-08T12:00:00Z', claveSol: { transmissionNumber: 'CS-1', transmittedAt: '2026-07-08T12:00:00Z' } });
  expect(reason).toBe('No se puede registrar la regularización: un reembarque (régimen 89) no se regulariza; el embarque lo concluye. Entregue los originales al Archivo y cierre el despacho.');
  expect(applyEvent(shipped, { type: 'closed', at: '2026-07-08T12:00:00Z' }).status).toBe('closed');
});

test('reshipment: 30 calendar days from the day after numbering, to 23:59:59 Lima of the 30th day; reminded, escalated, alerted; stopped by the shipment', () => {
  // Numbered Monday 6 July 2026 at 15:00 Lima (hour 6 of the run): day 1 is 7 July, day 30 is 5 August.
  const states = run(open({ regime: '89', reshipment }), toShipment('89'));
  const numbered = states[6]!;
  expect(numbered.status).toBe('dam_numbered');
  const deadline = openDeadlines(ctx(numbered)).find((d) => d.clock === 'reshipment_term')!;
  expect(deadline.dueAt).toBe('2026-08-06T04:59:59.000Z');
  expect(reshipmentDueAt('2026-12-31T23:30:00-05:00', 30)).toBe('2027-01-31T04:59:59.000Z'); // 31 Dec late at night: day 30 is 30 Jan
  expect(pendingNotices(ctx(numbered)).filter((n) => n.clock === 'reshipment_term').map((n) => n.phase)).toEqual(['reminder', 'legal_at_risk', 'missed']);
  // Shipped: the term stops; the originals go to the Archive from the end of shipment (no regularization).
  expect(openDeadlines(ctx(states.at(-1)!)).map((d) => d.clock)).toEqual(['archive_originals']);
  // Durations are data: a short term for tests.
  const short = { ...ctx(numbered), policy: resolvePolicy({ reshipmentTermDays: 1 }) };
  expect(openDeadlines(short).find((d) => d.clock === 'reshipment_term')!.dueAt).toBe('2026-07-08T04:59:59.000Z');
});

test('temporary export (41): regularized like regime 40, then the 12-month re-import term with 90/60/30/7-day reminders to the executives', () => {
  const states = run(open({ regime: '41' }), [...toShipment('41'), { type: 'regularized', claveSol: { transmissionNumber: 'CS-1', transmittedAt: '2026-07-08T12:00:00Z' } }, { type: 'closed' }]);
  const shipped = states[10]!;
  expect(shipped.status).toBe('shipped');
  const closed = states.at(-1)!;
  const reimport = openDeadlines(ctx(closed)).find((d) => d.clock === 'regime_expiry')!;
  expect(reimport).toMatchObject({ ref: 'reimport-41', dueAt: reimportDueAt(shipped.shipmentEndedAt!, outboundClocks(DEFAULT_POLICY)) });
  const notices = pendingNotices(ctx(closed)).filter((n) => n.clock === 'regime_expiry');
  expect(notices.map((n) => (Date.parse(reimport.dueAt) - Date.parse(n.dueAt)) / DAY)).toEqual([90, 60, 30, 7]);
  expect(new Set(notices.map((n) => n.audience.join(',')))).toEqual(new Set(['executive,numbering_executive']));
  const concluded = { ...emptyBook('2026-07-10T11:00:00.000Z', 'MSC Callao'), regimeConcludedAt: '2027-01-10T10:00:00Z' };
  expect(openDeadlines(ctx(closed, concluded)).some((d) => d.clock === 'regime_expiry')).toBe(false);
});

test('re-import term in calendar months, Lima time: 31 August + 12 months, 29 February 2028 + 12 months', () => {
  const p = outboundClocks(DEFAULT_POLICY);
  expect(reimportDueAt('2027-08-31T10:00:00-05:00', p)).toBe('2028-08-31T15:00:00.000Z');
  expect(reimportDueAt('2028-02-29T10:00:00-05:00', p)).toBe('2029-02-28T15:00:00.000Z');
  expect(reimportDueAt('2027-08-31T23:00:00-05:00', { ...p, temporaryExportReimportMonths: 6 })).toBe('2028-03-01T04:00:00.000Z'); // 29 Feb 2028 23:00 Lima
  expect(reimportDueAt('2027-08-31T10:00:00-05:00', { ...p, temporaryExportReimportMs: DAY })).toBe('2027-09-01T15:00:00.000Z');
});

test('opening refusals (422 in the API): a re-export without its parent, an unknown expiry, a mismatched parent DAM; a reshipment without its arrival', () => {
  const problems = [
    outboundOpeningProblem({ regime: '60' }),
    outboundOpeningProblem({ regime: '60', reexport: { ...reexport, parentExpiresAt: undefined } }),
    outboundOpeningProblem({ regime: '60', reexport: { ...reexport, parentDamNumber: '118-2026-10-000100' } }),
    outboundOpeningProblem({ regime: '60', reexport: { ...reexport, parentDamNumber: '118-26-20-1' } }),
    outboundOpeningProblem({ regime: '89' }),
    outboundOpeningProblem({ regime: '40', reshipment }),
    outboundOpeningProblem({ regime: '41', reexport }),
  ];
  problems.forEach((p) => expectSpanishReason(p!));
  expect(problems[0]).toMatch(/^No se puede abrir el despacho: una reexportación \(régimen 60\) concluye una admisión temporal/);
  expect(problems[1]).toContain('falta la fecha de vencimiento del régimen 20 precedente');
  expect(problems[2]).toContain('es del régimen 10, pero se indicó el régimen 20');
  expect(problems[4]).toContain('manifiesto de carga y el BL de llegada');
  expect(problems[5]).toContain('solo corresponden a un reembarque (régimen 89)');
  expect(outboundOpeningProblem({ regime: '60', reexport })).toBeUndefined();
  expect(outboundOpeningProblem({ regime: '89', reshipment })).toBeUndefined();
  expect(outboundOpeningProblem({ regime: '41' })).toBeUndefined();
});

test('the DAM number must carry the outbound regime; the refusal names it', () => {
  const states = run(open({ regime: '89', reshipment }), toShipment('89').slice(0, 5));
  const reason = refusal(states.at(-1)!, { type: 'damNumbered', damNumber: '118-2026-40-000123', at: '2026-07-07T12:00:00Z' });
  expect(reason).toContain('corresponde al régimen 40, pero este despacho es del régimen 89');
});

test('without the feature (a replayed opening), the record and the new clocks are absent: the export path of its other features', () => {
  const s = open({ regime: '60', reexport }, ALL.filter((f) => f !== 'outbound-regimes-2026-12'));
  expect(s.outbound).toBeUndefined();
  const shipped = run(s, toShipment('60')).at(-1)!;
  expect(openDeadlines(ctx(shipped)).map((d) => d.clock)).toEqual(['regularization_target', 'regularization_legal']);
});

describe('a re-export naming a Levante parent import (the API reads the parent from the read model)', () => {
  const opening = { client: dispatchInput({}).client, reexport };
  const parent: ParentImport = { dispatchId: 'DSP-2026-000100', regime: '20', clientRuc: opening.client.ruc, damNumber: '118-2026-20-000100', levanteAt: '2025-09-30T10:00:00-05:00' };

  test('a matching parent with its levante is accepted, with or without the expiry computed from it', () => {
    expect(parentImportProblem(opening, parent)).toBeUndefined();
    expect(parentImportProblem(opening, parent, '2027-03-31T10:00:00-05:00')).toBeUndefined();
  });

  test.each([
    ['no such dispatch', null, undefined, /no existe el despacho precedente DSP-2026-000100/],
    ['not a temporary regime', { ...parent, regime: '10' }, undefined, /es del régimen 10; solo se reexporta una admisión temporal \(20\) o un depósito aduanero \(70\)/],
    ['another temporary regime than stated', { ...parent, regime: '70' }, undefined, /es del régimen 70, no del 20 indicado/],
    ['another client', { ...parent, clientRuc: '20999999991' }, undefined, /es de otro cliente \(RUC 20999999991\)/],
    ['another DAM', { ...parent, damNumber: '118-2026-20-000999' }, undefined, /la DAM del despacho DSP-2026-000100 es 118-2026-20-000999, no 118-2026-20-000100/],
    ['no levante yet', { ...parent, levanteAt: undefined }, undefined, /aún no tiene levante/],
    ['an expiry that does not match the levante', parent, '2027-03-30T10:00:00-05:00', /vence el 2027-03-30T10:00:00-05:00 según su levante; la fecha indicada \(2027-03-31T10:00:00-05:00\) no coincide/],
  ] as const)('%s is refused in Spanish', (_case, p, expiresAt, reason) => {
    expect(parentImportProblem(opening, p as ParentImport | null, expiresAt)).toMatch(reason);
  });
});
