/**
 * Filing an inbound email on its dispatch: the references a message carries (dispatch id, DAM number, BL) in its
 * subject or body, and the choice once they are matched against the read model. A message that names no known
 * dispatch, or several, goes to the triage list for a person to file (seed 2.1.3, 2.1.10: every communication
 * with the client is kept in writing, on its dispatch).
 */
import { addBusinessTime, type BusinessCalendar } from '../calendar';
import { HOUR } from '../durations';

/** DAM number: customs office, year, regime, serial (118-2026-10-000123). */
export const DAM_NUMBER = /\b\d{3}-\d{4}-\d{2}-\d{6}\b/g;
/** Dispatch id candidates (DSP-2026-000123): upper-case tokens with a dash and a digit. */
const DISPATCH_ID = /\b[A-Z][A-Z0-9]*-[A-Z0-9-]*\d[A-Z0-9-]*\b/g;
/** BL candidates: 8–20 letters and digits with at least four digits (MSCU1234567, HLCUCAL240912345). */
const BL = /\b(?=[A-Z0-9]{8,20}\b)(?=(?:[A-Z]*\d){4})[A-Z]+[A-Z0-9]*\b/g;
const MAX_CANDIDATES = 50;

export interface MailReferences {
  dispatchIds: string[];
  damNumbers: string[];
  bls: string[];
}

const unique = (xs: Iterable<string>) => [...new Set(xs)].slice(0, MAX_CANDIDATES);

/** The references found in the subject and body (candidates: only the read model says which are real). */
export function mailReferences(subject: string, body: string): MailReferences {
  const text = `${subject}\n${body}`;
  const upper = text.toUpperCase();
  const damNumbers = unique(text.match(DAM_NUMBER) ?? []);
  return {
    damNumbers,
    dispatchIds: unique((upper.match(DISPATCH_ID) ?? []).filter((id) => !damNumbers.includes(id) && id.length <= 40)),
    bls: unique(upper.match(BL) ?? []),
  };
}

/** A read-model dispatch a reference matched. */
export interface DispatchMatch {
  dispatchId: string;
  clientRuc: string;
  executiveId: string;
  by: 'dispatch_id' | 'dam_number' | 'bl';
}

export type Filing = { filed: true; match: DispatchMatch } | { filed: false; reason: 'no_reference' | 'ambiguous'; candidates: string[] };

const STRENGTH: Record<DispatchMatch['by'], number> = { dispatch_id: 0, dam_number: 1, bl: 2 };

/**
 * Where the message goes: the one dispatch its strongest kind of reference names (a dispatch id beats a DAM
 * number, which beats a BL, so a reply quoting an older dispatch's BL still lands on the one it names); triage
 * when nothing matched or the strongest kind names several dispatches.
 */
export function fileMail(matches: readonly DispatchMatch[]): Filing {
  if (matches.length === 0) return { filed: false, reason: 'no_reference', candidates: [] };
  const strongest = Math.min(...matches.map((m) => STRENGTH[m.by]));
  const best = matches.filter((m) => STRENGTH[m.by] === strongest);
  const ids = [...new Set(best.map((m) => m.dispatchId))];
  if (ids.length > 1) return { filed: false, reason: 'ambiguous', candidates: ids.sort() };
  return { filed: true, match: best[0]! };
}

/** Default agreed response time to a client's email (seed 2.1.19 "de manera inmediata", read as 2 business hours). */
export const DEFAULT_MAIL_RESPONSE_BUSINESS_MS = 2 * HOUR;

/** When a reply is due: the agreed business time after receipt, in the Peruvian business calendar. */
export function mailResponseDueAt(cal: BusinessCalendar, receivedAt: string, agreedBusinessMs = DEFAULT_MAIL_RESPONSE_BUSINESS_MS): string {
  return addBusinessTime(cal, receivedAt, agreedBusinessMs);
}

/** Workflow id of the response clock of one inbound message, from the hash of its Message-ID (computed by the activity). */
export function mailResponseWorkflowId(messageIdHash: string): string {
  return `mail-response-${messageIdHash}`;
}

/** Normalized Message-ID: without angle brackets and surrounding space, so headers written either way compare equal. */
export function normalizeMessageId(id: string): string {
  return id.trim().replace(/^<|>$/g, '').trim();
}

/** Name of the signal that tells a response clock its email was answered (workflows/people/people.messages.ts). */
export const MAIL_ANSWERED_SIGNAL = 'mailAnswered';

/** What a response clock (mailResponseWorkflow) needs: the message, where it was filed, and the agreed times. */
export interface MailResponseInput {
  /** Normalized Message-ID of the client's email. */
  messageId: string;
  receivedAt: string;
  subject: string;
  from: string;
  /** Dispatch it was filed on; null while on the triage list. */
  dispatchId: string | null;
  clientRuc: string | null;
  /** Staff code of the dispatch's executive (read model), when filed. */
  executiveId: string | null;
  /** The mailbox the email arrived in: its owner answers when no titular executive is known. */
  mailboxUser: string;
  /** Agreed response time, business ms (default 2 business hours). */
  agreedBusinessMs: number;
  /** After the executive's alert, how much more business time before their boss is told. */
  bossAfterBusinessMs: number;
}

/** Who answered, when: the signal's payload and the workflow's record. */
export interface MailAnswered {
  at: string;
  by: string;
  /** The reply's Message-ID, when the answer was an email. */
  replyMessageId?: string | null;
}

export type MailResponseOutcome = 'answered' | 'answered_after_alert' | 'escalated';
