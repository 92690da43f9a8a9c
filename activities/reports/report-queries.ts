/**
 * Narrow ports the scheduled reports read through: the read model in PostgreSQL (lists and filters) and,
 * where only the workflow knows (complaints reported, open deadlines with their refs), the dispatch's live view.
 * Plain JSON in and out (ISO date strings).
 */
import type { Contact } from '../../domain/dispatch';
import type { DispatchView } from '../../domain/dispatch-view';
import type {
  ClientReportLine,
  DigestDispatch,
  MandateExpiryItem,
  PlannedTerminalItem,
  SupervisorDigestData,
  WeekendProgrammingData,
} from '../../domain/reports';
import type { StatusReportSchedule } from '../records/record-store';

/** What a client agreed about its status report; the schedule sync reads it. */
export interface ClientReportAgreement {
  ruc: string;
  name: string;
  schedule: StatusReportSchedule | null;
  recipients: Contact[];
}

/** A dispatch the workflow may know more about than the read model. */
export interface DispatchRef {
  dispatchId: string;
  workflowId: string;
  clientRuc: string;
  regime: string;
}

export interface ReportQueries {
  /** Every client that agreed a status report (schedule and at least one recipient). */
  clientReportAgreements(): Promise<ClientReportAgreement[]>;
  clientReportAgreement(ruc: string): Promise<ClientReportAgreement | null>;
  /** The client's dispatches not closed or cancelled, each with its latest glosa 40025. */
  openDispatchLines(ruc: string): Promise<ClientReportLine[]>;
  /** Open dispatches flagged overdue or at risk, or whose next deadline passed before `now`. */
  dispatchesAtRisk(now: string): Promise<DigestDispatch[]>;
  /** Open dispatches with a complaint or cost contingency on record (whether reported is the workflow's to say). */
  dispatchesWithComplaints(): Promise<DispatchRef[]>;
  openTerminalIncidents(): Promise<SupervisorDigestData['terminalIncidents']>;
  extraordinaryServices(from: string, to: string): Promise<SupervisorDigestData['extraordinaryServices']>;
  /** Appointments and container returns with a slot in [from, to). */
  plannedTerminalItems(from: string, to: string): Promise<PlannedTerminalItem[]>;
  pendingWithdrawals(): Promise<WeekendProgrammingData['pendingWithdrawals']>;
  /** Regime 20/70 dispatches that got their levante and are not cancelled. */
  temporaryRegimeDispatches(): Promise<DispatchRef[]>;
  /** Mandates expiring before `before`. */
  mandatesExpiringBefore(before: string): Promise<MandateExpiryItem[]>;
  /** Open dispatches whose read model says overdue, or whose next deadline passed before `cutoff`. */
  escalationCandidates(cutoff: string): Promise<DispatchRef[]>;
}

/** The live view of a dispatch (its workflow's query); null when the workflow does not exist. */
export interface DispatchViews {
  view(workflowId: string): Promise<DispatchView | null>;
}
