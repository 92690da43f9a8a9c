/** Narrow ports of the people activities over PostgreSQL: the staff directory, the communication log, mailbox cursors. */
import type { Absence, DispatchMatch, MailReferences, Shift, StaffMember } from '../../domain/people';

export interface Directory {
  staff: StaffMember[];
  shifts: Shift[];
  absences: Absence[];
}

export interface ClientAssignment {
  clientRuc: string;
  executiveUsername: string;
  mailResponseMinutes: number | null;
}

export interface CommunicationInput {
  dispatchId: string | null;
  channel: 'mail' | 'phone' | 'meeting';
  direction: 'inbound' | 'outbound';
  messageId?: string | null;
  inReplyTo?: string | null;
  fromAddress?: string | null;
  toAddresses: string[];
  subject: string;
  summary: string;
  matchedBy?: string | null;
  triageReason?: string | null;
  mailbox?: string | null;
  occurredAt: string;
  recordedBy: string;
}

export interface CommunicationRecord extends CommunicationInput {
  id: string;
  responseStatus: string | null;
  answeredAt: string | null;
}

export interface PeopleStore {
  /** Active and inactive staff, every shift, and absences that have not ended before `since`. */
  directory(since: string): Promise<Directory>;
  assignment(clientRuc: string): Promise<ClientAssignment | null>;
  /** Read-model dispatches the references name. */
  matchDispatches(refs: MailReferences): Promise<DispatchMatch[]>;
  /** Records the entry unless its Message-ID is already logged; says whether it was new. */
  recordCommunication(entry: CommunicationInput): Promise<{ id: string; created: boolean }>;
  communicationByMessageId(messageId: string): Promise<CommunicationRecord | null>;
  /** Sets the response status; `answeredAt` once (the first answer counts). */
  setResponseStatus(messageId: string, status: string, answeredAt?: string): Promise<void>;
  cursor(mailbox: string): Promise<{ uidValidity: string; lastUid: number } | null>;
  saveCursor(mailbox: string, cursor: { uidValidity: string; lastUid: number }): Promise<void>;
}
