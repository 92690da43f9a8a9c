/** Scheduled supervision workflows: client status reports, supervisor digest, weekend programming and safety nets. */
export { clientStatusReportWorkflow, supervisorDigestWorkflow, weekendProgrammingWorkflow } from './reports.workflow';
export { escalationRecheckWorkflow, expirySweepWorkflow } from './safety-nets.workflow';
export type * from './supervision.types';
export { administrationReportWorkflow } from './administration.workflow';
