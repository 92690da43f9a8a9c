/** Scheduled reports and safety nets: queries over the read model, live dispatch views, emails sent once per run. */
import { createReportActivities, type ReportDeps } from './reports.activities';
import { createSafetyNetActivities } from './safety-net.activities';

export * from './report-queries';
export { createPrismaReportQueries } from './prisma-report-queries';
export { activityContextViews } from './dispatch-views';
export { reportKey } from './report-mail';
export { DEFAULT_PAGE_SIZE, type Page, type Paged } from './scan';
export type { DigestProgress, ReportDeps, ReportResult, ScheduledRun } from './reports.activities';
export type { EscalationRecheckProgress, ExpirySweepInput, ExpirySweepProgress } from './safety-net.activities';

/** Every activity of the scheduled supervision workflows. */
export function createSupervisionActivities(deps: ReportDeps) {
  return { ...createReportActivities(deps), ...createSafetyNetActivities(deps) };
}
