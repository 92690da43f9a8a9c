/**
 * The state machine of a partner's operation (DO): milestones are reported in order, each one closes the clock
 * that measured it and opens the next. Every service time is business time in the Colombian calendar, measured
 * from the previous milestone (from the assignment for `received`) and compared with the partner's agreed time.
 * Pure: the workflow validates updates with `canApply` and changes state only through `applyOperationEvent`.
 */
import { addBusinessTime, businessTimeBetween, formatLocal, parseInstant, type BusinessCalendar } from '../calendar';
import { ErrorType } from '../errors';
import { MILESTONE_LABEL_ES, type CustomsOffice, type Milestone, type ServiceTimes } from './partner';

/** How DIAN resolved the declaration: automatic levante, or a documentary / physical inspection (aforo). */
export const AFORO_KINDS = ['automatico', 'documental', 'fisico'] as const;
export type Aforo = (typeof AFORO_KINDS)[number];

export type OperationStatus = 'assigned' | Milestone | 'cancelled';

export const OPERATION_STATUS_LABEL_ES: Record<OperationStatus, string> = {
  assigned: 'Asignada al aliado',
  received: 'Documentos recibidos',
  declared: 'Declaración presentada',
  inspection: 'Inspección realizada',
  levante: 'Con levante',
  delivered: 'Entregada',
  cancelled: 'Anulada',
};

/** One reported milestone with its measured service time. */
export interface MilestoneRecord {
  milestone: Milestone;
  /** When its clock started: the previous milestone, or the assignment. */
  startedAt: string;
  reportedAt: string;
  dueAt: string;
  serviceMs: number;
  targetMs: number;
  onTime: boolean;
  reportedBy: string;
}

/** A non-conformity opened on this operation (breach of a service time, or a complaint). */
export interface OperationNonConformity {
  ncId: string;
  source: 'breach' | 'complaint';
  milestone?: Milestone;
  openedAt: string;
}

export interface OperationState {
  doNumber: string;
  partnerId: string;
  office: CustomsOffice;
  assignedAt: string;
  status: OperationStatus;
  aforo?: Aforo;
  milestones: MilestoneRecord[];
  nonConformities: OperationNonConformity[];
  cancelledAt?: string;
  cancelReason?: string;
}

export type OperationEvent =
  | { type: 'milestone'; milestone: Milestone; at: string; actor: string; aforo?: Aforo }
  | { type: 'nonConformityOpened'; nc: OperationNonConformity }
  | { type: 'cancelled'; at: string; actor: string; reason: string };

export type Verdict = { ok: true } | { ok: false; reason: string; type: ErrorType };

/** The clock running now: the milestone the partner owes next, since when, and until when. */
export interface OpenClock {
  milestone: Milestone;
  startedAt: string;
  dueAt: string;
  targetMs: number;
}

export function initialOperationState(input: { doNumber: string; partnerId: string; office: CustomsOffice; assignedAt: string }): OperationState {
  return { ...input, status: 'assigned', milestones: [], nonConformities: [] };
}

export function isClosedOperation(s: OperationState): boolean {
  return s.status === 'delivered' || s.status === 'cancelled';
}

/** The milestone the partner must report next; undefined once delivered or cancelled. */
export function nextMilestone(s: OperationState): Milestone | undefined {
  switch (s.status) {
    case 'assigned':
      return 'received';
    case 'received':
      return 'declared';
    case 'declared':
      return s.aforo === 'automatico' ? 'levante' : 'inspection';
    case 'inspection':
      return 'levante';
    case 'levante':
      return 'delivered';
    default:
      return undefined;
  }
}

/** Start of the running clock: the last milestone, or the assignment. */
function clockStart(s: OperationState): string {
  return s.milestones.at(-1)?.reportedAt ?? s.assignedAt;
}

export function openClock(s: OperationState, cal: BusinessCalendar, times: ServiceTimes): OpenClock | undefined {
  const milestone = nextMilestone(s);
  if (!milestone) return undefined;
  const startedAt = clockStart(s);
  return { milestone, startedAt, dueAt: addBusinessTime(cal, startedAt, times[milestone]), targetMs: times[milestone] };
}

const fail = (reason: string, type: ErrorType = ErrorType.InvalidTransition): Verdict => ({ ok: false, reason, type });

/** Whether the event may be applied now; the reason is Spanish, for the partner or the operator. */
export function canApply(s: OperationState, e: OperationEvent, nowIso: string): Verdict {
  if (e.type === 'nonConformityOpened') {
    if (s.nonConformities.some((nc) => nc.ncId === e.nc.ncId)) return fail(`La no conformidad ${e.nc.ncId} ya fue registrada`);
    return { ok: true };
  }
  if (isClosedOperation(s)) {
    return fail(`La operación ${s.doNumber} ya está ${OPERATION_STATUS_LABEL_ES[s.status].toLowerCase()}: no admite cambios`);
  }
  if (e.type === 'cancelled') {
    return e.reason.trim() ? { ok: true } : fail('Indique el motivo de la anulación', ErrorType.InvalidInput);
  }
  const label = MILESTONE_LABEL_ES[e.milestone];
  if (s.milestones.some((m) => m.milestone === e.milestone)) return fail(`El hito "${label}" ya fue registrado`);
  const expected = nextMilestone(s)!;
  if (e.milestone !== expected) {
    if (e.milestone === 'inspection' && s.aforo === 'automatico') {
      return fail('La declaración tuvo levante automático: no corresponde registrar inspección');
    }
    return fail(`No se puede registrar "${label}": primero debe registrarse "${MILESTONE_LABEL_ES[expected]}"`);
  }
  if (e.milestone === 'declared' && !e.aforo) {
    return fail('Al registrar la declaración indique el tipo de aforo (automatico, documental o fisico)', ErrorType.InvalidInput);
  }
  const at = parseInstant(e.at);
  const start = clockStart(s);
  if (at < parseInstant(start)) {
    return fail(`La fecha de "${label}" no puede ser anterior al hito previo (${start})`, ErrorType.InvalidInput);
  }
  if (at > parseInstant(nowIso)) return fail(`La fecha de "${label}" no puede estar en el futuro`, ErrorType.InvalidInput);
  return { ok: true };
}

/** Applies an allowed event; throws on a refused one (callers check `canApply` first). */
export function applyOperationEvent(s: OperationState, e: OperationEvent, cal: BusinessCalendar, times: ServiceTimes, nowIso: string): OperationState {
  const verdict = canApply(s, e, nowIso);
  if (!verdict.ok) throw new RangeError(verdict.reason);
  switch (e.type) {
    case 'nonConformityOpened':
      return { ...s, nonConformities: [...s.nonConformities, e.nc] };
    case 'cancelled':
      return { ...s, status: 'cancelled', cancelledAt: e.at, cancelReason: e.reason };
    case 'milestone': {
      const startedAt = clockStart(s);
      const dueAt = addBusinessTime(cal, startedAt, times[e.milestone]);
      const record: MilestoneRecord = {
        milestone: e.milestone,
        startedAt,
        reportedAt: e.at,
        dueAt,
        serviceMs: businessTimeBetween(cal, startedAt, e.at),
        targetMs: times[e.milestone],
        onTime: parseInstant(e.at) <= parseInstant(dueAt),
        reportedBy: e.actor,
      };
      return { ...s, status: e.milestone, aforo: e.aforo ?? s.aforo, milestones: [...s.milestones, record] };
    }
  }
}

/** Milestones whose service time was breached (late report or clock expired) that have no non-conformity yet. */
export function breachesWithoutNonConformity(s: OperationState, cal: BusinessCalendar, times: ServiceTimes, nowIso: string): Milestone[] {
  const late = s.milestones.filter((m) => !m.onTime).map((m) => m.milestone);
  const clock = openClock(s, cal, times);
  if (clock && parseInstant(nowIso) >= parseInstant(clock.dueAt)) late.push(clock.milestone);
  return late.filter((m) => !s.nonConformities.some((nc) => nc.source === 'breach' && nc.milestone === m));
}

/** Spanish one-line description of a breach, for the non-conformity record and emails. */
export function breachDescriptionEs(s: OperationState, milestone: Milestone, dueAt: string, cal: BusinessCalendar): string {
  return `DO ${s.doNumber}: el hito "${MILESTONE_LABEL_ES[milestone]}" no se cumplió dentro del tiempo de servicio pactado (vencía el ${formatLocal(cal, dueAt)}, hora de Bogotá)`;
}

/** When the milestone's service time ran out: from its record if reported, else from the open clock. */
export function dueAtOf(s: OperationState, milestone: Milestone, cal: BusinessCalendar, times: ServiceTimes): string | undefined {
  const recorded = s.milestones.find((m) => m.milestone === milestone);
  if (recorded) return recorded.dueAt;
  const clock = openClock(s, cal, times);
  return clock?.milestone === milestone ? clock.dueAt : undefined;
}
