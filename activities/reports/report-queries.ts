/**
 * Narrow ports the scheduled reports read through: the read model in PostgreSQL (lists and filters) and,
 * where only the workflow knows (complaints reported, open deadlines with their refs), the dispatch's live view.
 * Plain JSON in and out (ISO date strings).
 */
import type { Contact } from '../../domain/dispatch';
import type { DispatchView } from '../../domain/dispatch-view';
import type {
  ClientReportLine,
  CostAlert,
  DigestDispatch,
  MandateExpiryItem,
  PlannedTerminalItem,
  SupervisorDigestData,
  WeekendProgrammingData,
} from '../../domain/reports';
import type { StatusReportSchedule } from '../records/record-store';
import type { Page, Paged } from './scan';

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

/**
 * Reads whose size grows with the open book (dispatches, clients) come in keyset pages (scan.ts): a scan reads
 * one short page at a time and heartbeats in between. Pages of dispatches are keyed by dispatch id, so a
 * dispatch's id is a valid `after` to resume from. Window-bounded reads (one night, one weekend) stay whole.
 */
export interface ReportQueries {
  /** Every client that agreed a status report (schedule and at least one recipient). */
  clientReportAgreements(): Promise<ClientReportAgreement[]>;
  clientReportAgreement(ruc: string): Promise<ClientReportAgreement | null>;
  /** The client's dispatches not closed or cancelled, each with its latest glosa 40025. */
  openDispatchLines(ruc: string, page: Page): Promise<Paged<ClientReportLine>>;
  /** Open dispatches flagged overdue or at risk, or whose next deadline passed before `now` (by dispatch id). */
  dispatchesAtRisk(now: string, page: Page): Promise<Paged<DigestDispatch>>;
  /** Open dispatches with a complaint or cost contingency on record (whether reported is the workflow's to say). */
  dispatchesWithComplaints(page: Page): Promise<Paged<DispatchRef>>;
  /** Unresolved terminal rejections of open dispatches (by row key, not by time). */
  openTerminalIncidents(page: Page): Promise<Paged<SupervisorDigestData['terminalIncidents'][number]>>;
  extraordinaryServices(from: string, to: string): Promise<SupervisorDigestData['extraordinaryServices']>;
  /** Open dispatches whose next cost clock starts charging in [from, to) (read model, money-clocks-2026-12). */
  costAlerts?(from: string, to: string): Promise<CostAlert[]>;
  /** Appointments and container returns with a slot in [from, to). */
  plannedTerminalItems(from: string, to: string): Promise<PlannedTerminalItem[]>;
  pendingWithdrawals(page: Page): Promise<Paged<WeekendProgrammingData['pendingWithdrawals'][number]>>;
  /** Regime 20/70 dispatches that got their levante, and temporary exports (41) shipped; not cancelled. */
  temporaryRegimeDispatches(page: Page): Promise<Paged<DispatchRef>>;
  /** Mandates expiring before `before` (by client RUC, not by date). */
  mandatesExpiringBefore(before: string, page: Page): Promise<Paged<MandateExpiryItem>>;
  /** Open dispatches whose read model says overdue, or whose next deadline passed before `cutoff`. */
  escalationCandidates(cutoff: string, page: Page): Promise<Paged<DispatchRef>>;
}

/** The live view of a dispatch (its workflow's query); null when the workflow does not exist. */
export interface DispatchViews {
  view(workflowId: string): Promise<DispatchView | null>;
}
