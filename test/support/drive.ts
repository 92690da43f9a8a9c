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
  if (assigned.restrictedGoods) await h.executeUpdate(m.senasaReportReceived, { args: [{ actor }] });
  return h.executeUpdate(m.levanteGranted, { args: [{ actor }] });
}

/** Import withdrawal at the terminal, delivery and the empty container's return. */
export async function withdrawAndReturn(h: Handle, date = '2026-12-15'): Promise<DispatchView> {
  await h.executeUpdate(m.requestProforma, { args: [{ actor }] });
  await h.executeUpdate(m.requestLiquidation, { args: [{ actor }] });
  const view = await h.query(m.getDispatch);
  if (view.terminal === 'APMTC') await h.executeUpdate(m.bookAppointment, { args: [{ actor, date }] });
  else await h.executeUpdate(m.assignBlToCarrier, { args: [{ actor, carrierRuc: '20512345678', carrierName: 'Transportes Callao S.A.C.' }] });
  await h.executeUpdate(m.pickupCoordinated, { args: [{ actor }] });
  await h.executeUpdate(m.delivered, { args: [{ actor }] });
  await h.executeUpdate(m.bookContainerReturn, { args: [{ actor, date, depot: 'Depósito Vacíos Callao' }] });
  return h.executeUpdate(m.containerReturned, { args: [{ actor }] });
}

/** Export: documents → review → cargo entry → seals → shipped. */
export async function toShipped(h: Handle): Promise<DispatchView> {
  await receiveAllDocuments(h);
  await h.executeUpdate(m.documentsReviewed, { args: [{ actor }] });
  await h.executeUpdate(m.cargoEntryRegistered, { args: [{ actor }] });
  await h.executeUpdate(m.sealsRegistered, { args: [{ actor }] });
  return h.executeUpdate(m.shipped, { args: [{ actor }] });
}

/** Originals of every required document delivered to the Archive: closing waits for them (money-clocks-2026-12). */
export async function deliverOriginals(h: Handle): Promise<DispatchView> {
  const view = await h.query(m.getDispatch);
  return h.executeUpdate(m.originalsDelivered, { args: [{ actor, documents: view.requiredDocuments }] });
}
