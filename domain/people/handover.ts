/**
 * The shift handover (seed 1.3 continuity, 2.5 shifts): at each shift change the incoming shift gets what is
 * open, what falls due during its shift, and what the outgoing people did. Which shifts change at an instant
 * follows the shifts as data (Monday 08:00 has no outgoing night shift, Saturday 08:00 no incoming day shift).
 */
import { formatAtOffset, LIMA_UTC_OFFSET_MINUTES } from '../calendar';
import { parseClockTime } from '../calendar/local-time';
import { CLOCK_LABEL_ES } from '../clocks';
import { MINUTE } from '../durations';
import { STATUS_LABEL_ES, type DispatchStatus } from '../lifecycle';
import type { Agreement } from './agreements';
import { whoIsOnDuty } from './on-duty';
import { isOnShift, type Shift } from './shifts';
import type { Absence, StaffMember } from './staff';

export interface ShiftChange {
  at: string;
  outgoing: Shift[];
  incoming: Shift[];
  /** Start of the longest outgoing shift (its actions are reported), or `at` when none goes out. */
  outgoingFrom: string;
  /** End of the longest incoming shift: what falls due before it is the incoming shift's. */
  incomingUntil: string;
}

const lengthMs = (s: Shift) => ((((parseClockTime(s.end) - parseClockTime(s.start)) % 1440) + 1440) % 1440 || 1440) * MINUTE;

/** The shifts ending and starting at `at`, or null when none does (no handover then). */
export function shiftChangeAt(shifts: readonly Shift[], at: string): ShiftChange | null {
  const before = new Date(Date.parse(at) - MINUTE).toISOString();
  const outgoing = shifts.filter((s) => isOnShift(s, before) && !isOnShift(s, at));
  const incoming = shifts.filter((s) => isOnShift(s, at) && !isOnShift(s, before));
  if (incoming.length === 0) return null;
  const t = Date.parse(at);
  const from = Math.min(t, ...outgoing.map((s) => t - lengthMs(s)));
  const until = Math.max(...incoming.map((s) => t + lengthMs(s)));
  return { at, outgoing, incoming, outgoingFrom: new Date(from).toISOString(), incomingUntil: new Date(until).toISOString() };
}

/** The people on duty for the given shifts at an instant (members of those shifts, or whoever covers them). */
export function peopleOfShifts(staff: readonly StaffMember[], shifts: readonly Shift[], absences: readonly Absence[], instant: string, of: readonly Shift[]): StaffMember[] {
  const ids = new Set(of.map((s) => s.id));
  const shiftOf = (username: string) => staff.find((m) => m.username === username)?.shiftId ?? null;
  return whoIsOnDuty(staff, shifts, absences, instant)
    .filter((d) => (d.member.shiftId !== null && ids.has(d.member.shiftId)) || d.coveringFor.some((u) => ids.has(shiftOf(u) ?? '')))
    .map((d) => d.member);
}

export interface HandoverDispatch {
  dispatchId: string;
  clientName: string;
  status: string;
  executiveId: string;
  nextDeadlineAt: string | null;
  nextDeadlineClock: string | null;
  overdue: boolean;
  atRisk: boolean;
}

/** One thing the outgoing people did during their shift: a status change or an audited action. */
export interface HandoverAction {
  at: string;
  actor: string;
  target: string;
  what: string;
}

export interface HandoverFacts {
  open: HandoverDispatch[];
  /** Open dispatches whose next deadline falls before the incoming shift ends (overdue ones included). */
  dueNext: HandoverDispatch[];
  /** Open agreements falling due before the incoming shift ends. */
  agreementsDue: Agreement[];
  actions: HandoverAction[];
}

export interface Handover extends HandoverFacts {
  change: ShiftChange;
  outgoingPeople: StaffMember[];
  incomingPeople: StaffMember[];
}

const lima = (iso: string) => formatAtOffset(iso, LIMA_UTC_OFFSET_MINUTES);
const clockLabel = (clock: string | null) => (clock ? ((CLOCK_LABEL_ES as Record<string, string>)[clock] ?? clock) : 'Plazo');
const statusLabel = (status: string) => STATUS_LABEL_ES[status as DispatchStatus] ?? status;

/** The handover email in Spanish. */
export function handoverText(h: Handover): { subject: string; text: string } {
  const names = (ps: StaffMember[]) => (ps.length ? ps.map((p) => p.name).join(', ') : 'nadie registrado');
  const shiftNames = (ss: Shift[]) => (ss.length ? ss.map((s) => s.name).join(', ') : 'ninguno');
  const lines = [
    `Entrega de turno — ${lima(h.change.at)}`,
    `Turno saliente: ${shiftNames(h.change.outgoing)} (${names(h.outgoingPeople)})`,
    `Turno entrante: ${shiftNames(h.change.incoming)} (${names(h.incomingPeople)}), hasta ${lima(h.change.incomingUntil)}`,
    '',
    `VENCE EN ESTE TURNO (${h.dueNext.length + h.agreementsDue.length})`,
    ...h.dueNext.map((d) => `- ${d.dispatchId} · ${d.clientName} · ${clockLabel(d.nextDeadlineClock)} vence ${lima(d.nextDeadlineAt!)}${d.overdue ? ' · VENCIDO' : ''}`),
    ...h.agreementsDue.map((a) => `- ${a.dispatchId} · acuerdo con ${a.agreedWith}: «${a.content}» vence ${lima(a.dueAt!)}`),
    '',
    `ABIERTOS (${h.open.length})`,
    ...h.open.map((d) => `- ${d.dispatchId} · ${d.clientName} · ${statusLabel(d.status)} · ejecutivo ${d.executiveId}${d.nextDeadlineAt ? ` · próximo plazo ${lima(d.nextDeadlineAt)}` : ''}`),
    '',
    `LO QUE HIZO EL TURNO SALIENTE (${h.actions.length})`,
    ...h.actions.map((a) => `- ${lima(a.at)} · ${a.actor} · ${a.target} · ${a.what}`),
  ];
  return { subject: `Entrega de turno ${lima(h.change.at)}: ${h.dueNext.length + h.agreementsDue.length} vencen en el turno, ${h.open.length} abiertos`, text: lines.join('\n') };
}
