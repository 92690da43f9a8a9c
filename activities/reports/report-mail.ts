/** Sends a scheduled report once: keyed by schedule id + scheduled time, checked against the sent-mail log. */
import { messageIdFor, type SentMailLog } from '../email/email.activities';
import type { Mailer } from '../email/mailer';

export interface ReportEmail {
  /** `report/<scheduleId>/<scheduledAt>`: a retried run or a second trigger for the same time never sends twice. */
  idempotencyKey: string;
  kind: string;
  to: string[];
  subject: string;
  text: string;
}

export type SendOutcome = { outcome: 'sent' | 'already_sent'; messageId: string };

/** The idempotency key of a scheduled run's email. */
export function reportKey(scheduleId: string, scheduledAt: string): string {
  return `report/${scheduleId}/${new Date(scheduledAt).toISOString()}`;
}

export async function sendReportOnce(deps: { mailer: Mailer; sentLog: SentMailLog }, email: ReportEmail): Promise<SendOutcome> {
  const messageId = messageIdFor(email.idempotencyKey);
  if (await deps.sentLog.wasSent(messageId)) return { outcome: 'already_sent', messageId };
  // Send, then record (as the dispatch emails do): a crash in between re-sends with the same Message-ID.
  await deps.mailer.send({ messageId, to: email.to, subject: email.subject, text: email.text });
  await deps.sentLog.markSent({
    messageId,
    dispatchId: null,
    kind: email.kind,
    recipients: email.to,
    subject: email.subject,
    sentAt: new Date().toISOString(),
  });
  return { outcome: 'sent', messageId };
}
