/**
 * A definitive export with its own DAM (lifecycle feature export-dam-2026-12) from opening to closure through the
 * real worker on the dev server: read model, status history, glosas 40025 and the search attributes carry the
 * DAM number and the channel; the red channel's inspection, one seal per container, CLAVE SOL.
 */
import { WorkflowUpdateFailedError } from '@temporalio/client';
import * as m from '../../workflows/dispatch.messages';
import { claveSol, deliverOriginals, exportKeyData, receiveAllDocuments } from '../support/drive';
import { sampleDispatch, startDispatch } from '../support/fixtures';
import { startTestStack, type TestStack } from '../support/stack';

jest.setTimeout(120_000);

let stack: TestStack;
beforeAll(async () => {
  stack = await startTestStack('export_dam');
});
afterAll(() => stack?.close());

const actor = 'esc';
const rejection = (err: unknown) => (err instanceof WorkflowUpdateFailedError ? (err.cause as Error).message : String(err));

test('export with DAM, red channel, two containers: from opening to closure', async () => {
  const d = sampleDispatch({
    regime: '40', terminal: 'DPWC',
    containers: [{ containerNumber: 'MSCU7654321', size: '40' }, { containerNumber: 'TGHU1234560', size: '20' }],
    cargoCutoffAt: new Date(Date.now() + 5 * 86_400_000).toISOString(),
  });
  const h = await startDispatch(stack.client, stack.config.TEMPORAL_TASK_QUEUE, d);
  const opened = await h.query(m.getDispatch);
  expect(opened.milestones.features).toContain('export-dam-2026-12');
  expect(opened.nextActions).toEqual(['documentsReceived']);

  const docs = await receiveAllDocuments(h);
  await h.executeUpdate(m.documentsReviewed, { args: [{ actor }] });
  const early = await h.executeUpdate(m.cargoEntryRegistered, { args: [{ actor }] }).catch(rejection);
  expect(early).toMatch(/^No se puede registrar el ingreso de la carga al terminal o almacén: .*Lo que corresponde ahora es registrar los datos clave de los documentos comerciales/);
  await h.executeUpdate(m.documentKeyDataRecorded, { args: [{ actor, data: exportKeyData(docs) }] });
  const mismatch = await h.executeUpdate(m.draftEmitted, { args: [{ actor, dam: { ...exportKeyData(docs), packages: 84 } }] }).catch(rejection);
  expect(mismatch).toContain('número de bultos: en la DAM «84», en los documentos «840»');
  await h.executeUpdate(m.draftEmitted, { args: [{ actor, dam: exportKeyData(docs) }] });
  await h.executeUpdate(m.draftApproved, { args: [{ actor }] });
  const numbered = await h.executeUpdate(m.damNumbered, { args: [{ actor, damNumber: '118-2026-40-004321' }] });
  expect(numbered.nextActions).toEqual(['cargoEntryRegistered']);
  await h.executeUpdate(m.cargoEntryRegistered, { args: [{ actor }] });
  const red = await h.executeUpdate(m.channelAssigned, { args: [{ actor, channel: 'rojo' }] });
  expect(red.nextActions).toEqual(['physicalInspectionScheduled', 'sealsRegistered']);
  await h.executeUpdate(m.physicalInspectionScheduled, { args: [{ actor, scheduledFor: new Date(Date.now() + 3_600_000).toISOString(), place: 'Zona de aforo DPWC' }] });
  await h.executeUpdate(m.physicalInspectionRecorded, { args: [{ actor, result: 'Conforme' }] });
  await h.executeUpdate(m.sealsRegistered, { args: [{ actor, seals: [{ containerNumber: 'MSCU7654321', sealNumber: 'PE-000101' }], sintadReference: 'SINTAD-2026-0451' }] });
  const unsealed = await h.executeUpdate(m.shipped, { args: [{ actor }] }).catch(rejection);
  expect(unsealed).toContain('el contenedor TGHU1234560 no tiene precinto registrado');
  const sealed = await h.executeUpdate(m.sealsRegistered, { args: [{ actor, seals: [{ containerNumber: 'TGHU1234560', sealNumber: 'PE-000102' }], sintadReference: 'SINTAD-2026-0452' }] });
  expect(sealed.deadlines.map((x) => x.clock)).toEqual(['export_shipment']);
  const shipped = await h.executeUpdate(m.shipped, { args: [{ actor }] });
  expect(shipped.deadlines.map((x) => x.clock)).toEqual(['regularization_target', 'regularization_legal']);
  await h.executeUpdate(m.regularized, { args: [{ actor, claveSol: claveSol() }] });
  await deliverOriginals(h); // closing waits for the originals in the Archive (money-clocks-2026-12)
  await h.executeUpdate(m.closeDispatch, { args: [{ actor }] });
  const done = await h.result();
  expect(done).toMatchObject({ status: 'closed', damNumber: '118-2026-40-004321', channel: 'rojo' });
  expect(done.milestones.exportDam?.claveSol?.transmissionNumber).toBe('CS-2026-000123');

  const history = await stack.prisma.statusHistory.findMany({ where: { dispatchId: d.dispatchId }, orderBy: { at: 'asc' } });
  expect(history.map((x) => x.status)).toEqual([
    'opened', 'documents_complete', 'documents_reviewed', 'draft_emitted', 'draft_approved', 'dam_numbered',
    'cargo_entry_registered', 'channel_assigned', 'seals_registered', 'shipped', 'regularized', 'closed',
  ]);
  const record = await stack.prisma.dispatch.findUnique({ where: { id: d.dispatchId } });
  expect(record).toMatchObject({ direction: 'export', damNumber: '118-2026-40-004321', channel: 'rojo', status: 'closed' });
  const glosa = await stack.prisma.glosa.findMany({ where: { dispatchId: d.dispatchId, code: '40025' }, orderBy: { at: 'asc' } });
  expect(glosa.at(-1)?.payload).toMatchObject({ status: 'closed', damNumber: '118-2026-40-004321', channel: 'rojo' });
  const described = await h.describe();
  expect(described.searchAttributes).toMatchObject({ DamNumber: ['118-2026-40-004321'], Channel: ['rojo'], Regime: ['40'] });
});
