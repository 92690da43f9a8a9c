/**
 * Who receives a dispatch notice (issue 15): reminders, alerts and escalations go to the executive on duty when
 * the notice fires (the night executive at 03:00, the substitute during an absence), and escalations to the
 * functional bosses of the clock's matter (seed 3.1) instead of one supervisor roster. Pure: the email activity
 * loads the directory and falls back to the dispatch's executive and the roster when it names nobody.
 */
import type { Notification } from '../notifications';
import { executiveOnDuty } from './on-duty';
import { CLOCK_MATTER, matterOf, type Matter } from './matters';
import type { Shift } from './shifts';
import type { Absence, StaffMember } from './staff';

/** Notices about the work (routed to whoever is on duty); client-facing ones keep the dispatch's titular executive. */
const ROUTED_KINDS: ReadonlySet<Notification['kind']> = new Set([
  'deadline_reminder',
  'deadline_missed',
  'legal_deadline_at_risk',
  'regime_expiry_reminder',
  'complaint_escalation',
  'terminal_rejected',
]);

export function isRoutedNotice(n: Notification): boolean {
  return ROUTED_KINDS.has(n.kind);
}

/** The matter of a notice: its clock's, its complaint category's, tracking for a terminal, else Servicio al Cliente. */
export function noticeMatter(n: Notification): Matter {
  switch (n.kind) {
    case 'deadline_reminder':
    case 'deadline_missed':
    case 'legal_deadline_at_risk':
      return CLOCK_MATTER[n.clock];
    case 'regime_expiry_reminder':
      return CLOCK_MATTER.regime_expiry;
    case 'complaint_escalation':
      return matterOf(n.category);
    case 'terminal_rejected':
      return 'tracking';
    default:
      return 'client_service';
  }
}

export interface NoticeDirectory {
  staff: readonly StaffMember[];
  shifts: readonly Shift[];
  absences: readonly Absence[];
}

/**
 * The executive who must act at `instant` for the titular (username, when the directory knows them): the
 * titular when on duty or covered, else the executive on duty. Undefined when the directory has no executive.
 */
export function noticeExecutive(dir: NoticeDirectory, instant: string, titular?: string | null): StaffMember | undefined {
  return executiveOnDuty(dir.staff, dir.shifts, dir.absences, instant, titular);
}
