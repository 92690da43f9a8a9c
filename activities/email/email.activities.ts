import { ApplicationFailure } from '@temporalio/common';
import type { Contact } from '../../domain/dispatch';
import type { Audience, NotificationRequest } from '../../domain/notifications';
import { ErrorType } from '../../domain/errors';
import type { Mailer } from './mailer';
import type { SentMailLog } from '../records/record-store';

export type { SentMailLog };

/** The supervisors who receive escalations (the only part of the roster email needs). */
export interface SupervisorRoster {
  activeSupervisors(): Promise<Contact[]>;
}
import { renderEmailText } from './templates';

/** The staff directory, to find the executive who numbered a DAM (an actor: a username or a display name). */
export interface StaffLookup {
  directory(since: string): Promise<{ staff: readonly { username: string; name: string; email: string; active: boolean }[] }>;
}

export interface EmailDeps {
  /** Resolves the `numbering_executive` audience; without it only the dispatch's executive is addressed. */
  staff?: StaffLookup;
  mailer: Mailer;
  sentLog: SentMailLog;
  roster: SupervisorRoster;
  /** Used when the roster is empty, so an escalation is never silently dropped. */
  fallbackSupervisor: Contact;
}

/** Message-ID from the workflow step's idempotency key (RFC 5322 needs the angle brackets and an @). */
export function messageIdFor(idempotencyKey: string): string {
  return `<${idempotencyKey.replace(/[^A-Za-z0-9._/-]/g, '_')}@levante>`;
}

/** Email activities: one per notification request, idempotent by its key. */
export function createEmailActivities(deps: EmailDeps) {
  async function recipientsFor(req: NotificationRequest): Promise<string[]> {
    const emails = new Set<string>();
    const add = (contacts: Contact[]) => contacts.forEach((c) => emails.add(c.email.toLowerCase()));
    const byAudience: Record<Audience, () => Promise<void>> = {
      client: async () => add(req.dispatch.client.contacts),
      executive: async () => add([req.dispatch.executive]),
      // Seed 2.1.13: the client's assigned executive is whoever numbered the DAM; unknown to the directory → nobody extra.
      numbering_executive: async () => {
        const who = req.dispatch.damNumberedBy?.trim().toLowerCase();
        if (!who || !deps.staff) return;
        const { staff } = await deps.staff.directory(new Date().toISOString());
        const found = staff.find((m) => m.active && (m.username.toLowerCase() === who || m.name.toLowerCase() === who));
        if (found) add([{ name: found.name, email: found.email }]);
      },
      supervisors: async () => {
        const roster = await deps.roster.activeSupervisors();
        add(roster.length > 0 ? roster : [deps.fallbackSupervisor]);
      },
    };
    for (const audience of req.audience) await byAudience[audience]();
    return [...emails];
  }

  return {
    /** Sends one dispatch notification (acknowledgement, missing documents, reminder, alert, escalation) in Spanish. */
    async sendDispatchEmail(req: NotificationRequest): Promise<{ messageId: string; sent: boolean }> {
      const messageId = messageIdFor(req.idempotencyKey);
      if (await deps.sentLog.wasSent(messageId)) return { messageId, sent: false };
      const to = await recipientsFor(req);
      if (to.length === 0) {
        throw ApplicationFailure.nonRetryable(`No recipients for ${req.notification.kind}`, ErrorType.InvalidInput);
      }
      const { subject, text } = renderEmailText(req.dispatch, req.notification);
      // Send first, then record: a crash in between re-sends with the same Message-ID (recognisable by clients),
      // which is better than recording first and never sending an alert.
      await deps.mailer.send({ messageId, to, subject, text });
      await deps.sentLog.markSent({
        messageId,
        dispatchId: req.dispatch.dispatchId,
        kind: req.notification.kind,
        recipients: to,
        subject,
        sentAt: new Date().toISOString(),
      });
      return { messageId, sent: true };
    },
  };
}
