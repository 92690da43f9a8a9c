/**
 * The shift handover (schedule `shift-handover`, 08:00 and 22:00 Lima): at a shift change the incoming people
 * receive what is open, what falls due during their shift and what the outgoing people did; sent once per
 * scheduled time (Message-ID from the schedule id and time). The API reads the same handover for any instant.
 */
import type { Contact } from '../../domain/dispatch';
import { handoverText, peopleOfShifts, shiftChangeAt, type Handover } from '../../domain/people';
import { messageIdFor } from '../email/email.activities';
import type { Mailer } from '../email/mailer';
import type { SentMailLog } from '../records/record-store';
import type { PeopleRecords } from './people-records';
import type { PeopleStore } from './people-store';

export interface HandoverDeps {
  records: PeopleRecords;
  people: Pick<PeopleStore, 'directory'>;
  mailer: Mailer;
  sentLog: SentMailLog;
  /** Receives the handover when the incoming shift has nobody in the directory. */
  fallbackSupervisor: Contact;
}

/** The handover at `at`, or null when no shift starts then. */
export async function loadHandover(deps: Pick<HandoverDeps, 'records' | 'people'>, at: string): Promise<Handover | null> {
  // Absences that ended since the outgoing shift began (up to 3 days back, over a weekend) still count.
  const dir = await deps.people.directory(new Date(Date.parse(at) - 4 * 24 * 3_600_000).toISOString());
  const change = shiftChangeAt(dir.shifts, at);
  if (!change) return null;
  const before = new Date(Date.parse(change.outgoingEndedAt) - 60_000).toISOString();
  const outgoingPeople = peopleOfShifts(dir.staff, dir.shifts, dir.absences, before, change.outgoing);
  const incomingPeople = peopleOfShifts(dir.staff, dir.shifts, dir.absences, at, change.incoming);
  // Actions are recorded under the person's username (API keys, scripts) or name (the board).
  const actors = outgoingPeople.flatMap((p) => [p.username, p.name]);
  const facts = await deps.records.handoverFacts({ from: change.outgoingFrom, at, until: change.incomingUntil, actors });
  return { change, outgoingPeople, incomingPeople, ...facts };
}

export function createHandoverActivities(deps: HandoverDeps) {
  return {
    /** Sends the handover of the scheduled shift change to the incoming shift, once. */
    async sendShiftHandover(run: { scheduleId: string; scheduledAt: string }): Promise<{ outcome: 'sent' | 'already_sent' | 'no_shift_change'; detail: string }> {
      const handover = await loadHandover(deps, run.scheduledAt);
      if (!handover) return { outcome: 'no_shift_change', detail: 'no shift starts at this time' };
      const messageId = messageIdFor(`${run.scheduleId}/${run.scheduledAt}`);
      if (await deps.sentLog.wasSent(messageId)) return { outcome: 'already_sent', detail: messageId };
      const recipients = handover.incomingPeople.length ? handover.incomingPeople : [deps.fallbackSupervisor];
      const to = [...new Set(recipients.map((p) => p.email.toLowerCase()))];
      const { subject, text } = handoverText(handover);
      await deps.mailer.send({ messageId, to, subject, text });
      await deps.sentLog.markSent({ messageId, dispatchId: null, kind: 'shift_handover', recipients: to, subject, sentAt: new Date().toISOString() });
      return { outcome: 'sent', detail: `${handover.dueNext.length} due, ${handover.open.length} open, ${handover.actions.length} actions, to ${to.join(', ')}` };
    },
  };
}
