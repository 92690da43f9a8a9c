/**
 * Messages of the dispatch workflow. The API imports only this file from workflows/.
 * Updates are operator actions (the caller needs an answer); signals are fire-and-forget; the query is live state.
 * Every action carries the acting user (`actor`), recorded in history, the status history and the audit trail.
 */
import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow';
import type { Channel } from '../domain/dispatch';
import type { DocumentKind } from '../domain/documents';
import type { DispatchView } from '../domain/dispatch-view';
import type { DispatchInput } from '../domain/dispatch';
import type { DispatchState } from '../domain/state-machine';
import type { DispatchBook } from '../domain/dispatch-book';
import type { BusinessCalendar } from '../domain/calendar';
import type { DispatchPolicy } from '../domain/clocks';
import type { DamKeyData } from '../domain/exports/dam-check';
import type { CostTariffs } from '../domain/money/tariffs';
import type { ExtraServiceTerms } from '../domain/money/extra-services';

/** Common to every operator action. `occurredAt` (ISO) lets an operator record a fact that happened earlier. */
export interface ActionBase {
  actor: string;
  occurredAt?: string;
  /** The caller's request id (the API sends the Update id): an action already applied is answered, not redone. */
  requestId?: string;
}

/** Result of every operator action: the dispatch's state after it. */
export type ActionResult = DispatchView;

export type DocumentsReceivedArgs = ActionBase & { documents: DocumentKind[] };
export type DamNumberedArgs = ActionBase & { damNumber: string };
export type ChannelAssignedArgs = ActionBase & { channel: Channel };
export type CancelArgs = ActionBase & { reason: string };
export type StatusGlosaArgs = ActionBase & { eta?: string; vessel?: string; note: string };
export type ExtraordinaryServiceArgs = ActionBase & {
  description: string;
  reason: 'out_of_hours' | 'out_of_scope';
  /** Soles: a decimal string ("150.00") on dispatches opened with money-clocks-2026-12; a number still works. */
  amountPen?: number | string;
};
export type VoidExtraordinaryServiceArgs = ActionBase & { serviceId: string; reason: string };
export type IncidentArgs = ActionBase & { kind: 'terminal' | 'customs' | 'transport' | 'client' | 'other'; description: string };
export type ComplaintArgs = ActionBase & {
  category: 'complaint' | 'demurrage' | 'storage' | 'fine' | 'transport_overcost' | 'other';
  description: string;
};
export type ComplaintReportedArgs = ActionBase & { complaintId: string };
/** `containerNumber` (import-steps-2026-12): the container booked; absent = every container without a cita, one each. */
export type AppointmentArgs = ActionBase & { date: string; slot?: string; containerNumber?: string };
export type BlAssignmentArgs = ActionBase & { carrierRuc: string; carrierName: string };
/** Feature export-dam-2026-12: the draft's key data, compared with the documents' before the draft goes out. */
export type DraftEmittedArgs = ActionBase & { dam?: DamKeyData };
/** Feature export-dam-2026-12: one seal per container, registered in SINTAD (required for exports with DAM). */
export type SealsRegisteredArgs = ActionBase & { seals?: { containerNumber: string; sealNumber: string }[]; sintadReference?: string };
/** Feature export-dam-2026-12: the CLAVE SOL transmission of the digitized documents (required for exports with DAM). */
export type RegularizedArgs = ActionBase & { claveSol?: { transmissionNumber: string; transmittedAt: string } };
export type DocumentKeyDataArgs = ActionBase & { data: DamKeyData };
export type PhysicalInspectionScheduledArgs = ActionBase & { scheduledFor: string; place: string };
/** Red channel: the inspection's result (required for an export) and optional notes. */
export type PhysicalInspectionRecordedArgs = ActionBase & { result?: string; notes?: string };
export type CargoCutoffArgs = ActionBase & { cutoffAt: string };
export type ContainerReturnArgs = ActionBase & { date: string; depot: string; slot?: string; containerNumber?: string };
/** One container's step (import-steps-2026-12); absent = every container pending that step. */
export type ContainerArgs = ActionBase & { containerNumber?: string };
/** Delivery receipt (cargo de entrega): who received, when, and the signed document's reference. */
export type DeliveredArgs = ContainerArgs & { receipt?: { receivedBy: string; receivedAt?: string; documentRef: string } };
export type SenasaInspectionArgs = ActionBase & { scheduledFor: string; place: string; inspector: string };
export type PreExitArgs = ContainerArgs & { warehouse: string; pickupDate: string };
export type MobilizationArgs = ContainerArgs & { warehouse: string; reference?: string };
export type ReplanArgs = ActionBase & {
  eta?: string; expectedLevanteAt?: string; plannedPickupAt?: string; plannedDeliveryAt?: string; plannedContainerReturnAt?: string;
  reason: string;
};

/** Documents received from the client (each receipt is timestamped; starts the 48 h review clock). */
export const documentsReceived = defineUpdate<ActionResult, [DocumentsReceivedArgs]>('documentsReceived');
/** The executive reviewed the documents received so far. */
export const documentsReviewed = defineUpdate<ActionResult, [ActionBase]>('documentsReviewed');
/** DAM draft emitted for the client's review. */
export const draftEmitted = defineUpdate<ActionResult, [DraftEmittedArgs]>('draftEmitted');
/** Client/reviewer approved the DAM draft. */
export const draftApproved = defineUpdate<ActionResult, [ActionBase]>('draftApproved');
/** SUNAT numbered the DAM. */
export const damNumbered = defineUpdate<ActionResult, [DamNumberedArgs]>('damNumbered');
/** SUNAT assigned the control channel (verde / naranja / rojo). */
export const channelAssigned = defineUpdate<ActionResult, [ChannelAssignedArgs]>('channelAssigned');
/** SENASA's inspection report received (restricted goods). */
export const senasaReportReceived = defineUpdate<ActionResult, [ActionBase]>('senasaReportReceived');
/** Customs granted the levante (release). */
export const levanteGranted = defineUpdate<ActionResult, [ActionBase]>('levanteGranted');
/** Discharge of the vessel ended: starts the SADA regularization and deferred numbering clocks. */
export const dischargeEnded = defineUpdate<ActionResult, [ActionBase]>('dischargeEnded');
/** Terminal proforma requested and received. */
export const requestProforma = defineUpdate<ActionResult, [ActionBase]>('requestProforma');
/** Terminal charges liquidated. */
export const requestLiquidation = defineUpdate<ActionResult, [ActionBase]>('requestLiquidation');
/** Withdrawal appointment (cita) booked at APMTC. */
export const bookAppointment = defineUpdate<ActionResult, [AppointmentArgs]>('bookAppointment');
/** BL assigned to the carrier at DPWC. */
export const assignBlToCarrier = defineUpdate<ActionResult, [BlAssignmentArgs]>('assignBlToCarrier');
/** 06:00 pickup coordinated with the warehouse. */
export const pickupCoordinated = defineUpdate<ActionResult, [ContainerArgs]>('pickupCoordinated');
/** Cargo delivered to the client (per container, with its delivery receipt, since import-steps-2026-12). */
export const delivered = defineUpdate<ActionResult, [DeliveredArgs]>('delivered');
/** Empty container return appointment booked at the terminal. */
export const bookContainerReturn = defineUpdate<ActionResult, [ContainerReturnArgs]>('bookContainerReturn');
/** Empty container returned. */
export const containerReturned = defineUpdate<ActionResult, [ContainerArgs]>('containerReturned');
/** SENASA inspection requested and scheduled: date, place, inspector (restricted goods, seed 2.3.3). */
export const senasaInspectionScheduled = defineUpdate<ActionResult, [SenasaInspectionArgs]>('senasaInspectionScheduled');
/** Red channel: physical inspection (reconocimiento físico) scheduled with customs. */
export const physicalInspectionScheduled = defineUpdate<ActionResult, [PhysicalInspectionScheduledArgs]>('physicalInspectionScheduled');
/** Red channel: physical inspection done and recorded. */
export const physicalInspectionRecorded = defineUpdate<ActionResult, [PhysicalInspectionRecordedArgs]>('physicalInspectionRecorded');
/** 06:00 pre-exit (pre-salida) coordinated with the warehouse, the day before (seed 2.3.8). */
export const preExitCoordinated = defineUpdate<ActionResult, [PreExitArgs]>('preExitCoordinated');
/** Mobilization of the cargo to a temporary warehouse requested (seed 2.3.10). */
export const mobilizationRequested = defineUpdate<ActionResult, [MobilizationArgs]>('mobilizationRequested');
/** The planned milestones changed (new ETA, expected levante, …): the client report shows the new plan and the delay. */
export const replan = defineUpdate<ActionResult, [ReplanArgs]>('replan');
/** Export: cargo entry registered at the terminal or warehouse. */
export const cargoEntryRegistered = defineUpdate<ActionResult, [ActionBase]>('cargoEntryRegistered');
/** Export: seals (precintos) registered. */
export const sealsRegistered = defineUpdate<ActionResult, [SealsRegisteredArgs]>('sealsRegistered');
/** Export: cargo shipped; starts the export regularization clocks. */
export const shipped = defineUpdate<ActionResult, [ActionBase]>('shipped');
/** Provisional declaration regularized (SADA or export). */
export const regularized = defineUpdate<ActionResult, [RegularizedArgs]>('regularized');
/** Key data read from the commercial documents (RUC, BL, weight, packages, invoice value, tariff lines). */
export const documentKeyDataRecorded = defineUpdate<ActionResult, [DocumentKeyDataArgs]>('documentKeyDataRecorded');
/** Export: the vessel's cargo cut-off, when it was not known at opening or changed. */
export const cargoCutoffSet = defineUpdate<ActionResult, [CargoCutoffArgs]>('cargoCutoffSet');
/** Temporary admission / warehouse regime concluded: stops the expiry reminders. */
export const regimeConcluded = defineUpdate<ActionResult, [ActionBase]>('regimeConcluded');
/** Dispatch closed: nothing pending. */
export const closeDispatch = defineUpdate<ActionResult, [ActionBase]>('closeDispatch');
/** The client withdrew the dispatch. */
export const cancelDispatch = defineUpdate<ActionResult, [CancelArgs]>('cancelDispatch');
/** Glosa 40025: status update for the client (ETA, vessel, note). */
export const recordStatusGlosa = defineUpdate<ActionResult, [StatusGlosaArgs]>('recordStatusGlosa');
/** Glosa 10110: extraordinary service to bill the client. */
export const recordExtraordinaryService = defineUpdate<ActionResult, [ExtraordinaryServiceArgs]>(
  'recordExtraordinaryService',
);
/** The executive voids a 10110 (e.g. an automatic one that should not bill), with a reason. */
export const voidExtraordinaryService = defineUpdate<ActionResult, [VoidExtraordinaryServiceArgs]>('voidExtraordinaryService');
/** Originals of documents delivered to the Archive (money-clocks-2026-12): the closing waits for all of them. */
export type OriginalsDeliveredArgs = ActionBase & { documents: DocumentKind[] };
export const originalsDelivered = defineUpdate<ActionResult, [OriginalsDeliveredArgs]>('originalsDelivered');
/** An incident during the dispatch. */
export const logIncident = defineUpdate<ActionResult, [IncidentArgs]>('logIncident');
/** A complaint or cost contingency: the supervisor must be informed within 24 business hours. */
export const logComplaint = defineUpdate<ActionResult, [ComplaintArgs]>('logComplaint');
/** The executive informed the supervisor of a complaint: stops its escalation clock. */
export const complaintReported = defineUpdate<ActionResult, [ComplaintReportedArgs]>('complaintReported');

/**
 * A third-party payment (terminal, line, warehouse, duties) behind the funds gate (money-clocks-2026-12): recorded
 * when the client's funds or credit cover it; otherwise the client is asked for funds and the dispatch waits.
 */
export type ThirdPartyPaymentArgs = ActionBase & { amount: string; currency: 'PEN' | 'USD'; payee: string; concept: string; reference: string };
export const requestThirdPartyPayment = defineUpdate<ActionResult, [ThirdPartyPaymentArgs]>('requestThirdPartyPayment');
/** A deposit was recorded on the dispatch or the client's credit changed: a payment waiting for funds is retried. */
export const fundsChanged = defineSignal<[]>('fundsChanged');

/** The business calendar changed (a non-working day was decreed): reload it and re-plan open deadlines. */
export const calendarChanged = defineSignal<[]>('calendarChanged');

/** Live state of the dispatch. */
export const getDispatch = defineQuery<DispatchView>('getDispatch');

/** Input of the dispatch workflow: what the operator opened, the client's agreement, and carried state after continue-as-new. */
export interface DispatchWorkflowInput {
  dispatch: DispatchInput;
  openedAt: string;
  agreement?: ClientAgreement;
  carried?: {
    state: DispatchState;
    book: DispatchBook;
    calendar: BusinessCalendar;
    searchAttributes: string;
  };
}

/** What the client agreed with the broker: deadline overrides and extra documents on the checklist. */
export interface ClientAgreement {
  policyOverrides?: Partial<DispatchPolicy>;
  extraDocuments?: DocumentKind[];
  /**
   * Tariffs of the cost clocks (money-clocks-2026-12), as data: the API passes DEFAULT_TARIFFS (domain/money) or
   * the client's; the dispatch fixes its terminal's and line's at opening. Without them no cost clock runs.
   */
  costTariffs?: CostTariffs;
  /** Shipping line code of the BL (e.g. "MSC"): its detention tariff; the default line's when absent. */
  shippingLine?: string;
  /** Free days of detention negotiated on the BL. */
  detentionFreeDays?: number;
  /** Prices and scope of the automatic 10110 services (money-clocks-2026-12); absent: none are created. */
  extraServices?: ExtraServiceTerms;
}
