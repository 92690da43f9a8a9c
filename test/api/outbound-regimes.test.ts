/**
 * The outbound regimes (lifecycle feature outbound-regimes-2026-12) end to end through the API on the real stack:
 * a re-export of a Levante temporary admission (the parent's expiry read from its read model), a reshipment that
 * closes without regularization, a temporary export whose re-import concludes its term; the opening refusals (422).
 */
import request from 'supertest';
import type { ActionResult } from '../../workflows/dispatch.messages';
import { startApiStack, type ApiStack } from './api-stack';
import { dispatchBody, IMPORT_DOCUMENTS } from './bodies';
import { waitFor } from '../support/wait-for';

jest.setTimeout(180_000);

let api: ApiStack;
beforeAll(async () => {
  api = await startApiStack('api_outbound');
});
afterAll(() => api?.close());

const EXPORT_DOCUMENTS = ['export_invoice', 'packing_list', 'booking_confirmation'];
const keyData = { partyRuc: '20100047218', bl: 'MSCU1234567', grossWeightKg: '18250.500', packages: 840, invoiceValue: '48250.00', currency: 'USD', tariffLines: 3 };
const serial = () => String(Math.floor(Math.random() * 1e6)).padStart(6, '0');

const openDispatch = (body: Record<string, unknown>) => request(api.app).post('/dispatches').set('Authorization', api.auth('operator')).send(body);
const act = (id: string, action: string, body: object = {}) => request(api.app).post(`/dispatches/${id}/actions/${action}`).set('Authorization', api.auth('operator')).send(body);
async function drive(id: string, steps: [string, object?][]): Promise<ActionResult> {
  let view: ActionResult | undefined;
  for (const [action, body] of steps) {
    const res = await act(id, action, body ?? {});
    if (res.status !== 200) throw new Error(`${action} → ${res.status} ${JSON.stringify(res.body)}`);
    view = res.body.dispatch;
  }
  return view!;
}
/** Documents, key data, draft, approval, numbering with the regime, cargo entry, channel, one seal, shipment. */
const toShipment = (regime: string, documents = EXPORT_DOCUMENTS): [string, object?][] => [
  ['documents-received', { documents }],
  ['documents-reviewed'],
  ['document-data', { data: keyData }],
  ['draft-emitted', { dam: keyData }],
  ['draft-approved'],
  ['dam-numbered', { damNumber: `118-2026-${regime}-${serial()}` }],
  ['cargo-entry'],
  ['channel-assigned', { channel: 'verde' }],
  ['seals', { seals: [{ containerNumber: 'MSCU7654321', sealNumber: 'PE-000101' }], sintadReference: 'SINTAD-2026-0451' }],
];
const statuses = async (id: string) => (await request(app()).get(`/dispatches/${id}/history`).set('Authorization', api.auth('operator')).expect(200)).body.statuses.map((s: { status: string }) => s.status);
const app = () => api.app;

test('re-export of a Levante temporary admission: the parent expiry comes from its read model; DAM 60, shipment before it, CLAVE SOL, closure', async () => {
  // The parent: a regime-20 import up to its levante, so its read model has the levante in the status history.
  const parent = dispatchBody({ regime: '20' });
  await openDispatch(parent).expect(201);
  const parentDam = `118-2026-20-${serial()}`;
  await drive(parent.dispatchId, [
    ['documents-received', { documents: IMPORT_DOCUMENTS }], ['documents-reviewed'], ['draft-emitted'], ['draft-approved'],
    ['dam-numbered', { damNumber: parentDam }], ['channel-assigned', { channel: 'verde' }], ['levante'],
  ]);
  const parentView = (await request(app()).get(`/dispatches/${parent.dispatchId}`).set('Authorization', api.auth('operator')).expect(200)).body.dispatch as ActionResult;
  const parentExpiry = parentView.deadlines.find((d) => d.clock === 'regime_expiry')!.dueAt;
  await waitFor(async () => (await statuses(parent.dispatchId)).includes('released'), { what: 'the parent levante in the read model' });

  // Refusals before anything starts: the parent's regime or DAM misstated, a wrong expiry, no parent at all.
  const wrongRegime = await openDispatch(dispatchBody({ regime: '60', reexport: { parentDispatchId: parent.dispatchId, parentDamNumber: parentDam.replace('-20-', '-70-'), parentRegime: '70' } })).expect(422);
  expect(wrongRegime.body.error.message).toBe(`No se puede abrir la reexportación: el despacho ${parent.dispatchId} es del régimen 20, no del 70 indicado.`);
  const wrongExpiry = await openDispatch(dispatchBody({ regime: '60', reexport: { parentDispatchId: parent.dispatchId, parentDamNumber: parentDam, parentRegime: '20', parentExpiresAt: '2030-01-01T00:00:00Z' } })).expect(422);
  expect(wrongExpiry.body.error.message).toContain('la fecha indicada (2030-01-01T00:00:00Z) no coincide');
  const noParent = await openDispatch(dispatchBody({ regime: '60' })).expect(422);
  expect(noParent.body.error.message).toMatch(/^No se puede abrir el despacho: una reexportación \(régimen 60\) concluye una admisión temporal \(20\) o un depósito aduanero \(70\)/);
  const unknown = await openDispatch(dispatchBody({ regime: '60', reexport: { parentDispatchId: 'DSP-NO-EXISTE', parentDamNumber: parentDam, parentRegime: '20' } })).expect(422);
  expect(unknown.body.error.message).toContain('no existe el despacho precedente DSP-NO-EXISTE');

  const body = dispatchBody({ regime: '60', terminal: 'DPWC', reexport: { parentDispatchId: parent.dispatchId, parentDamNumber: parentDam, parentRegime: '20' } });
  await openDispatch(body).expect(201);
  const id = body.dispatchId;
  const channel = await drive(id, toShipment('60'));
  expect(channel.milestones.outbound).toEqual({ kind: 'reexport', parent: { dispatchId: parent.dispatchId, damNumber: parentDam, regime: '20', expiresAt: parentExpiry } });
  expect(channel.deadlines.find((d) => d.clock === 'parent_regime_expiry')?.dueAt).toBe(parentExpiry);
  const shipped = await drive(id, [['shipped']]);
  expect(shipped.deadlines.map((d) => d.clock)).toEqual(['regularization_target', 'regularization_legal']);
  const closed = await drive(id, [
    ['regularized', { claveSol: { transmissionNumber: 'CS-2026-000601', transmittedAt: new Date().toISOString() } }],
    ['originals-delivered', { documents: shipped.requiredDocuments }],
    ['close'],
  ]);
  expect(closed).toMatchObject({ status: 'closed', direction: 'export', regime: '60' });
  await waitFor(async () => (await statuses(id)).includes('closed'), { what: 'the closure in the read model' });
  expect(await statuses(id)).toEqual(['opened', 'documents_complete', 'documents_reviewed', 'draft_emitted', 'draft_approved', 'dam_numbered', 'cargo_entry_registered', 'channel_assigned', 'seals_registered', 'shipped', 'regularized', 'closed']);
  const list = await request(app()).get('/dispatches?regime=60&direction=export').set('Authorization', api.auth('operator')).expect(200);
  expect(list.body.items.map((x: { dispatchId: string }) => x.dispatchId)).toContain(id);
});

test('reshipment (89): opened with its arrival manifest, closes after the shipment; a regularization is refused with the reason', async () => {
  const missing = await openDispatch(dispatchBody({ regime: '89' })).expect(422);
  expect(missing.body.error.message).toBe('No se puede abrir el despacho: un reembarque (régimen 89) se abre con el manifiesto de carga y el BL de llegada de la mercancía. Indíquelos en «reshipment».');
  const misplaced = await openDispatch(dispatchBody({ regime: '40', reshipment: { arrivalManifest: '2026-01', arrivalBl: 'MAEU1234567' } })).expect(422);
  expect(misplaced.body.error.message).toContain('solo corresponden a un reembarque (régimen 89)');

  const body = dispatchBody({ regime: '89', reshipment: { arrivalManifest: '2026-04567', arrivalBl: 'MAEU9876543' } });
  await openDispatch(body).expect(201);
  const id = body.dispatchId;
  const channel = await drive(id, toShipment('89', ['commercial_invoice', 'bill_of_lading', 'booking_confirmation']));
  expect(channel.milestones.outbound).toEqual({ kind: 'reshipment', arrival: { manifest: '2026-04567', bl: 'MAEU9876543' } });
  expect(channel.deadlines.map((d) => d.clock)).toEqual(['export_shipment', 'reshipment_term']);
  const shipped = await drive(id, [['shipped']]);
  expect(shipped.nextActions).toEqual(['closed']);
  const refused = await act(id, 'regularized', { claveSol: { transmissionNumber: 'CS-1', transmittedAt: new Date().toISOString() } }).expect(409);
  expect(refused.body.error.message).toBe('No se puede registrar la regularización: un reembarque (régimen 89) no se regulariza; el embarque lo concluye. Entregue los originales al Archivo y cierre el despacho.');
  const closed = await drive(id, [['originals-delivered', { documents: shipped.requiredDocuments }], ['close']]);
  expect(closed).toMatchObject({ status: 'closed', regime: '89' });
});

test('temporary export (41): regularized, closed, the 12-month re-import term open until the re-import is recorded', async () => {
  const body = dispatchBody({ regime: '41' });
  await openDispatch(body).expect(201);
  const id = body.dispatchId;
  await drive(id, toShipment('41'));
  const early = await act(id, 'regime-concluded').expect(409);
  expect(early.body.error.message).toBe('El plazo de reimportación aún no empezó: registre primero el embarque de la exportación temporal.');
  const shipped = await drive(id, [['shipped']]);
  const reimport = shipped.deadlines.find((d) => d.clock === 'regime_expiry')!;
  const end = new Date(Date.parse(shipped.milestones.shipmentEndedAt!) - 5 * 3_600_000);
  const months12 = new Date(Date.parse(reimport.dueAt) - 5 * 3_600_000);
  expect([months12.getUTCFullYear() - end.getUTCFullYear(), months12.getUTCMonth() - end.getUTCMonth()]).toEqual([1, 0]);
  const closed = await drive(id, [
    ['regularized', { claveSol: { transmissionNumber: 'CS-2026-000411', transmittedAt: new Date().toISOString() } }],
    ['originals-delivered', { documents: shipped.requiredDocuments }],
    ['close'],
  ]);
  expect(closed.status).toBe('closed');
  expect(closed.deadlines.map((d) => d.clock)).toEqual(['regime_expiry']);
  const concluded = await drive(id, [['regime-concluded']]);
  expect(concluded.deadlines).toEqual([]);
});
