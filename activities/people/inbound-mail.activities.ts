/**
 * Inbound mail (seed 2.1.3, 2.1.19): every minute the mailbox is read; each message is filed on its dispatch (or
 * the triage list) in the communication log; a client's email starts its response clock, a staff member's reply
 * stops it. The clock's alerts go to the executive on duty, then to their functional boss.
 */
import { createHash } from 'node:crypto';
import { Context } from '@temporalio/activity';
import type { Contact } from '../../domain/dispatch';
import { MINUTE } from '../../domain/durations';
import {
  DEFAULT_MAIL_RESPONSE_BUSINESS_MS,
  executiveOnDuty,
  fileMail,
  functionalBosses,
  mailReferences,
  mailResponseWorkflowId,
  normalizeMessageId,
  type MailResponseInput,
  type StaffMember,
} from '../../domain/people';
import { messageIdFor } from '../email/email.activities';
import type { Mailer } from '../email/mailer';
import type { SentMailLog } from '../records/record-store';
import type { FetchedMail, MailboxReader } from './imap-mailbox';
import type { MailClocks } from './mail-clocks';
import type { Directory, PeopleStore } from './people-store';
import { unansweredMailText } from './people-mail';

export interface InboundMailDeps {
  store: PeopleStore;
  /** Null when no mailbox is configured (IMAP_HOST unset): the fetch then does nothing. */
  mailbox: MailboxReader | null;
  clocks: MailClocks;
  mailer: Mailer;
  sentLog: SentMailLog;
  /** Receives an alert when the directory names nobody, so it is never dropped. */
  fallbackSupervisor: Contact;
}

/** Hash of a Message-ID: the response clock's workflow id stays short and free of header characters. */
export function messageIdHash(messageId: string): string {
  return createHash('sha256').update(normalizeMessageId(messageId)).digest('hex').slice(0, 32);
}

export interface FetchResult {
  configured: boolean;
  fetched: number;
  filed: number;
  triaged: number;
  replies: number;
  clocksStarted: number;
}

function beat(detail: unknown): void {
  // Outside an activity (a direct call in a script) there is no context to heartbeat to.
  try {
    Context.current().heartbeat(detail);
  } catch {
    /* not in an activity */
  }
}

export function createInboundMailActivities(deps: InboundMailDeps) {
  const { store } = deps;

  async function handle(mail: FetchedMail, folder: string, uidValidity: string, dir: Directory, result: FetchResult): Promise<void> {
    const reader = deps.mailbox!;
    const messageId = normalizeMessageId(mail.messageId ?? `uid-${uidValidity}-${mail.uid}.${folder}.${reader.user}`);
    const inReplyTo = mail.inReplyTo ? normalizeMessageId(mail.inReplyTo) : null;
    const fromStaff = dir.staff.some((s) => s.email.toLowerCase() === mail.from);
    const filing = fileMail(await store.matchDispatches(mailReferences(mail.subject, mail.text)));
    const parent = inReplyTo ? await store.communicationByMessageId(inReplyTo) : null;
    // A reply that quotes no reference stays on its thread's dispatch.
    const dispatchId = filing.filed ? filing.match.dispatchId : (parent?.dispatchId ?? null);
    const matchedBy = filing.filed ? filing.match.by : dispatchId ? 'thread' : null;
    await store.recordCommunication({
      dispatchId,
      channel: 'mail',
      direction: fromStaff ? 'outbound' : 'inbound',
      messageId,
      inReplyTo,
      fromAddress: mail.from,
      toAddresses: mail.to,
      subject: mail.subject.slice(0, 500),
      summary: mail.text.slice(0, 4000),
      matchedBy,
      triageReason: dispatchId ? null : filing.filed ? null : filing.reason,
      mailbox: `${reader.user}/${folder}`,
      occurredAt: mail.date,
      recordedBy: 'levante-mail',
    });
    result.fetched++;
    if (dispatchId) result.filed++;
    else result.triaged++;
    if (fromStaff) {
      if (parent && parent.direction === 'inbound') {
        result.replies++;
        await store.setResponseStatus(parent.messageId!, parent.responseStatus === 'escalated' || parent.responseStatus === 'alerted_executive' ? parent.responseStatus : 'answered', mail.date);
        await deps.clocks.answered(mailResponseWorkflowId(messageIdHash(parent.messageId!)), { at: mail.date, by: mail.from ?? 'staff', replyMessageId: messageId });
      }
      return;
    }
    const clientRuc = filing.filed ? filing.match.clientRuc : null;
    const agreedMinutes = clientRuc ? (await store.assignment(clientRuc))?.mailResponseMinutes : null;
    const agreedBusinessMs = agreedMinutes != null ? agreedMinutes * MINUTE : DEFAULT_MAIL_RESPONSE_BUSINESS_MS;
    const input: MailResponseInput = {
      messageId,
      receivedAt: mail.date,
      subject: mail.subject.slice(0, 200),
      from: mail.from ?? '',
      dispatchId,
      clientRuc,
      executiveId: filing.filed ? filing.match.executiveId : null,
      mailboxUser: reader.user,
      agreedBusinessMs,
      // The boss hears of it after as long again as the executive had.
      bossAfterBusinessMs: agreedBusinessMs,
    };
    if (await deps.clocks.start(mailResponseWorkflowId(messageIdHash(messageId)), input)) result.clocksStarted++;
  }

  /** Who must answer the client's email now: the titular ESC (client assignment, else the dispatch's executive, else the mailbox owner), on duty or covered. */
  async function executiveFor(input: MailResponseInput, dir: Directory, now: string): Promise<StaffMember | undefined> {
    const assignment = input.clientRuc ? await store.assignment(input.clientRuc) : null;
    const titular =
      assignment?.executiveUsername ??
      dir.staff.find((s) => input.executiveId && s.executiveId === input.executiveId)?.username ??
      dir.staff.find((s) => s.email.toLowerCase() === input.mailboxUser.toLowerCase())?.username;
    return executiveOnDuty(dir.staff, dir.shifts, dir.absences, now, titular);
  }

  return {
    /** Reads every configured folder of the inbound mailbox since the last message seen, files and logs each message. */
    async fetchInboundMail(): Promise<FetchResult> {
      const result: FetchResult = { configured: deps.mailbox !== null, fetched: 0, filed: 0, triaged: 0, replies: 0, clocksStarted: 0 };
      const reader = deps.mailbox;
      if (!reader) return result;
      const dir = await store.directory(new Date().toISOString());
      for (const folder of reader.folders) {
        const key = `${reader.user}/${folder}`;
        const { uidValidity, messages } = await reader.fetchNew(folder, await store.cursor(key));
        for (const mail of messages) {
          // Levante's own alerts (Message-ID <…@levante>) land in the executives' mailboxes too: not client mail.
          if (!/@levante>?$/.test(mail.messageId ?? '')) await handle(mail, folder, uidValidity, dir, result);
          // The cursor moves after each message: a crash re-reads at most one, which the Message-ID log absorbs.
          await store.saveCursor(key, { uidValidity, lastUid: mail.uid });
          beat({ folder, uid: mail.uid });
        }
      }
      return result;
    },

    /**
     * Tells whoever must act that a client's email is unanswered: `executive` = the executive on duty for the
     * client; `boss` = the functional bosses of the client relationship (Servicio al Cliente), the executive in
     * copy. Idempotent by the clock's workflow id and stage (Message-ID).
     */
    async alertUnansweredMail(req: { workflowId: string; stage: 'executive' | 'boss'; input: MailResponseInput; dueAt: string; at: string }): Promise<{ sent: boolean; to: string[] }> {
      const emailId = messageIdFor(`${req.workflowId}/${req.stage}`);
      // Who is on duty when the clock fired (workflow time), not when a retry happens to run.
      const now = req.at;
      const dir = await store.directory(now);
      const executive = await executiveFor(req.input, dir, now);
      const bosses = req.stage === 'boss' ? functionalBosses('client_service', dir.staff, dir.absences, now) : [];
      const main = req.stage === 'boss' ? bosses : executive ? [executive] : [];
      const to = main.length ? main.map((p) => p.email.toLowerCase()) : [deps.fallbackSupervisor.email];
      const cc = req.stage === 'boss' && executive ? [executive.email.toLowerCase()] : [];
      if (!(await deps.sentLog.wasSent(emailId))) {
        const { subject, text } = unansweredMailText(req.stage, req.input, req.dueAt, executive);
        await deps.mailer.send({ messageId: emailId, to, cc, subject, text });
        await deps.sentLog.markSent({ messageId: emailId, dispatchId: req.input.dispatchId, kind: `mail_unanswered_${req.stage}`, recipients: [...to, ...cc], subject, sentAt: new Date().toISOString() });
        await store.setResponseStatus(req.input.messageId, req.stage === 'boss' ? 'escalated' : 'alerted_executive');
        return { sent: true, to };
      }
      return { sent: false, to };
    },

    /** Records how the response clock ended on the message's log entry. */
    async recordMailResponseOutcome(req: { messageId: string; status: 'answered' | 'answered_after_alert' | 'escalated'; answeredAt?: string }): Promise<void> {
      await store.setResponseStatus(req.messageId, req.status, req.answeredAt);
    },
  };
}
