/**
 * Report activities of the scheduled workflows: each loads its data, renders the Spanish text (domain/reports)
 * and sends one email keyed by schedule id + scheduled time, so a retried run never sends twice.
 * A run with nothing to say sends nothing and says why in its result. Reads that grow with the open book go
 * page by page with a heartbeat in between (scan.ts); the digest's per-dispatch workflow queries resume after
 * the last dispatch a previous attempt heartbeated.
 */
import type { PeopleStore } from '../people/people-store';
import type { Contact } from '../../domain/dispatch';
import {
  nightShiftWindow,
  renderClientReport,
  renderSupervisorDigest,
  sortCostAlerts,
  renderWeekendProgramming,
  type DigestDispatch,
  type SupervisorDigestData,
  type WeekendPlan,
} from '../../domain/reports';
import type { SentMailLog } from '../email/email.activities';
import type { Mailer } from '../email/mailer';
import { reportKey, sendReportOnce, type SendOutcome } from './report-mail';
import type { DispatchViews, ReportQueries } from './report-queries';
import { checkpoint, DEFAULT_PAGE_SIZE, pages, readAll, resumeFrom } from './scan';

export interface ReportDeps {
  queries: ReportQueries;
  views: DispatchViews;
  mailer: Mailer;
  sentLog: SentMailLog;
  roster: { activeSupervisors(): Promise<Contact[]> };
  /** Used when the roster is empty, so a digest is never silently dropped. */
  fallbackSupervisor: Contact;
  /** Rows per page of every scan (default DEFAULT_PAGE_SIZE); tests use a small one. */
  pageSize?: number;
  /** The staff directory: a re-checked escalation reaches whom the dispatch workflow would have reached. */
  people?: Pick<PeopleStore, 'directory' | 'assignment'>;
}

/** Which schedule run this is: the key of its email. */
export interface ScheduledRun {
  scheduleId: string;
  /** The run's scheduled time (TemporalScheduledStartTime), ISO: the email's key and date. */
  scheduledAt: string;
  /** The instant the data is as of (defaults to scheduledAt): the actual start of a live run. */
  asOf?: string;
}

export type ReportResult = SendOutcome | { outcome: 'nothing_to_report' | 'no_recipients'; detail: string };

const emails = (contacts: Contact[]) => [...new Set(contacts.map((c) => c.email.toLowerCase()))];

/** Heartbeat details of the digest: the last dispatch whose complaints were read, and the unreported ones so far. */
export interface DigestProgress {
  cursor: string | null;
  complaints: SupervisorDigestData['complaints'];
}
const DIGEST_SCAN = 'supervisor-digest';

// The order the digest has always listed them in: next deadline first (none last), then dispatch id.
const byNextDeadline = (a: DigestDispatch, b: DigestDispatch) =>
  (a.nextDeadlineAt ?? '\uffff').localeCompare(b.nextDeadlineAt ?? '\uffff') || a.dispatchId.localeCompare(b.dispatchId);

export function createReportActivities(deps: ReportDeps) {
  const pageSize = deps.pageSize ?? DEFAULT_PAGE_SIZE;
  const supervisors = async () => {
    const roster = await deps.roster.activeSupervisors();
    return emails(roster.length > 0 ? roster : [deps.fallbackSupervisor]);
  };

  return {
    /** Client status report: one email listing every open dispatch with its latest glosa 40025; none if nothing is open. */
    async sendClientStatusReport(run: ScheduledRun & { clientRuc: string }): Promise<ReportResult> {
      const agreement = await deps.queries.clientReportAgreement(run.clientRuc);
      if (!agreement || agreement.recipients.length === 0) {
        return { outcome: 'no_recipients', detail: `client ${run.clientRuc} has no status report recipients` };
      }
      const lines = await readAll((page) => deps.queries.openDispatchLines(run.clientRuc, page), pageSize, (cursor) => checkpoint('client-status-report', { cursor }));
      if (lines.length === 0) return { outcome: 'nothing_to_report', detail: `client ${run.clientRuc} has no open dispatches` };
      const { subject, text } = renderClientReport({ client: { ruc: agreement.ruc, name: agreement.name }, lines }, run.scheduledAt);
      return sendReportOnce(deps, { idempotencyKey: reportKey(run.scheduleId, run.scheduledAt), kind: 'client_status_report', to: emails(agreement.recipients), subject, text });
    },

    /** Supervisor digest at the end of the night shift: risks, unreported complaints, open incidents, extra services. */
    async sendSupervisorDigest(run: ScheduledRun): Promise<ReportResult> {
      const asOf = run.asOf ?? run.scheduledAt;
      const window = nightShiftWindow(asOf);
      // One workflow query per dispatch with a complaint: the costly part, so a retry resumes after the last one.
      let progress = resumeFrom<DigestProgress>(DIGEST_SCAN) ?? { cursor: null, complaints: [] };
      for await (const page of pages((p) => deps.queries.dispatchesWithComplaints(p), progress.cursor, pageSize)) {
        for (const ref of page.items) {
          const view = await deps.views.view(ref.workflowId);
          const unreported = (view?.complaints ?? [])
            .filter((c) => !c.reportedAt)
            .map((c) => ({ dispatchId: ref.dispatchId, complaintId: c.id, category: c.category, description: c.description, at: c.at }));
          progress = { cursor: ref.dispatchId, complaints: unreported.length ? [...progress.complaints, ...unreported] : progress.complaints };
          checkpoint(DIGEST_SCAN, progress);
        }
      }
      const beat = () => checkpoint(DIGEST_SCAN, progress);
      const data: SupervisorDigestData = {
        window,
        dispatches: (await readAll((p) => deps.queries.dispatchesAtRisk(asOf, p), pageSize, beat)).sort(byNextDeadline),
        complaints: progress.complaints,
        terminalIncidents: (await readAll((p) => deps.queries.openTerminalIncidents(p), pageSize, beat)).sort((a, b) => a.at.localeCompare(b.at) || a.dispatchId.localeCompare(b.dispatchId)),
        extraordinaryServices: await deps.queries.extraordinaryServices(window.from, window.to),
        ...(deps.queries.costAlerts ? { costAlerts: sortCostAlerts(await deps.queries.costAlerts(asOf, new Date(Date.parse(asOf) + 24 * 3_600_000).toISOString())) } : {}),
      };
      const { subject, text } = renderSupervisorDigest(data, asOf);
      return sendReportOnce(deps, { idempotencyKey: reportKey(run.scheduleId, run.scheduledAt), kind: 'supervisor_digest', to: await supervisors(), subject, text });
    },

    /** Weekend programming to Operations: appointments, container returns and pending withdrawals of the covered days. */
    async sendWeekendProgramming(run: ScheduledRun & { plan: Extract<WeekendPlan, { run: true }>; recipients: Contact[] }): Promise<ReportResult> {
      if (run.recipients.length === 0) return { outcome: 'no_recipients', detail: 'no Operations recipients configured' };
      const data = {
        planned: await deps.queries.plannedTerminalItems(run.plan.fromIso, run.plan.toIso),
        pendingWithdrawals: await readAll((p) => deps.queries.pendingWithdrawals(p), pageSize, (cursor) => checkpoint('weekend-programming', { cursor })),
      };
      const { subject, text } = renderWeekendProgramming(data, run.plan);
      return sendReportOnce(deps, { idempotencyKey: reportKey(run.scheduleId, run.scheduledAt), kind: 'weekend_programming', to: emails(run.recipients), subject, text });
    },
  };
}

export type ReportActivities = ReturnType<typeof createReportActivities>;
