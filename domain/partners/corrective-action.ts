/**
 * Non-conformities (no conformes) and their corrective actions. A non-conformity is opened automatically when a
 * partner breaches a service time, or by hand for a complaint (reclamo). Each has a corrective action with an
 * owner and a due date; its workflow reminds the owner before the due date and escalates to management once it is
 * overdue, until the action is closed with evidence. Pure: notice planning and validation only.
 */
import { DAY, HOUR } from '../durations';
import { addBusinessTime, parseInstant, type BusinessCalendar } from '../calendar';
import type { Contact } from '../dispatch';
import { ErrorType } from '../errors';
import type { Verdict } from './operation';
import type { CustomsOffice, Milestone } from './partner';

export const NC_SOURCES = ['breach', 'complaint'] as const;
export type NonConformitySource = (typeof NC_SOURCES)[number];

export const NC_SOURCE_LABEL_ES: Record<NonConformitySource, string> = {
  breach: 'Incumplimiento de tiempo de servicio',
  complaint: 'Reclamo',
};

/** What is known when a non-conformity is opened. */
export interface NonConformityInput {
  ncId: string;
  partnerId: string;
  partnerName: string;
  source: NonConformitySource;
  description: string;
  doNumber?: string;
  office?: CustomsOffice;
  milestone?: Milestone;
  openedAt: string;
  openedBy: string;
  /** Who must carry out the corrective action (broker staff); partner contacts are copied. */
  owner: Contact;
  partnerContacts: Contact[];
  /** Due date of the corrective action; when absent it is `policy.responseBusinessMs` after opening. */
  dueAt?: string;
}

export interface Evidence {
  description: string;
  /** Link to the document that proves the action (shared drive, DMS). */
  url?: string;
}

export interface CorrectiveActionState {
  nc: NonConformityInput;
  dueAt: string;
  status: 'open' | 'closed';
  actionPlan?: string;
  closedAt?: string;
  closedBy?: string;
  evidence?: Evidence;
  /** Keys of notices already sent (reminders, escalations). */
  sentNotices: string[];
}

/** How a corrective action is followed: all durations are data, overridable per start (tests run them short). */
export interface CorrectiveActionPolicy {
  /** Business time from opening to the due date when none is given (Colombian calendar). */
  responseBusinessMs: number;
  /** Reminders to the owner this long before the due date (calendar time). */
  remindBeforeMs: number[];
  /** Once overdue, escalate to management at the due date and then every this long… */
  escalateEveryMs: number;
  /** …at most this many times (then it stays overdue on the board, without more email). */
  maxEscalations: number;
}

// Five business days to define and carry out the action; reminders 2 days and 4 hours ahead; weekly escalation.
export const DEFAULT_CORRECTIVE_ACTION_POLICY: CorrectiveActionPolicy = {
  responseBusinessMs: 5 * 9 * HOUR,
  remindBeforeMs: [2 * DAY, 4 * HOUR],
  escalateEveryMs: 7 * DAY,
  maxEscalations: 4,
};

export function resolveCorrectiveActionPolicy(overrides?: Partial<CorrectiveActionPolicy>): CorrectiveActionPolicy {
  return { ...DEFAULT_CORRECTIVE_ACTION_POLICY, ...overrides };
}

export function openCorrectiveAction(nc: NonConformityInput, policy: CorrectiveActionPolicy, cal: BusinessCalendar): CorrectiveActionState {
  const dueAt = nc.dueAt ?? addBusinessTime(cal, nc.openedAt, policy.responseBusinessMs);
  return { nc, dueAt, status: 'open', sentNotices: [] };
}

export type CorrectiveNotice =
  | { key: string; kind: 'reminder'; at: string; remainingMs: number }
  | { key: string; kind: 'escalation'; at: string; round: number };

/** Every notice of an open action, in time order, that has not been sent yet. */
export function pendingCorrectiveNotices(s: CorrectiveActionState, policy: CorrectiveActionPolicy): CorrectiveNotice[] {
  if (s.status === 'closed') return [];
  const due = parseInstant(s.dueAt);
  const opened = parseInstant(s.nc.openedAt);
  const notices: CorrectiveNotice[] = [];
  for (const before of policy.remindBeforeMs) {
    const at = due - before;
    if (at > opened) notices.push({ key: `reminder/${before}`, kind: 'reminder', at: new Date(at).toISOString(), remainingMs: before });
  }
  for (let round = 1; round <= policy.maxEscalations; round += 1) {
    const at = due + (round - 1) * policy.escalateEveryMs;
    notices.push({ key: `escalation/${round}`, kind: 'escalation', at: new Date(at).toISOString(), round });
  }
  return notices.filter((n) => !s.sentNotices.includes(n.key)).sort((a, b) => parseInstant(a.at) - parseInstant(b.at));
}

/** Notices due at `nowIso`: of several reminders due at once only the last is worth sending. */
export function dueCorrectiveNotices(s: CorrectiveActionState, policy: CorrectiveActionPolicy, nowIso: string): { send: CorrectiveNotice[]; skip: CorrectiveNotice[] } {
  const now = parseInstant(nowIso);
  const due = pendingCorrectiveNotices(s, policy).filter((n) => parseInstant(n.at) <= now);
  const reminders = due.filter((n) => n.kind === 'reminder');
  const escalations = due.filter((n) => n.kind === 'escalation');
  const overdue = escalations.length > 0;
  const sendReminders = overdue ? [] : reminders.slice(-1);
  const sendEscalations = escalations.slice(-1);
  const send = [...sendReminders, ...sendEscalations];
  return { send, skip: due.filter((n) => !send.includes(n)) };
}

export function isOverdue(s: CorrectiveActionState, nowIso: string): boolean {
  return s.status === 'open' && parseInstant(nowIso) >= parseInstant(s.dueAt);
}

export function canDefinePlan(s: CorrectiveActionState, plan: string): Verdict {
  if (s.status === 'closed') return { ok: false, reason: `La no conformidad ${s.nc.ncId} ya está cerrada`, type: ErrorType.InvalidTransition };
  if (plan.trim().length < 10) return { ok: false, reason: 'Describa la acción correctiva (al menos 10 caracteres)', type: ErrorType.InvalidInput };
  return { ok: true };
}

/** Closing needs evidence: a description of what was done and, ideally, a link to the proof. */
export function canClose(s: CorrectiveActionState, evidence: Evidence): Verdict {
  if (s.status === 'closed') return { ok: false, reason: `La no conformidad ${s.nc.ncId} ya está cerrada`, type: ErrorType.InvalidTransition };
  if (!s.actionPlan) {
    return { ok: false, reason: 'Antes de cerrar, registre la acción correctiva que se tomó', type: ErrorType.InvalidTransition };
  }
  if (evidence.description.trim().length < 10) {
    return { ok: false, reason: 'Para cerrar se requiere evidencia: describa lo realizado (al menos 10 caracteres)', type: ErrorType.InvalidInput };
  }
  return { ok: true };
}

/** Whether the action was closed by its due date (used by the annual evaluation). */
export function closedOnTime(s: { dueAt: string; closedAt?: string | null }): boolean {
  return Boolean(s.closedAt) && parseInstant(s.closedAt!) <= parseInstant(s.dueAt);
}
