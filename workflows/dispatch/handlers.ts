import { setHandler } from '@temporalio/workflow';
import type { UpdateDefinition } from '@temporalio/common';
import type { DispatchEvent } from '../../domain/state-machine';
import { missingDocuments } from '../../domain/documents';
import * as m from '../dispatch.messages';
import type { DispatchRuntime } from './runtime';
import { eventTime, reject, setAction } from './action-args';
import { registerTerminalSteps } from './terminal-steps';
import { registerBookEntries } from './book-entries';
import { registerMoneySteps } from './money-steps';

/** Registers an operator action that maps one-to-one onto a state-machine event. */
function onEvent<A extends m.ActionBase>(
  rt: DispatchRuntime,
  def: UpdateDefinition<m.ActionResult, [A], string>,
  toEvent: (args: A, at: string) => DispatchEvent,
): void {
  setAction(
    rt,
    def,
    async (args: A) => {
      await rt.transition(toEvent(args, eventTime(args)), args.actor);
      return rt.view();
    },
    (args: A) => rt.assertAllowed(toEvent(args, eventTime(args))),
  );
}

const container = (a: m.ContainerArgs) => (typeof a.containerNumber === 'string' ? { containerNumber: a.containerNumber } : {});
const PLAN_KEYS = ['eta', 'expectedLevanteAt', 'plannedPickupAt', 'plannedDeliveryAt', 'plannedContainerReturnAt'] as const;
const planChange = (a: m.ReplanArgs) => Object.fromEntries(PLAN_KEYS.filter((k) => a[k] !== undefined).map((k) => [k, a[k]]));

/** Registers every update, the query and the calendar signal of the dispatch workflow. */
export function registerHandlers(rt: DispatchRuntime): void {
  setHandler(m.getDispatch, () => rt.view());
  setHandler(m.calendarChanged, () => {
    rt.calendarDirty = true;
    rt.touch();
  });
  onEvent(rt, m.draftEmitted, (a, at) => ({ type: 'draftEmitted', at, ...(a.dam ? { dam: a.dam } : {}) }));
  onEvent(rt, m.draftApproved, (_, at) => ({ type: 'draftApproved', at }));
  onEvent(rt, m.damNumbered, (a, at) => ({ type: 'damNumbered', damNumber: a.damNumber, at, by: a.actor }));
  onEvent(rt, m.channelAssigned, (a, at) => ({ type: 'channelAssigned', channel: a.channel, at }));
  onEvent(rt, m.senasaReportReceived, (_, at) => ({ type: 'senasaReportReceived', at }));
  onEvent(rt, m.levanteGranted, (_, at) => ({ type: 'levanteGranted', at }));
  onEvent(rt, m.dischargeEnded, (_, at) => ({ type: 'dischargeEnded', at }));
  // containerNumber and receipt are read only by the rules of import-steps-2026-12 (older dispatches ignore them).
  onEvent(rt, m.pickupCoordinated, (a, at) => ({ type: 'withdrawalStep', step: 'pickup', at, ...container(a) }));
  onEvent(rt, m.delivered, (a, at) => ({ type: 'delivered', at, ...container(a), ...(a.receipt ? { receipt: a.receipt } : {}) }));
  onEvent(rt, m.containerReturned, (a, at) => ({ type: 'containerReturned', at, ...container(a) }));
  onEvent(rt, m.senasaInspectionScheduled, (a, at) => ({ type: 'senasaInspectionScheduled', at, scheduledFor: a.scheduledFor, place: a.place, inspector: a.inspector }));
  onEvent(rt, m.preExitCoordinated, (a, at) => ({ type: 'preExitCoordinated', at, warehouse: a.warehouse, pickupDate: a.pickupDate, ...container(a) }));
  onEvent(rt, m.mobilizationRequested, (a, at) => ({ type: 'mobilizationRequested', at, warehouse: a.warehouse, ...(a.reference ? { reference: a.reference } : {}), ...container(a) }));
  onEvent(rt, m.replan, (a, at) => ({ type: 'replanned', at, reason: a.reason, change: planChange(a) }));
  onEvent(rt, m.cargoEntryRegistered, (_, at) => ({ type: 'cargoEntryRegistered', at }));
  onEvent(rt, m.sealsRegistered, (a, at) => ({ type: 'sealsRegistered', at, ...(a.seals ? { seals: a.seals, sintadReference: a.sintadReference } : {}) }));
  onEvent(rt, m.shipped, (_, at) => ({ type: 'shipped', at }));
  onEvent(rt, m.regularized, (a, at) => ({ type: 'regularized', at, ...(a.claveSol ? { claveSol: a.claveSol } : {}) }));
  // Lifecycle feature export-dam-2026-12 (the state machine refuses them on dispatches opened before it).
  onEvent(rt, m.documentKeyDataRecorded, (a, at) => ({ type: 'documentKeyDataRecorded', data: a.data, at }));
  onEvent(rt, m.physicalInspectionScheduled, (a, at) => ({ type: 'physicalInspectionScheduled', scheduledFor: a.scheduledFor, place: a.place, at }));
  onEvent(rt, m.physicalInspectionRecorded, (a, at) => ({ type: 'physicalInspectionRecorded', at, ...(a.result ? { result: a.result } : {}), ...(a.notes ? { notes: a.notes } : {}) }));
  onEvent(rt, m.cargoCutoffSet, (a, at) => ({ type: 'cargoCutoffSet', cutoffAt: a.cutoffAt, at }));
  onEvent(rt, m.closeDispatch, (_, at) => ({ type: 'closed', at }));
  registerReceipt(rt);
  registerReview(rt);
  registerCancel(rt);
  registerTerminalSteps(rt);
  registerBookEntries(rt);
  registerMoneySteps(rt);
}

/** Documents received: timestamped receipt (starts its 48 h review clock); a gap emails client and executive at once. */
function registerReceipt(rt: DispatchRuntime): void {
  setAction(
    rt,
    m.documentsReceived,
    async (args) => {
      const at = eventTime(args);
      rt.book.receipts.push({ at, documents: args.documents, actor: args.actor });
      await rt.transition({ type: 'documentsReceived', documents: args.documents, at }, args.actor);
      const missing = missingDocuments(rt.state.requiredDocuments, rt.state.documentsReceived);
      if (missing.length > 0) {
        const step = `missing-documents/${rt.book.receipts.length}`;
        rt.enqueue(step, ['client', 'executive'], { kind: 'missing_documents', missing }, 'Aviso de documentos faltantes');
      }
      return rt.view();
    },
    (args) => {
      if (!Array.isArray(args.documents) || args.documents.length === 0) reject('Indique al menos un documento recibido.');
      rt.assertAllowed({ type: 'documentsReceived', documents: args.documents, at: eventTime(args) });
    },
  );
}

/**
 * Review: in `documents_complete` it is the lifecycle event; before the checklist is complete the executive
 * may still review what arrived (stops those receipts' 48 h clocks) without moving the status.
 */
function registerReview(rt: DispatchRuntime): void {
  const isPartial = () => rt.state.status === 'opened';
  setAction(
    rt,
    m.documentsReviewed,
    async (args) => {
      const at = eventTime(args);
      rt.book.lastReviewAt = at;
      if (isPartial()) await rt.changed();
      else await rt.transition({ type: 'documentsReviewed', at }, args.actor);
      return rt.view();
    },
    (args) => {
      const at = eventTime(args);
      if (isPartial()) {
        if (rt.book.receipts.every((r) => rt.book.lastReviewAt && r.at <= rt.book.lastReviewAt)) {
          reject('No hay documentos recibidos pendientes de revisión. Registre primero la recepción de documentos.');
        }
        return;
      }
      rt.assertAllowed({ type: 'documentsReviewed', at });
    },
  );
}

/** Cancellation (the client withdraws the dispatch): recorded with reason and actor, client and executive informed. */
function registerCancel(rt: DispatchRuntime): void {
  setAction(
    rt,
    m.cancelDispatch,
    async (args) => {
      const at = eventTime(args);
      await rt.transition({ type: 'cancelled', reason: args.reason, at }, args.actor, args.reason);
      rt.enqueue('cancelled', ['client', 'executive'], { kind: 'cancelled', reason: args.reason }, 'Aviso de anulación');
      return rt.view();
    },
    (args) => {
      if (!args.reason || args.reason.trim().length < 3) reject('Indique el motivo de la anulación.');
      rt.assertAllowed({ type: 'cancelled', reason: args.reason, at: eventTime(args) });
    },
  );
}
