/** Inputs and results of the scheduled supervision workflows (the schedule definitions in schedules/ build the inputs). */
import type { Contact } from '../../domain/dispatch';

export interface ScheduledRunInput {
  /** The schedule that started the run: with the scheduled time, the key of the run's email. */
  scheduleId: string;
  /** Scheduled time, when started by hand; a schedule's run reads it from TemporalScheduledStartTime. */
  scheduledAt?: string;
}

export type ClientStatusReportInput = ScheduledRunInput & { clientRuc: string };
export type WeekendProgrammingInput = ScheduledRunInput & { recipients: Contact[] };
export type ExpirySweepWorkflowInput = ScheduledRunInput & {
  regimeHorizonDays: number;
  mandateHorizonDays: number;
  reminderDays: number[];
};
export type EscalationRecheckInput = ScheduledRunInput & {
  /** An escalation is re-checked only this long after its deadline passed: the dispatch workflow sends it first. */
  graceMs: number;
};

/** What a scheduled run did, readable in Temporal Web as the workflow result. */
export interface SupervisionRunResult {
  scheduleId: string;
  scheduledAt: string;
  outcome: 'sent' | 'already_sent' | 'nothing_to_report' | 'no_recipients' | 'skipped' | 'checked';
  /** e.g. "skipped: feriado (2026-07-28)". */
  detail?: string;
  messageId?: string;
  /** Escalation re-check: keys of the escalations it had to send. */
  sent?: string[];
}
