/** Messages of the people workflows (the API and the mail fetch use these). */
import { defineQuery, defineSignal } from '@temporalio/workflow';
import { MAIL_ANSWERED_SIGNAL, type MailAnswered, type MailResponseOutcome } from '../../domain/people';

/** The client's email was answered (a reply seen in the mailbox, or recorded through the API): the clock stops. */
export const mailAnswered = defineSignal<[MailAnswered]>(MAIL_ANSWERED_SIGNAL);

export interface MailResponseState {
  dueAt?: string;
  answered?: MailAnswered;
  alerted: ('executive' | 'boss')[];
  outcome?: MailResponseOutcome;
}

/** Where the response clock stands: due time, alerts sent, the answer. */
export const getMailResponse = defineQuery<MailResponseState>('getMailResponse');
