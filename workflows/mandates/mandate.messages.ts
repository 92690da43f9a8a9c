/** Messages of the mandate expiry workflow (the API imports only this file from here). */
import { defineQuery, defineSignal } from '@temporalio/workflow';

export interface MandateExpiryInput {
  clientRuc: string;
  /** When the mandate in force expires (ISO; the start of its Lima day). */
  expiresAt: string;
  /** Days before the expiry with a reminder to the executive (default 30 and 7). */
  reminderDays: number[];
}

export interface MandateExpiryState {
  expiresAt: string;
  /** Reminder keys (`<expiresAt>/<days>d`) sent, or skipped because a later one was already due. */
  done: string[];
  sent: { key: string; to: string[] }[];
}

/** A renewed mandate was recorded: re-plan the reminders for its expiry (an earlier expiry is ignored). */
export const mandateRenewed = defineSignal<[{ expiresAt: string }]>('mandateRenewed');
/** Reminders planned and sent. */
export const getMandateReminders = defineQuery<MandateExpiryState>('getMandateReminders');
