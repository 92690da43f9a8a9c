/**
 * Lifecycle of a dispatch (despacho): its statuses, the operator events that move it, and their Spanish
 * labels for messages and the control board. The rules live in `state-machine.ts`; this file is vocabulary.
 *
 * Glossary: levante = release of the goods by customs; DAM = Declaración Aduanera de Mercancías;
 * canal = SUNAT control channel; regularización = completing a provisional declaration (SADA, export).
 */
import type { Channel, Direction, Modality, Regime, Terminal } from './dispatch';
import type { DocumentKind } from './documents';
import type { ClaveSolTransmission, ExportDamRecord } from './exports/export-dam';
import type { OutboundRecord } from './exports/outbound-regimes';
import type { DamCheckRecord, DamKeyData } from './exports/dam-check';
import type { ContainerSteps, DeliveryReceipt, DispatchPlan, ImportInspections, PlanChange } from './imports/import-types';

/** Every status a dispatch can be in. Import and export share the first three and the last three. */
export const DISPATCH_STATUSES = [
  'opened',
  'documents_complete',
  'documents_reviewed',
  'draft_emitted',
  'draft_approved',
  'dam_numbered',
  'channel_assigned',
  'senasa_inspected',
  'released',
  'withdrawal_in_progress',
  'delivered',
  'container_returned',
  'cargo_entry_registered',
  'seals_registered',
  'shipped',
  'regularized',
  'closed',
  'cancelled',
] as const;
export type DispatchStatus = (typeof DISPATCH_STATUSES)[number];

/** Status names shown to operators and clients (es-PE). */
export const STATUS_LABEL_ES: Record<DispatchStatus, string> = {
  opened: 'Abierto',
  documents_complete: 'Documentos completos',
  documents_reviewed: 'Documentos revisados',
  draft_emitted: 'Borrador de DAM emitido',
  draft_approved: 'Borrador de DAM aprobado',
  dam_numbered: 'DAM numerada',
  channel_assigned: 'Canal de control asignado',
  senasa_inspected: 'Inspección de SENASA realizada',
  released: 'Levante otorgado',
  withdrawal_in_progress: 'Retiro en curso',
  delivered: 'Carga entregada',
  container_returned: 'Contenedor vacío devuelto',
  cargo_entry_registered: 'Ingreso de carga registrado',
  seals_registered: 'Precintos registrados',
  shipped: 'Embarcado',
  regularized: 'Regularizado',
  closed: 'Cerrado',
  cancelled: 'Anulado',
};

/** Closed and cancelled dispatches accept no further events. */
export function isTerminalStatus(s: DispatchStatus): boolean {
  return s === 'closed' || s === 'cancelled';
}

/** Names of the events the operator (or an activity) records; `DispatchEvent` in state-machine.ts is keyed by these. */
export const DISPATCH_EVENT_TYPES = [
  'documentsReceived',
  'documentsReviewed',
  'draftEmitted',
  'draftApproved',
  'damNumbered',
  'channelAssigned',
  'senasaReportReceived',
  'levanteGranted',
  'dischargeEnded',
  'withdrawalStep',
  'delivered',
  'containerReturned',
  'cargoEntryRegistered',
  'sealsRegistered',
  'shipped',
  'regularized',
  'closed',
  'cancelled',
  // Lifecycle feature export-dam-2026-12 (domain/exports/).
  'documentKeyDataRecorded',
  'physicalInspectionScheduled',
  'physicalInspectionRecorded',
  'cargoCutoffSet',
  // import-steps-2026-12 (domain/imports/): SENASA inspection (the red channel's physical inspection above serves
  // imports too), withdrawal planning, re-plan.
  'senasaInspectionScheduled',
  'preExitCoordinated',
  'mobilizationRequested',
  'replanned',
  'containerReturnBooked',
] as const;
export type DispatchEventType = (typeof DISPATCH_EVENT_TYPES)[number];

/** Steps of the withdrawal (retiro) from the terminal. Appointment (cita) is APMTC only; BL assignment DPWC only. */
export const WITHDRAWAL_STEPS = ['proforma', 'liquidation', 'appointment', 'bl_assignment', 'pickup'] as const;
export type WithdrawalStep = (typeof WITHDRAWAL_STEPS)[number];

/** What the operator does, as an infinitive phrase: "No se puede <acción>: …". */
export const EVENT_ACTION_ES: Record<DispatchEventType, string> = {
  documentsReceived: 'registrar la recepción de documentos',
  documentsReviewed: 'registrar la revisión de documentos',
  draftEmitted: 'registrar la emisión del borrador de la DAM',
  draftApproved: 'registrar la aprobación del borrador de la DAM',
  damNumbered: 'registrar la numeración de la DAM',
  channelAssigned: 'registrar el canal de control',
  senasaReportReceived: 'registrar el informe de inspección de SENASA',
  levanteGranted: 'registrar el levante',
  dischargeEnded: 'registrar el término de la descarga',
  withdrawalStep: 'registrar un paso del retiro',
  delivered: 'registrar la entrega de la carga',
  containerReturned: 'registrar la devolución del contenedor vacío',
  cargoEntryRegistered: 'registrar el ingreso de la carga al terminal o almacén',
  sealsRegistered: 'registrar los precintos',
  shipped: 'registrar el embarque',
  regularized: 'registrar la regularización',
  closed: 'cerrar el despacho',
  cancelled: 'anular el despacho',
  documentKeyDataRecorded: 'registrar los datos clave de los documentos comerciales',
  physicalInspectionScheduled: 'programar el reconocimiento físico (canal rojo)',
  physicalInspectionRecorded: 'registrar el reconocimiento físico (canal rojo)',
  cargoCutoffSet: 'registrar el corte de carga (cut-off) de la nave',
  senasaInspectionScheduled: 'programar la inspección de SENASA',
  preExitCoordinated: 'registrar la coordinación de la pre-salida de las 06:00 con el almacén',
  mobilizationRequested: 'registrar la solicitud de movilización al depósito temporal',
  replanned: 'reprogramar el plan del despacho',
  containerReturnBooked: 'reservar la devolución del contenedor vacío',
};

/** Withdrawal steps as infinitive phrases, more precise than the generic `withdrawalStep` action. */
export const WITHDRAWAL_STEP_ACTION_ES: Record<WithdrawalStep, string> = {
  proforma: 'registrar la proforma del terminal',
  liquidation: 'registrar la liquidación del terminal',
  appointment: 'registrar la cita de retiro en APMTC',
  bl_assignment: 'registrar la asignación del BL al transportista en DPWC',
  pickup: 'registrar el recojo de la carga',
};

/** The dispatch's state as the workflow holds it; plain JSON, every time an ISO string. Changed only by applyEvent. */
export interface DispatchState {
  dispatchId: string;
  direction: Direction;
  regime: Regime;
  modality: Modality;
  terminal: Terminal;
  restrictedGoods: boolean;
  status: DispatchStatus;
  requiredDocuments: DocumentKind[];
  /** ISO time of the latest receipt of each document. */
  documentsReceived: Partial<Record<DocumentKind, string>>;
  documentsReviewedAt?: string;
  draftEmittedAt?: string;
  draftApprovedAt?: string;
  damNumber?: string;
  damNumberedAt?: string;
  channel?: Channel;
  channelAssignedAt?: string;
  senasaReportAt?: string;
  levanteAt?: string;
  withdrawal: { proformaAt?: string; liquidationAt?: string; appointmentAt?: string; blAssignedAt?: string; pickupAt?: string };
  /** End of discharge: starts the SADA regularization clock. */
  dischargeEndedAt?: string;
  cargoEntryRegisteredAt?: string;
  sealsRegisteredAt?: string;
  /** End of shipment (the `shipped` event): starts the export regularization clock. */
  shipmentEndedAt?: string;
  deliveredAt?: string;
  containerReturnedAt?: string;
  regularizedAt?: string;
  closedAt?: string;
  cancelledAt?: string;
  cancelReason?: string;
  updatedAt: string;
  /**
   * Lifecycle features this dispatch was opened with (ids of `LIFECYCLE_FEATURES`), fixed at opening and carried
   * across continue-as-new: a dispatch opened before a feature existed keeps the rules it started with for its
   * whole life (up to 18 months), so its history keeps replaying. Absent on dispatches opened before 2026-12-03.
   */
  features?: LifecycleFeature[];
  /** Export opened with feature export-dam-2026-12: containers and their seals, cut-off, inspection, CLAVE SOL. */
  exportDam?: ExportDamRecord;
  /** Feature export-dam-2026-12: the documents' key data and the DAM draft's, compared before the draft goes out. */
  damCheck?: DamCheckRecord;
  /** Who numbered the DAM (the actor of damNumbered): the client's assigned executive for regime expiry (seed 2.1.13). */
  damNumberedBy?: string;
  /** import-steps-2026-12: each container's own withdrawal steps, keyed by container number (domain/imports/). */
  containers?: Record<string, ContainerSteps>;
  /** import-steps-2026-12: planned milestones, set at opening and re-planned (domain/imports/plan.ts). */
  plan?: DispatchPlan;
  /** import-steps-2026-12: SENASA inspection and the red channel's physical inspection. */
  inspections?: ImportInspections;
  /** outbound-regimes-2026-12: re-export's parent regime, reshipment's arrival, or a temporary export (41). */
  outbound?: OutboundRecord;
}

/** An operator action (or an activity's finding) recorded on a dispatch; `at` is when it happened (ISO). */
export type DispatchEvent =
  | { type: 'documentsReceived'; documents: DocumentKind[]; at: string }
  | { type: 'documentsReviewed'; at: string }
  /** `dam`: the draft's key data, compared with the documents' (feature export-dam-2026-12). */
  | { type: 'draftEmitted'; at: string; dam?: DamKeyData }
  | { type: 'draftApproved'; at: string }
  | { type: 'damNumbered'; damNumber: string; at: string; by?: string }
  | { type: 'channelAssigned'; channel: Channel; at: string }
  | { type: 'senasaReportReceived'; at: string }
  | { type: 'levanteGranted'; at: string }
  /** End of discharge; allowed at any non-terminal status of an import, once. */
  | { type: 'dischargeEnded'; at: string }
  /** appointment only at APMTC, bl_assignment only at DPWC. */
  | { type: 'withdrawalStep'; step: WithdrawalStep; at: string; containerNumber?: string; reference?: string; slot?: string }
  /** With import-steps-2026-12: one container (absent = every container picked up and not yet delivered). */
  | { type: 'delivered'; at: string; containerNumber?: string; receipt?: Omit<DeliveryReceipt, 'receivedAt'> & { receivedAt?: string } }
  | { type: 'containerReturned'; at: string; containerNumber?: string }
  | { type: 'cargoEntryRegistered'; at: string }
  /** `seals` and `sintadReference`: one seal per container (feature export-dam-2026-12; required there). */
  | { type: 'sealsRegistered'; at: string; seals?: { containerNumber: string; sealNumber: string }[]; sintadReference?: string }
  | { type: 'shipped'; at: string }
  /** `claveSol`: the CLAVE SOL transmission regularizing an export (feature export-dam-2026-12; required there). */
  | { type: 'regularized'; at: string; claveSol?: ClaveSolTransmission }
  | { type: 'closed'; at: string }
  | { type: 'cancelled'; reason: string; at: string }
  /** Feature export-dam-2026-12: key data read from the commercial documents (DAM content check). */
  | { type: 'documentKeyDataRecorded'; data: DamKeyData; at: string }
  /** Red channel (features export-dam-2026-12 and import-steps-2026-12): `result` is required for an export. */
  | { type: 'physicalInspectionScheduled'; scheduledFor: string; place: string; at: string }
  | { type: 'physicalInspectionRecorded'; result?: string; notes?: string; at: string }
  /** Feature export-dam-2026-12: the vessel's cargo cut-off for an export. */
  | { type: 'cargoCutoffSet'; cutoffAt: string; at: string }
  /** Feature import-steps-2026-12 (domain/imports/). */
  | { type: 'senasaInspectionScheduled'; at: string; scheduledFor: string; place: string; inspector: string }
  | { type: 'preExitCoordinated'; at: string; containerNumber?: string; warehouse: string; pickupDate: string }
  | { type: 'mobilizationRequested'; at: string; containerNumber?: string; warehouse: string; reference?: string }
  | { type: 'replanned'; at: string; change: PlanChange; reason: string }
  | { type: 'containerReturnBooked'; at: string; containerNumber: string; reference: string; depot: string; slot?: string };

/**
 * Changes to the lifecycle rules (new steps, new clocks) that apply only to dispatches opened after them. The
 * workflow asks `patched(id)` for each when it opens a dispatch (never in a carried run), and stores the ones that
 * answered true in `DispatchState.features`; the pure rules then read `hasFeature(state, id)`. The id is the
 * patch id in Temporal's history: never rename one. docs/operations.md lists them.
 */
export const LIFECYCLE_FEATURES = {
  /** Exports with their own DAM, channel, seals per container, cut-off, CLAVE SOL; DAM content check (#13 A). */
  exportDam: 'export-dam-2026-12',
  /** 2026-12-03: import steps per container, levante and SENASA clocks, withdrawal planning, plan vs actual (docs/imports.md). */
  importSteps: 'import-steps-2026-12',
  /** 2026-12-03 (issue #14): cost clocks per container, funds gate, automatic 10110, liquidation file and archive. */
  moneyClocks: 'money-clocks-2026-12',
  /** 2026-12-03 (issue #13, seed 2.3.13): re-export (60), reshipment (89), temporary export (41), domain/exports/outbound-regimes.ts. */
  outboundRegimes: 'outbound-regimes-2026-12',
  /**
   * 2026-12-03 (issue #11): a shorter history. A terminal booking is recorded in the same write as its transition,
   * and a read-model row identical to the last one written is not written again (workflows/dispatch/runtime.ts,
   * docs/operations.md).
   */
  leanHistory: 'lean-history-2026-12',
} as const;
export type LifecycleFeature = (typeof LIFECYCLE_FEATURES)[keyof typeof LIFECYCLE_FEATURES];

/**
 * The features a dispatch opened with the workflow's baseline patch (`dispatch-baseline-2026-12`) has without asking
 * each one: those that existed when the baseline was introduced. Never add to this list; a later feature is asked.
 */
export const BASELINE_FEATURES: readonly LifecycleFeature[] = [LIFECYCLE_FEATURES.exportDam, LIFECYCLE_FEATURES.importSteps, LIFECYCLE_FEATURES.moneyClocks];

/**
 * The features of the second baseline patch (`dispatch-baseline-2-2026-12`): those of the first and the two that came
 * after it. Never add to this list either.
 */
export const BASELINE_2_FEATURES: readonly LifecycleFeature[] = [...BASELINE_FEATURES, LIFECYCLE_FEATURES.outboundRegimes, LIFECYCLE_FEATURES.leanHistory];

/** Whether the dispatch was opened with the feature (false for dispatches opened before it). */
export function hasFeature(s: Pick<DispatchState, 'features'>, feature: LifecycleFeature): boolean {
  return s.features?.includes(feature) ?? false;
}

/** Reason is Spanish (es-PE): says why the action is refused and what is expected first. */
export type Verdict = { ok: true } | { ok: false; reason: string };

