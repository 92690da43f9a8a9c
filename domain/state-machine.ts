/**
 * The dispatch state machine: an explicit transition table (status × event → next status, with guards) and
 * pure functions over it. Every state change of a dispatch goes through `applyEvent`; update validators call
 * `canApply` so an invalid operator action is rejected, in Spanish, before it touches workflow history.
 */
import { formatAtOffset, LIMA_UTC_OFFSET_MINUTES, parseInstant } from './calendar';
import { CHANNELS, directionOf } from './dispatch';
import type { Direction, DispatchInput } from './dispatch';
import { type DocumentKind, DOCUMENT_LABEL_ES, isDocumentKind, missingDocuments } from './documents';
import { ErrorType } from './errors';
import { initialContainers } from './imports/containers';
import { IMPORT_STEPS_EVENT_DIRECTION, IMPORT_STEPS_RULES, importPayloadProblem, recordImportEvent } from './imports/import-rules';
import { initialPlan } from './imports/plan';
import {
  type DispatchEvent,
  type DispatchState,
  type DispatchStatus,
  type LifecycleFeature,
  type Verdict,
  type WithdrawalStep,
  EVENT_ACTION_ES,
  hasFeature,
  LIFECYCLE_FEATURES,
  STATUS_LABEL_ES,
  WITHDRAWAL_STEP_ACTION_ES,
  WITHDRAWAL_STEPS,
  isTerminalStatus,
} from './lifecycle';
import { exportDamAtOpening, isExportDam } from './exports/export-dam';
import { exportDamPayloadProblem, recordExportDamEvent } from './exports/export-events';
import { EXPORT_DAM_SHARED_EVENTS, exportDamRules } from './exports/export-rules';
import { outboundAtOpening, outboundRules } from './exports/outbound-regimes';

export type { DispatchEvent, DispatchState, Verdict } from './lifecycle';
type EventType = DispatchEvent['type'];

/** Thrown by applyEvent when canApply refuses; `type` matches ErrorType for ApplicationFailure. */
export class InvalidTransitionError extends Error {
  readonly type = ErrorType.InvalidTransition;
  constructor(readonly reason: string) {
    super(reason);
    this.name = 'InvalidTransitionError';
  }
}

/** `to` is computed on the state after the event's data is recorded; 'stay' records data without moving. */
export type TransitionRule = Rule;
export interface Rule {
  to: DispatchStatus | 'stay' | ((recorded: DispatchState) => DispatchStatus);
  /** State-only guard: a Spanish reason when the event is not allowed yet. */
  when?: (s: DispatchState) => string | undefined;
  /** For 'stay' rules: whether the operator still has something to do with this event. */
  pending?: (s: DispatchState) => boolean;
}

const STEP_FIELD = { proforma: 'proformaAt', liquidation: 'liquidationAt', appointment: 'appointmentAt', bl_assignment: 'blAssignedAt', pickup: 'pickupAt' } as const;
const at = (iso: string) => formatAtOffset(iso, LIMA_UTC_OFFSET_MINUTES);
const terminalStep = (s: DispatchState): 'appointment' | 'bl_assignment' => (s.terminal === 'APMTC' ? 'appointment' : 'bl_assignment');
const stepDone = (s: DispatchState, step: WithdrawalStep) => Boolean(s.withdrawal[STEP_FIELD[step]]);

/** Withdrawal steps that apply at the dispatch's terminal and have not been recorded yet. */
export function pendingWithdrawalSteps(s: DispatchState): WithdrawalStep[] {
  const other = s.terminal === 'APMTC' ? 'bl_assignment' : 'appointment';
  return WITHDRAWAL_STEPS.filter((step) => step !== other && !stepDone(s, step));
}

const senasaGate = (s: DispatchState) =>
  s.restrictedGoods && !s.senasaReportAt
    ? 'No se puede registrar el levante: falta el informe de inspección de SENASA (mercancía restringida). Registre primero el informe de SENASA.'
    : undefined;
const onlyRestricted = (s: DispatchState) =>
  s.restrictedGoods ? undefined : 'No se puede registrar el informe de SENASA: la mercancía de este despacho no es restringida y no requiere inspección de SENASA. Registre el levante cuando SUNAT lo otorgue.';
const pickedUp = (s: DispatchState) => {
  const missing = ([terminalStep(s), 'pickup'] as const).filter((step) => !stepDone(s, step));
  return missing.length === 0 ? undefined
    : `No se puede registrar la entrega de la carga: el retiro no está completo. Antes debe ${missing.map((m) => WITHDRAWAL_STEP_ACTION_ES[m]).join(' y ')}.`;
};
const sadaRegularization = (s: DispatchState) =>
  s.modality !== 'anticipado'
    ? `No se puede registrar la regularización: solo aplica a despachos anticipados (SADA) y este despacho es de modalidad «${s.modality}». Cierre el despacho.`
    : !s.dischargeEndedAt
      ? 'No se puede registrar la regularización: falta el término de la descarga, desde el que se cuenta el plazo de regularización. Regístrelo primero.'
      : undefined;
const closeWithoutRegularization = (s: DispatchState) =>
  s.modality === 'anticipado'
    ? 'No se puede cerrar el despacho: un despacho anticipado (SADA) debe regularizarse antes del cierre. Registre primero la regularización.'
    : undefined;
const dischargeOnce = (s: DispatchState) =>
  s.dischargeEndedAt ? `No se puede registrar el término de la descarga: ya fue registrado el ${at(s.dischargeEndedAt)}.` : undefined;

// Allowed at every non-terminal status (direction permitting).
const ANYTIME: Partial<Record<EventType, Rule>> = {
  dischargeEnded: { to: 'stay', when: dischargeOnce, pending: (s) => !s.dischargeEndedAt },
  cancelled: { to: 'cancelled' },
};

/** The transition table. A status × event pair not listed here is refused. */
export const TRANSITIONS: Record<DispatchStatus, Partial<Record<EventType, Rule>>> = {
  opened: {
    documentsReceived: { to: (r) => (missingDocuments(r.requiredDocuments, r.documentsReceived).length ? 'opened' : 'documents_complete') },
    ...ANYTIME,
  },
  documents_complete: { documentsReviewed: { to: 'documents_reviewed' }, documentsReceived: { to: 'stay', pending: () => false }, ...ANYTIME },
  documents_reviewed: { draftEmitted: { to: 'draft_emitted' }, cargoEntryRegistered: { to: 'cargo_entry_registered' }, ...ANYTIME },
  draft_emitted: { draftApproved: { to: 'draft_approved' }, ...ANYTIME },
  draft_approved: { damNumbered: { to: 'dam_numbered' }, ...ANYTIME },
  dam_numbered: { channelAssigned: { to: 'channel_assigned' }, ...ANYTIME },
  channel_assigned: {
    senasaReportReceived: { to: 'senasa_inspected', when: onlyRestricted },
    levanteGranted: { to: 'released', when: senasaGate },
    ...ANYTIME,
  },
  senasa_inspected: { levanteGranted: { to: 'released' }, ...ANYTIME },
  released: { withdrawalStep: { to: 'withdrawal_in_progress' }, ...ANYTIME },
  withdrawal_in_progress: {
    withdrawalStep: { to: 'stay', pending: (s) => pendingWithdrawalSteps(s).length > 0 },
    delivered: { to: 'delivered', when: pickedUp },
    ...ANYTIME,
  },
  delivered: { containerReturned: { to: 'container_returned' }, ...ANYTIME },
  container_returned: {
    regularized: { to: 'regularized', when: sadaRegularization },
    closed: { to: 'closed', when: closeWithoutRegularization },
    ...ANYTIME,
  },
  cargo_entry_registered: { sealsRegistered: { to: 'seals_registered' }, ...ANYTIME },
  seals_registered: { shipped: { to: 'shipped' }, ...ANYTIME },
  shipped: { regularized: { to: 'regularized' }, ...ANYTIME },
  regularized: { closed: { to: 'closed' }, ...ANYTIME },
  closed: {},
  cancelled: {},
};


/** Events that only make sense in one direction; the rest apply to both. */
const EVENT_DIRECTION: Partial<Record<EventType, Direction>> = {
  ...IMPORT_STEPS_EVENT_DIRECTION,
  draftEmitted: 'import', draftApproved: 'import', damNumbered: 'import', channelAssigned: 'import',
  senasaReportReceived: 'import', levanteGranted: 'import', dischargeEnded: 'import', withdrawalStep: 'import',
  delivered: 'import', containerReturned: 'import',
  cargoEntryRegistered: 'export', sealsRegistered: 'export', shipped: 'export',
  cargoCutoffSet: 'export',
};

/**
 * The rules of the dispatch's current status: the base table's, with the lifecycle features it was opened with
 * (an import's steps on top of the base row; an export's own path with its DAM instead of the base row; a
 * reshipment's end without regularization).
 */
function rulesOf(s: DispatchState): Partial<Record<EventType, Rule>> {
  const base = TRANSITIONS[s.status];
  const row = isImportSteps(s) ? { ...base, ...IMPORT_STEPS_RULES[s.status] } : base;
  const exportRow = exportDamRules(s, row) ?? row;
  // outbound-regimes-2026-12: a reshipment closes after its shipment, without regularization.
  return outboundRules(s, exportRow) ?? exportRow;
}

/** An import opened with lifecycle feature import-steps-2026-12 (an export opened with it keeps the export rules). */
const isImportSteps = (s: DispatchState) => hasFeature(s, LIFECYCLE_FEATURES.importSteps) && s.direction === 'import';

/** The direction an event is limited to for this dispatch (an export with its own DAM shares the DAM's events). */
function directionOfEvent(s: DispatchState, type: EventType): Direction | undefined {
  if (isExportDam(s) && EXPORT_DAM_SHARED_EVENTS.includes(type)) return undefined;
  return EVENT_DIRECTION[type];
}
const DIRECTION_ES: Record<Direction, string> = { import: 'importación', export: 'exportación' };
const DAM_NUMBER = /^(\d{3})-(\d{4})-(\d{2})-(\d{6})$/;

/** Problems with the event's own data, once the table allows it. */
function payloadProblem(s: DispatchState, e: DispatchEvent): string | undefined {
  const action = actionOf(e);
  try {
    parseInstant(e.at);
  } catch {
    return `No se puede ${action}: la fecha «${e.at}» no es válida. Use fecha y hora ISO 8601 con zona horaria, p. ej. 2026-07-27T10:00:00-05:00.`;
  }
  if (isImportSteps(s)) {
    const problem = importPayloadProblem(s, e, action);
    if (problem !== null) return problem;
  }
  switch (e.type) {
    case 'documentsReceived': {
      const unknown = e.documents.filter((d) => !isDocumentKind(d));
      if (e.documents.length === 0) return `No se puede ${action}: no se indicó ningún documento. Indique qué documentos se recibieron.`;
      if (unknown.length) return `No se puede ${action}: tipo de documento desconocido (${unknown.join(', ')}). Use uno de: ${Object.values(DOCUMENT_LABEL_ES).join(', ')}.`;
      return undefined;
    }
    case 'damNumbered': {
      const m = DAM_NUMBER.exec(e.damNumber.trim());
      if (!m) return `No se puede ${action}: el número «${e.damNumber}» no tiene el formato AAA-AAAA-RR-NNNNNN (aduana-año-régimen-correlativo), p. ej. 118-2026-${s.regime}-000123.`;
      if (m[3] !== s.regime) return `No se puede ${action}: el número «${e.damNumber}» corresponde al régimen ${m[3]}, pero este despacho es del régimen ${s.regime}. Verifique el número.`;
      return undefined;
    }
    case 'channelAssigned':
      return (CHANNELS as readonly string[]).includes(e.channel) ? undefined : `No se puede ${action}: el canal «${e.channel}» no existe. Use verde, naranja o rojo.`;
    case 'withdrawalStep': {
      if (!(WITHDRAWAL_STEPS as readonly string[]).includes(e.step)) return `No se puede ${action}: el paso «${e.step}» no existe.`;
      if (e.step === 'appointment' && s.terminal !== 'APMTC') return `No se puede ${action}: la cita de retiro solo aplica a APM Terminals Callao (APMTC); en DP World Callao registre la asignación del BL al transportista.`;
      if (e.step === 'bl_assignment' && s.terminal !== 'DPWC') return `No se puede ${action}: la asignación del BL al transportista solo aplica a DP World Callao (DPWC); en APM Terminals Callao registre la cita de retiro.`;
      if (e.step === 'pickup' && !stepDone(s, terminalStep(s))) return `No se puede ${action}: antes debe ${WITHDRAWAL_STEP_ACTION_ES[terminalStep(s)]}.`;
      return undefined;
    }
    case 'cancelled':
      return e.reason.trim() ? undefined : `No se puede ${action}: indique el motivo de la anulación.`;
    default:
      return exportDamPayloadProblem(s, e, action);
  }
}

function actionOf(e: DispatchEvent): string {
  return e.type === 'withdrawalStep' && WITHDRAWAL_STEP_ACTION_ES[e.step] ? WITHDRAWAL_STEP_ACTION_ES[e.step] : EVENT_ACTION_ES[e.type];
}

/** Whether the event may be applied now, and if not, why (in Spanish). */
export function canApply(s: DispatchState, e: DispatchEvent): Verdict {
  const reason = refusal(s, e);
  return reason ? { ok: false, reason } : { ok: true };
}

function refusal(s: DispatchState, e: DispatchEvent): string | undefined {
  const action = actionOf(e);
  if (isTerminalStatus(s.status)) {
    return `No se puede ${action}: el despacho está ${s.status === 'closed' ? 'cerrado' : 'anulado'} y ya no admite cambios.`;
  }
  const direction = directionOfEvent(s, e.type);
  if (direction && direction !== s.direction) {
    return `No se puede ${action}: corresponde solo a despachos de ${DIRECTION_ES[direction]} y este es de ${DIRECTION_ES[s.direction]} (régimen ${s.regime}).`;
  }
  const rule = rulesOf(s)[e.type];
  if (!rule) return `No se puede ${action}: el despacho está en estado «${STATUS_LABEL_ES[s.status]}». ${expectedSentence(s)}`;
  return rule.when?.(s) ?? payloadProblem(s, e);
}

function expectedSentence(s: DispatchState): string {
  const actions = nextExpectedActions(s);
  // Side events (end of discharge) are named only when nothing else moves the dispatch forward.
  const main = actions.filter((type) => !(type in ANYTIME));
  const phrases = (main.length ? main : actions).flatMap((type) =>
    type === 'withdrawalStep' ? pendingWithdrawalSteps(s).map((step) => WITHDRAWAL_STEP_ACTION_ES[step])
      : type === 'documentsReceived' ? [`${EVENT_ACTION_ES[type]}${missingList(s)}`]
        : [EVENT_ACTION_ES[type]],
  );
  if (phrases.length === 0) return 'No hay acciones pendientes.';
  const list = phrases.length === 1 ? phrases[0] : `${phrases.slice(0, -1).join(', ')} o ${phrases[phrases.length - 1]}`;
  return `Lo que corresponde ahora es ${list}.`;
}

function missingList(s: DispatchState): string {
  const missing = missingDocuments(s.requiredDocuments, s.documentsReceived);
  return missing.length ? ` (faltan: ${missing.map((d) => DOCUMENT_LABEL_ES[d]).join(', ')})` : '';
}

/** The event's data recorded on the state, before the status moves. */
function record(s: DispatchState, e: DispatchEvent): DispatchState {
  const later = parseInstant(e.at) > parseInstant(s.updatedAt) ? e.at : s.updatedAt;
  const next: DispatchState = { ...s, updatedAt: later };
  const imported = isImportSteps(s) ? recordImportEvent(next, e) : null;
  if (imported) return imported;
  switch (e.type) {
    case 'documentsReceived':
      return { ...next, documentsReceived: { ...s.documentsReceived, ...Object.fromEntries(e.documents.map((d) => [d, e.at])) } };
    case 'documentsReviewed': return { ...next, documentsReviewedAt: e.at };
    case 'draftEmitted': return recordExportDamEvent(s, { ...next, draftEmittedAt: e.at }, e);
    case 'draftApproved': return { ...next, draftApprovedAt: e.at };
    case 'damNumbered': return { ...next, damNumber: e.damNumber.trim(), damNumberedAt: e.at, ...(e.by ? { damNumberedBy: e.by } : {}) };
    case 'channelAssigned': return { ...next, channel: e.channel, channelAssignedAt: e.at };
    case 'senasaReportReceived': return { ...next, senasaReportAt: e.at };
    case 'levanteGranted': return { ...next, levanteAt: e.at };
    case 'dischargeEnded': return { ...next, dischargeEndedAt: e.at };
    case 'withdrawalStep': return { ...next, withdrawal: { ...s.withdrawal, [STEP_FIELD[e.step]]: e.at } };
    case 'delivered': return { ...next, deliveredAt: e.at };
    case 'containerReturned': return { ...next, containerReturnedAt: e.at };
    case 'cargoEntryRegistered': return { ...next, cargoEntryRegisteredAt: e.at };
    case 'sealsRegistered': return recordExportDamEvent(s, { ...next, sealsRegisteredAt: e.at }, e);
    case 'shipped': return { ...next, shipmentEndedAt: e.at };
    case 'regularized': return recordExportDamEvent(s, { ...next, regularizedAt: e.at }, e);
    case 'closed': return { ...next, closedAt: e.at };
    case 'cancelled': return { ...next, cancelledAt: e.at, cancelReason: e.reason.trim() };
    case 'documentKeyDataRecorded':
    case 'physicalInspectionScheduled':
    case 'physicalInspectionRecorded':
    case 'cargoCutoffSet':
      return recordExportDamEvent(s, next, e);
    default: return next; // events of import-steps-2026-12, recorded above (recordImportEvent)
  }
}

/** The state after the event. Throws InvalidTransitionError (with a Spanish `reason`) when canApply refuses. */
export function applyEvent(s: DispatchState, e: DispatchEvent): DispatchState {
  const verdict = canApply(s, e);
  if (!verdict.ok) throw new InvalidTransitionError(verdict.reason);
  const rule = rulesOf(s)[e.type] as Rule;
  const recorded = record(s, e);
  const status = rule.to === 'stay' ? s.status : typeof rule.to === 'function' ? rule.to(recorded) : rule.to;
  return { ...recorded, status };
}

/** A freshly opened dispatch. `requiredDocs` comes from requiredDocuments(), possibly with the client's extras. */
export function initialState(input: DispatchInput, requiredDocs: DocumentKind[], at: string, features: LifecycleFeature[] = []): DispatchState {
  return {
    ...(features.length > 0 ? { features: [...features] } : {}),
    dispatchId: input.dispatchId,
    direction: directionOf(input.regime),
    regime: input.regime,
    modality: input.modality,
    terminal: input.terminal,
    restrictedGoods: input.restrictedGoods,
    status: 'opened',
    requiredDocuments: [...requiredDocs],
    documentsReceived: {},
    withdrawal: {},
    updatedAt: at,
    ...exportDamAtOpening(input, features),
    ...outboundAtOpening(input, features),
    ...(features.includes(LIFECYCLE_FEATURES.importSteps) && directionOf(input.regime) === 'import'
      ? { containers: initialContainers(input), plan: initialPlan(input.eta, input.plan) }
      : {}),
  };
}

/**
 * Events the operator can record now to move the dispatch forward, in table order. Cancellation is left out:
 * it is possible at every non-terminal status and the UI offers it separately.
 */
export function nextExpectedActions(s: DispatchState): EventType[] {
  return (Object.entries(rulesOf(s)) as [EventType, Rule][])
    .filter(([type]) => type !== 'cancelled')
    .filter(([type]) => !directionOfEvent(s, type) || directionOfEvent(s, type) === s.direction)
    .filter(([, rule]) => !rule.when?.(s) && (rule.pending?.(s) ?? true))
    .map(([type]) => type);
}
