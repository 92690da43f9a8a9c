/** Messages of the people workflows (the API and the mail fetch use these). */
import { defineQuery, defineSignal } from '@temporalio/workflow';
import { AGREEMENT_FULFILLED_SIGNAL, MAIL_ANSWERED_SIGNAL, type AgreementFulfilled, type AgreementOutcome, type MailAnswered, type MailResponseOutcome } from '../../domain/people';

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

/** The agreement was fulfilled (recorded through the API): its clock stops. */
export const agreementFulfilled = defineSignal<[AgreementFulfilled]>(AGREEMENT_FULFILLED_SIGNAL);

export interface AgreementClockState {
  dueAt: string;
  fulfilled?: AgreementFulfilled;
  alerted: ('reminder' | 'missed')[];
  outcome?: AgreementOutcome;
}

/** Where an agreement's clock stands: due time, reminders and alerts sent, fulfilment. */
export const getAgreementClock = defineQuery<AgreementClockState>('getAgreementClock');
