/** Drives a dispatch through its lifecycle with the same updates the operators use. */
import type { WorkflowHandle } from '@temporalio/client';
import type { DispatchView } from '../../domain/dispatch-view';
import type { dispatchWorkflow } from '../../workflows';
import * as m from '../../workflows/dispatch.messages';

type Handle = WorkflowHandle<typeof dispatchWorkflow>;
const actor = 'operador.prueba';

/** All the documents the regime's checklist asks for (plus the SENASA permit for restricted goods). */
export async function receiveAllDocuments(h: Handle): Promise<DispatchView> {
  const view = await h.query(m.getDispatch);
  return h.executeUpdate(m.documentsReceived, { args: [{ actor, documents: view.missingDocuments }] });
}

/** Import: documents → review → draft → DAM numbered → channel (→ SENASA when restricted) → levante. */
export async function toLevante(h: Handle, channel: 'verde' | 'naranja' | 'rojo' = 'verde'): Promise<DispatchView> {
  const view = await receiveAllDocuments(h);
  await h.executeUpdate(m.documentsReviewed, { args: [{ actor }] });
  await h.executeUpdate(m.draftEmitted, { args: [{ actor }] });
  await h.executeUpdate(m.draftApproved, { args: [{ actor }] });
  await h.executeUpdate(m.damNumbered, { args: [{ actor, damNumber: `118-2026-${view.regime}-${String(Math.floor(Math.random() * 1e6)).padStart(6, '0')}` }] });
  const assigned = await h.executeUpdate(m.channelAssigned, { args: [{ actor, channel }] });
  await inspections(h, assigned);
  return h.executeUpdate(m.levanteGranted, { args: [{ actor }] });
}

/** Whether the dispatch was opened with lifecycle feature import-steps-2026-12 (docs/imports.md). */
export const hasImportSteps = (view: DispatchView) => view.milestones.features?.includes('import-steps-2026-12') ?? false;

/**
 * What the levante waits for after the channel: SENASA's report for restricted goods (scheduled first since
 * import-steps-2026-12) and, on a red channel of such a dispatch, the physical inspection.
 */
export async function inspections(h: Handle, assigned: DispatchView): Promise<void> {
  const steps = hasImportSteps(assigned);
  if (assigned.restrictedGoods) {
    if (steps) await h.executeUpdate(m.senasaInspectionScheduled, { args: [{ actor, scheduledFor: new Date(Date.now() - 3_600_000).toISOString(), place: 'Terminal, zona SENASA', inspector: 'Ing. Carla Ríos' }] });
    await h.executeUpdate(m.senasaReportReceived, { args: [{ actor }] });
  }
  if (steps && assigned.channel === 'rojo') {
    await h.executeUpdate(m.physicalInspectionScheduled, { args: [{ actor, scheduledFor: new Date(Date.now() - 3_600_000).toISOString(), place: 'Zona de aforo' }] });
    await h.executeUpdate(m.physicalInspectionRecorded, { args: [{ actor, notes: 'Conforme' }] });
  }
}

/** Import withdrawal at the terminal, delivery and the empty container's return. */
export async function withdrawAndReturn(h: Handle, date = '2026-12-15'): Promise<DispatchView> {
  await h.executeUpdate(m.requestProforma, { args: [{ actor }] });
  await h.executeUpdate(m.requestLiquidation, { args: [{ actor }] });
  const view = await h.query(m.getDispatch);
  if (view.terminal === 'APMTC') await h.executeUpdate(m.bookAppointment, { args: [{ actor, date }] });
  else await h.executeUpdate(m.assignBlToCarrier, { args: [{ actor, carrierRuc: '20512345678', carrierName: 'Transportes Callao S.A.C.' }] });
  await h.executeUpdate(m.pickupCoordinated, { args: [{ actor }] });
  // Since import-steps-2026-12 each delivery leaves its delivery receipt (cargo de entrega).
  await h.executeUpdate(m.delivered, { args: [{ actor, ...(hasImportSteps(view) ? { receipt: { receivedBy: 'Almacén del cliente', documentRef: 'GR-001-0001' } } : {}) }] });
  await h.executeUpdate(m.bookContainerReturn, { args: [{ actor, date, depot: 'Depósito Vacíos Callao' }] });
  return h.executeUpdate(m.containerReturned, { args: [{ actor }] });
}

/** The key data of an export's commercial documents, and of a DAM draft that agrees with them. */
export function exportKeyData(view: Pick<DispatchView, 'client' | 'bl'>) {
  return { partyRuc: view.client.ruc, bl: view.bl, grossWeightKg: '18250.500', packages: 840, invoiceValue: '48250.00', currency: 'USD' as const, tariffLines: 3 };
}

/**
 * Export with its own DAM (feature export-dam-2026-12): documents → review → documents' key data → draft → approved
 * → DAM numbered (with the dispatch's regime: 40, or 60/89/41 of outbound-regimes-2026-12) → cargo entry → channel (rojo: the physical inspection scheduled and recorded).
 */
export async function toExportChannel(h: Handle, channel: 'verde' | 'naranja' | 'rojo' = 'verde'): Promise<DispatchView> {
  const view = await receiveAllDocuments(h);
  await h.executeUpdate(m.documentsReviewed, { args: [{ actor }] });
  await h.executeUpdate(m.documentKeyDataRecorded, { args: [{ actor, data: exportKeyData(view) }] });
  await h.executeUpdate(m.draftEmitted, { args: [{ actor, dam: exportKeyData(view) }] });
  await h.executeUpdate(m.draftApproved, { args: [{ actor }] });
  await h.executeUpdate(m.damNumbered, { args: [{ actor, damNumber: `118-2026-${view.regime}-${String(Math.floor(Math.random() * 1e6)).padStart(6, '0')}` }] });
  await h.executeUpdate(m.cargoEntryRegistered, { args: [{ actor }] });
  const assigned = await h.executeUpdate(m.channelAssigned, { args: [{ actor, channel }] });
  if (channel !== 'rojo') return assigned;
  await h.executeUpdate(m.physicalInspectionScheduled, { args: [{ actor, scheduledFor: new Date(Date.now() + 3_600_000).toISOString(), place: 'Almacén del terminal, zona de aforo' }] });
  return h.executeUpdate(m.physicalInspectionRecorded, { args: [{ actor, result: 'Conforme: mercancía coincide con lo declarado' }] });
}

/** One seal per container of the dispatch, registered in SINTAD. */
export async function sealAll(h: Handle, view: Pick<DispatchView, 'milestones'>): Promise<DispatchView> {
  const containers = view.milestones.exportDam?.containers ?? [];
  const seals = containers.map((containerNumber, i) => ({ containerNumber, sealNumber: `PE-SN-${String(i + 1).padStart(6, '0')}` }));
  return h.executeUpdate(m.sealsRegistered, { args: [{ actor, seals, sintadReference: 'SINTAD-2026-004512' }] });
}

/** Export with its own DAM up to the end of shipment (starts the regularization clocks). */
export async function toShipped(h: Handle, channel: 'verde' | 'naranja' | 'rojo' = 'verde'): Promise<DispatchView> {
  const assigned = await toExportChannel(h, channel);
  await sealAll(h, assigned);
  return h.executeUpdate(m.shipped, { args: [{ actor }] });
}

/** The CLAVE SOL transmission that regularizes an export, sent at `at` (the workflow's clock: now by default). */
export function claveSol(at: Date | number = Date.now(), serial = '000123') {
  return { transmissionNumber: `CS-2026-${serial}`, transmittedAt: new Date(at).toISOString() };
}

/** Originals of every required document delivered to the Archive: closing waits for them (money-clocks-2026-12). */
export async function deliverOriginals(h: Handle): Promise<DispatchView> {
  const view = await h.query(m.getDispatch);
  return h.executeUpdate(m.originalsDelivered, { args: [{ actor, documents: view.requiredDocuments }] });
}
