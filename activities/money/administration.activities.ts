/** Administración's daily report (a Temporal Schedule, each business day): sent once per scheduled time. */
import { renderAdministrationReport } from '../../domain/reports/administration-report';
import type { SentMailLog } from '../email/email.activities';
import type { Mailer } from '../email/mailer';
import { reportKey, sendReportOnce, type SendOutcome } from '../reports/report-mail';
import type { MoneyStore } from './money-store';

export interface AdministrationActivityDeps {
  money: Pick<MoneyStore, 'administrationLines'>;
  mailer: Mailer;
  sentLog: SentMailLog;
  /** Administración's address (ADMINISTRATION_EMAIL). */
  administrationEmail: string;
}

export function createAdministrationActivities(deps: AdministrationActivityDeps) {
  return {
    /** Advances, deposits and third-party payments per dispatch in progress, and what is pending to invoice. */
    async sendAdministrationReport(run: { scheduleId: string; scheduledAt: string }): Promise<SendOutcome> {
      const { subject, text } = renderAdministrationReport(await deps.money.administrationLines(), run.scheduledAt);
      return sendReportOnce(deps, { idempotencyKey: reportKey(run.scheduleId, run.scheduledAt), kind: 'administration_report', to: [deps.administrationEmail], subject, text });
    },
  };
}
