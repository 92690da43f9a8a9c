/**
 * The shift handover (seed 1.3 continuity, 2.5 shifts): at each shift change the incoming shift gets what is
 * open, what falls due during its shift, and what the outgoing people did. Which shifts change at an instant
 * follows the shifts as data (Saturday 08:00 has no incoming shift; Monday 08:00 takes over from Friday's night).
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
  /** When the outgoing shifts ended: `at`, or earlier when nobody handed over in person (Monday 08:00 after the weekend). */
  outgoingEndedAt: string;
  /** Start of the longest outgoing shift (its actions are reported), or `at` when none ended in the last 3 days. */
  outgoingFrom: string;
  /** End of the longest incoming shift: what falls due before it is the incoming shift's. */
  incomingUntil: string;
}

const lengthMs = (s: Shift) => ((((parseClockTime(s.end) - parseClockTime(s.start)) % 1440) + 1440) % 1440 || 1440) * MINUTE;
const LOOK_BACK_MS = 3 * 24 * 60 * MINUTE;

/** The shifts that end exactly at `t` (on a minute before, off at it). */
function endingAt(shifts: readonly Shift[], t: number): Shift[] {
  const before = new Date(t - MINUTE).toISOString();
  const now = new Date(t).toISOString();
  return shifts.filter((s) => isOnShift(s, before) && !isOnShift(s, now));
}

/**
 * The shifts starting at `at` and the ones handing over to them, or null when no shift starts then (no handover).
 * When no shift ends at `at` (Monday 08:00: nobody worked on Sunday), the last shift that ended within three days
 * hands over (Friday's night shift), so its work is not lost over the weekend.
 */
export function shiftChangeAt(shifts: readonly Shift[], at: string): ShiftChange | null {
  const t = Date.parse(at);
  const before = new Date(t - MINUTE).toISOString();
  const incoming = shifts.filter((s) => isOnShift(s, at) && !isOnShift(s, before));
  if (incoming.length === 0) return null;
  let endedAt = t;
  let outgoing = endingAt(shifts, t);
  for (let u = t - MINUTE; outgoing.length === 0 && u > t - LOOK_BACK_MS; u -= MINUTE) {
    const ended = endingAt(shifts, u);
    if (ended.length > 0) [outgoing, endedAt] = [ended, u];
  }
  const from = Math.min(t, ...outgoing.map((s) => endedAt - lengthMs(s)));
  const until = Math.max(...incoming.map((s) => t + lengthMs(s)));
  return { at, outgoing, incoming, outgoingEndedAt: new Date(endedAt).toISOString(), outgoingFrom: new Date(from).toISOString(), incomingUntil: new Date(until).toISOString() };
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
