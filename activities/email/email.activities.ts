import { ApplicationFailure } from '@temporalio/common';
import type { Contact } from '../../domain/dispatch';
import type { Audience, NotificationRequest } from '../../domain/notifications';
import { ErrorType } from '../../domain/errors';
import { functionalBosses, isRoutedNotice, noticeExecutive, noticeMatter } from '../../domain/people';
import type { Mailer } from './mailer';
import type { PeopleStore } from '../people/people-store';
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
  /** The staff directory: routes reminders, alerts and escalations to who is on duty (absent: the old recipients). */
  people?: Pick<PeopleStore, 'directory' | 'assignment'>;
}

/** Message-ID from the workflow step's idempotency key (RFC 5322 needs the angle brackets and an @). */
export function messageIdFor(idempotencyKey: string): string {
  return `<${idempotencyKey.replace(/[^A-Za-z0-9._/-]/g, '_')}@levante>`;
}

/** Email activities: one per notification request, idempotent by its key. */
export function createEmailActivities(deps: EmailDeps) {
  /**
   * The people the directory names for a routed notice at the instant it fired: the executive on duty for the
   * dispatch's titular, and the functional bosses of the notice's matter. Empty lists when it names nobody.
   */
  async function routedPeople(req: NotificationRequest): Promise<{ executive: Contact[]; bosses: Contact[] }> {
    if (!deps.people || !req.firedAt || !isRoutedNotice(req.notification)) return { executive: [], bosses: [] };
    const instant = req.firedAt;
    const dir = await deps.people.directory(instant);
    if (dir.staff.length === 0) return { executive: [], bosses: [] };
    const titular =
      (await deps.people.assignment(req.dispatch.client.ruc))?.executiveUsername ??
      dir.staff.find((s) => s.executiveId && s.executiveId === req.dispatch.executive.id)?.username ??
      dir.staff.find((s) => s.email.toLowerCase() === req.dispatch.executive.email.toLowerCase())?.username;
    const executive = req.audience.includes('executive') ? noticeExecutive(dir, instant, titular) : undefined;
    const bosses = req.audience.includes('supervisors') ? functionalBosses(noticeMatter(req.notification), dir.staff, dir.absences, instant) : [];
    return { executive: executive ? [executive] : [], bosses };
  }

  async function recipientsFor(req: NotificationRequest): Promise<string[]> {
    const emails = new Set<string>();
    const add = (contacts: Contact[]) => contacts.forEach((c) => emails.add(c.email.toLowerCase()));
    const routed = await routedPeople(req);
    const byAudience: Record<Audience, () => Promise<void>> = {
      client: async () => add(req.dispatch.client.contacts),
      executive: async () => add(routed.executive.length > 0 ? routed.executive : [req.dispatch.executive]),
      // Seed 2.1.13: the client's assigned executive is whoever numbered the DAM; unknown to the directory → nobody extra.
      numbering_executive: async () => {
        const who = req.dispatch.damNumberedBy?.trim().toLowerCase();
        if (!who || !deps.staff) return;
        const { staff } = await deps.staff.directory(new Date().toISOString());
        const found = staff.find((m) => m.active && (m.username.toLowerCase() === who || m.name.toLowerCase() === who));
        if (found) add([{ name: found.name, email: found.email }]);
      },
      supervisors: async () => {
        if (routed.bosses.length > 0) return add(routed.bosses);
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
