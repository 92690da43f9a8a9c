/**
 * Safety-net activities behind the dispatch workflows' own notices: the expiry sweep (temporary regimes and
 * client mandates) and the escalation re-check. Both read the live deadlines from the dispatch workflows and
 * the sent-mail log; the re-check sends with the workflow's own idempotency key, so never twice.
 */
import { DAY } from '../../domain/durations';
import { sideEffectKey } from '../../domain/ids';
import type { DispatchSnapshot } from '../../domain/notifications';
import type { DispatchView } from '../../domain/dispatch-view';
import { dueEscalations, remindersDue, renderExpirySweep, type RegimeExpiryItem } from '../../domain/reports';
import { createEmailActivities, messageIdFor } from '../email/email.activities';
import { reportKey, sendReportOnce } from './report-mail';
import type { ReportDeps, ReportResult, ScheduledRun } from './reports.activities';

export interface ExpirySweepInput extends ScheduledRun {
  /** List regimes expiring within this many days (the earliest client reminder is 90 days before). */
  regimeHorizonDays: number;
  /** List mandates expiring within this many days (renewal starts 30 days before). */
  mandateHorizonDays: number;
  /** The dispatch workflow's reminder thresholds (domain/clocks DEFAULT_POLICY.regimeExpiryRemindersDays). */
  reminderDays: number[];
}

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
  const { sendDispatchEmail } = createEmailActivities({ mailer: deps.mailer, sentLog: deps.sentLog, roster: deps.roster, fallbackSupervisor: deps.fallbackSupervisor });
  const sent = (key: string) => deps.sentLog.wasSent(messageIdFor(key));

  return {
    /** Expiry sweep: regimes 20/70 and mandates expiring within the horizon, with reminders missing from the log. */
    async sendExpirySweep(run: ExpirySweepInput): Promise<ReportResult> {
      const now = run.asOf ?? run.scheduledAt;
      const horizon = Date.parse(now) + run.regimeHorizonDays * DAY;
      const regimes: RegimeExpiryItem[] = [];
      for (const ref of await deps.queries.temporaryRegimeDispatches()) {
        const view = await deps.views.view(ref.workflowId);
        const expiry = view?.deadlines.find((d) => d.clock === 'regime_expiry');
        if (!expiry || Date.parse(expiry.dueAt) > horizon) continue;
        const due = remindersDue(expiry.dueAt, run.reminderDays, now);
        const remindersSent = [];
        for (const days of due) {
          if (await sent(sideEffectKey(ref.workflowId, `notice/regime_expiry/${expiry.ref ?? 'main'}/${days}d`))) remindersSent.push(days);
        }
        regimes.push({ dispatchId: ref.dispatchId, clientRuc: ref.clientRuc, regime: ref.regime, expiresAt: expiry.dueAt, remindersDue: due, remindersSent });
      }
      const mandates = await deps.queries.mandatesExpiringBefore(new Date(Date.parse(now) + run.mandateHorizonDays * DAY).toISOString());
      const rendered = renderExpirySweep({ regimes, mandates }, now);
      if (!rendered) return { outcome: 'nothing_to_report', detail: 'nothing expires within the horizon' };
      const roster = await deps.roster.activeSupervisors();
      const to = [...new Set((roster.length ? roster : [deps.fallbackSupervisor]).map((c) => c.email.toLowerCase()))];
      return sendReportOnce(deps, { idempotencyKey: reportKey(run.scheduleId, run.scheduledAt), kind: 'expiry_sweep', to, ...rendered });
    },

    /**
     * Escalation re-check: escalations of deadlines passed more than `graceMs` ago that are not in the sent-mail
     * log are sent now, with the dispatch workflow's own key (its Message-ID), so neither sends it twice.
     */
    async recheckEscalations(input: { graceMs: number }): Promise<{ checked: number; sent: string[] }> {
      const now = new Date().toISOString();
      const candidates = await deps.queries.escalationCandidates(new Date(Date.parse(now) - input.graceMs).toISOString());
      const sentKeys: string[] = [];
      for (const ref of candidates) {
        const view = await deps.views.view(ref.workflowId);
        if (!view) continue;
        for (const e of dueEscalations({ workflowId: ref.workflowId, deadlines: view.deadlines, complaints: view.complaints }, now, input.graceMs)) {
          if (await sent(e.idempotencyKey)) continue;
          const result = await sendDispatchEmail({ idempotencyKey: e.idempotencyKey, audience: e.audience, dispatch: snapshotOf(view), notification: e.notification });
          if (result.sent) sentKeys.push(e.idempotencyKey);
        }
      }
      return { checked: candidates.length, sent: sentKeys };
    },
  };
}

export type SafetyNetActivities = ReturnType<typeof createSafetyNetActivities>;
