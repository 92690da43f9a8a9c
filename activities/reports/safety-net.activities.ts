/**
 * Safety-net activities behind the dispatch workflows' own notices: the expiry sweep (temporary regimes and
 * client mandates) and the escalation re-check. Both read the live deadlines from the dispatch workflows and
 * the sent-mail log; the re-check sends with the workflow's own idempotency key, so never twice. Both scan
 * dispatch by dispatch (a workflow query each), heartbeat after each one with the last dispatch id as cursor,
 * and resume after it on a retry (scan.ts).
 */
import { DAY } from '../../domain/durations';
import { sideEffectKey } from '../../domain/ids';
import type { DispatchSnapshot } from '../../domain/notifications';
import type { DispatchView } from '../../domain/dispatch-view';
import { dueEscalations, remindersDue, renderExpirySweep, type RegimeExpiryItem } from '../../domain/reports';
import { createEmailActivities, messageIdFor } from '../email/email.activities';
import { reportKey, sendReportOnce } from './report-mail';
import type { DispatchRef } from './report-queries';
import type { ReportDeps, ReportResult, ScheduledRun } from './reports.activities';
import { checkpoint, DEFAULT_PAGE_SIZE, pages, readAll, resumeFrom } from './scan';

export interface ExpirySweepInput extends ScheduledRun {
  /** List regimes expiring within this many days (the earliest client reminder is 90 days before). */
  regimeHorizonDays: number;
  /** List mandates expiring within this many days (renewal starts 30 days before). */
  mandateHorizonDays: number;
  /** The dispatch workflow's reminder thresholds (domain/clocks DEFAULT_POLICY.regimeExpiryRemindersDays). */
  reminderDays: number[];
}

/** Heartbeat details of the expiry sweep: the last regime dispatch checked, and the items found so far. */
export interface ExpirySweepProgress {
  cursor: string | null;
  regimes: RegimeExpiryItem[];
}

/** Heartbeat details of the escalation re-check: the last dispatch checked, how many so far, the keys it sent. */
export interface EscalationRecheckProgress {
  cursor: string | null;
  checked: number;
  sent: string[];
}

const EXPIRY_SCAN = 'expiry-sweep';
const RECHECK_SCAN = 'escalation-recheck';

function snapshotOf(view: DispatchView): DispatchSnapshot {
  return {
    dispatchId: view.dispatchId,
    client: { ruc: view.client.ruc, name: view.client.name, contacts: [] },
    executive: view.executive,
    regime: view.regime,
    terminal: view.terminal,
    vessel: view.vessel,
    eta: view.eta,
    bl: view.bl,
    status: view.statusLabel,
    damNumber: view.damNumber,
    channel: view.channel,
  };
}

export function createSafetyNetActivities(deps: ReportDeps) {
  const { sendDispatchEmail } = createEmailActivities({ mailer: deps.mailer, sentLog: deps.sentLog, roster: deps.roster, fallbackSupervisor: deps.fallbackSupervisor, people: deps.people });
  const sent = (key: string) => deps.sentLog.wasSent(messageIdFor(key));
  const pageSize = deps.pageSize ?? DEFAULT_PAGE_SIZE;

  /** The dispatch's regime expiry when it falls within the horizon, with the reminders due and those on record. */
  async function regimeExpiry(ref: DispatchRef, now: string, horizon: number, reminderDays: number[]): Promise<RegimeExpiryItem | null> {
    const view = await deps.views.view(ref.workflowId);
    const expiry = view?.deadlines.find((d) => d.clock === 'regime_expiry');
    if (!expiry || Date.parse(expiry.dueAt) > horizon) return null;
    const due = remindersDue(expiry.dueAt, reminderDays, now);
    const remindersSent = [];
    for (const days of due) {
      if (await sent(sideEffectKey(ref.workflowId, `notice/regime_expiry/${expiry.ref ?? 'main'}/${days}d`))) remindersSent.push(days);
    }
    return { dispatchId: ref.dispatchId, clientRuc: ref.clientRuc, regime: ref.regime, expiresAt: expiry.dueAt, remindersDue: due, remindersSent };
  }

  /** Sends the dispatch's due escalations missing from the sent-mail log; returns the keys it sent. */
  async function sendMissedEscalations(ref: DispatchRef, now: string, graceMs: number): Promise<string[]> {
    const view = await deps.views.view(ref.workflowId);
    if (!view) return [];
    const sentNow: string[] = [];
    for (const e of dueEscalations({ workflowId: ref.workflowId, deadlines: view.deadlines, complaints: view.complaints }, now, graceMs)) {
      if (await sent(e.idempotencyKey)) continue;
      // Routed as of the deadline, the instant the dispatch workflow would have sent it.
      const result = await sendDispatchEmail({ idempotencyKey: e.idempotencyKey, audience: e.audience, dispatch: snapshotOf(view), notification: e.notification, firedAt: 'dueAt' in e.notification ? e.notification.dueAt : now });
      if (result.sent) sentNow.push(e.idempotencyKey);
    }
    return sentNow;
  }

  return {
    /** Expiry sweep: regimes 20/70, temporary exports (41) and mandates expiring within the horizon, with reminders missing from the log. */
    async sendExpirySweep(run: ExpirySweepInput): Promise<ReportResult> {
      const now = run.asOf ?? run.scheduledAt;
      const horizon = Date.parse(now) + run.regimeHorizonDays * DAY;
      let progress = resumeFrom<ExpirySweepProgress>(EXPIRY_SCAN) ?? { cursor: null, regimes: [] };
      for await (const page of pages((p) => deps.queries.temporaryRegimeDispatches(p), progress.cursor, pageSize)) {
        for (const ref of page.items) {
          const item = await regimeExpiry(ref, now, horizon, run.reminderDays);
          progress = { cursor: ref.dispatchId, regimes: item ? [...progress.regimes, item] : progress.regimes };
          checkpoint(EXPIRY_SCAN, progress);
        }
      }
      const before = new Date(Date.parse(now) + run.mandateHorizonDays * DAY).toISOString();
      const mandates = await readAll((p) => deps.queries.mandatesExpiringBefore(before, p), pageSize, () => checkpoint(EXPIRY_SCAN, progress));
      const rendered = renderExpirySweep({ regimes: progress.regimes, mandates }, now);
      if (!rendered) return { outcome: 'nothing_to_report', detail: 'nothing expires within the horizon' };
      const roster = await deps.roster.activeSupervisors();
      const to = [...new Set((roster.length ? roster : [deps.fallbackSupervisor]).map((c) => c.email.toLowerCase()))];
      return sendReportOnce(deps, { idempotencyKey: reportKey(run.scheduleId, run.scheduledAt), kind: 'expiry_sweep', to, ...rendered });
    },

    /**
     * Escalation re-check: escalations of deadlines passed more than `graceMs` ago that are not in the sent-mail
     * log are sent now, with the dispatch workflow's own key (its Message-ID), so neither sends it twice.
     * A retry resumes after the last dispatch heartbeated; one cut short in between is checked again, and its
     * sent-mail log keeps it from sending twice.
     */
    async recheckEscalations(input: { graceMs: number }): Promise<{ checked: number; sent: string[] }> {
      const now = new Date().toISOString();
      const cutoff = new Date(Date.parse(now) - input.graceMs).toISOString();
      let progress = resumeFrom<EscalationRecheckProgress>(RECHECK_SCAN) ?? { cursor: null, checked: 0, sent: [] };
      for await (const page of pages((p) => deps.queries.escalationCandidates(cutoff, p), progress.cursor, pageSize)) {
        for (const ref of page.items) {
          const sentNow = await sendMissedEscalations(ref, now, input.graceMs);
          progress = { cursor: ref.dispatchId, checked: progress.checked + 1, sent: [...progress.sent, ...sentNow] };
          checkpoint(RECHECK_SCAN, progress);
        }
      }
      return { checked: progress.checked, sent: progress.sent };
    },
  };
}

export type SafetyNetActivities = ReturnType<typeof createSafetyNetActivities>;
