/**
 * Who is on duty at an instant: the people whose shift covers it and who are not absent, plus the substitutes
 * covering the absent ones. Pure: the caller passes the directory, shifts and absences (activities load them).
 */
import { isOnShift, type Shift } from './shifts';
import { absenceAt, responsibleFor, type Absence, type Position, type StaffMember } from './staff';

export interface OnDuty {
  member: StaffMember;
  /** Usernames whose work this person covers now (absent colleagues on shift). */
  coveringFor: string[];
}

function onShift(member: StaffMember, shifts: readonly Shift[], instant: string): boolean {
  const shift = member.shiftId ? shifts.find((s) => s.id === member.shiftId) : undefined;
  return shift !== undefined && isOnShift(shift, instant);
}

/**
 * Everyone on duty at `instant`, by username: on shift and present, or covering an absent colleague on shift
 * (a substitute covers for the absence's whole duration, whatever their own shift).
 */
export function whoIsOnDuty(staff: readonly StaffMember[], shifts: readonly Shift[], absences: readonly Absence[], instant: string): OnDuty[] {
  const byUsername = new Map(staff.filter((m) => m.active).map((m) => [m.username, m]));
  const duty = new Map<string, OnDuty>();
  for (const member of byUsername.values()) {
    if (!onShift(member, shifts, instant)) continue;
    const who = byUsername.get(responsibleFor(absences, member.username, instant));
    if (!who || (who.username !== member.username && absenceAt(absences, who.username, instant))) continue;
    const entry = duty.get(who.username) ?? { member: who, coveringFor: [] };
    if (who.username !== member.username) entry.coveringFor.push(member.username);
    duty.set(who.username, entry);
  }
  return [...duty.values()].sort((a, b) => a.member.username.localeCompare(b.member.username));
}

/** The on-duty people holding one of the positions. */
export function onDutyIn(duty: readonly OnDuty[], positions: readonly Position[]): OnDuty[] {
  return duty.filter((d) => positions.includes(d.member.position));
}

/**
 * The executive who must act on a client's matter now: the client's titular ESC when on duty (or whoever covers
 * their absence), else an executive on duty (the night executive at 03:00), else the titular's stand-in anyway
 * (an alert is never dropped: it waits in their inbox). Undefined only when there is no executive at all.
 */
export function executiveOnDuty(
  staff: readonly StaffMember[],
  shifts: readonly Shift[],
  absences: readonly Absence[],
  instant: string,
  titular?: string | null,
): StaffMember | undefined {
  const duty = whoIsOnDuty(staff, shifts, absences, instant);
  if (titular) {
    const covering = duty.find((d) => d.member.username === titular || d.coveringFor.includes(titular));
    if (covering) return covering.member;
  }
  const escOnDuty = onDutyIn(duty, ['esc'])[0];
  if (escOnDuty) return escOnDuty.member;
  if (titular) {
    const standIn = staff.find((m) => m.active && m.username === responsibleFor(absences, titular, instant));
    if (standIn) return standIn;
  }
  return staff.find((m) => m.active && m.position === 'esc');
}
