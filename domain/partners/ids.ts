/** Workflow ids of the partner subsystem derive from business ids through these helpers only (idempotent starts). */

/** Workflow id of a partner's operation, from its DO number. */
export function externalOperationWorkflowId(doNumber: string): string {
  return `partner-operation-${doNumber}`;
}

/** Workflow id of the corrective action that follows a non-conformity. */
export function correctiveActionWorkflowId(ncId: string): string {
  return `corrective-action-${ncId}`;
}

/** Workflow id of one evaluation of a partner; `evaluationId` already names partner and year. */
export function partnerEvaluationWorkflowId(evaluationId: string): string {
  return `partner-evaluation-${evaluationId}`;
}

/** Id of a partner's evaluation for a year; `runTag` distinguishes an on-demand re-evaluation (e.g. its date). */
export function partnerEvaluationId(partnerId: string, year: number, runTag?: string): string {
  return runTag ? `${partnerId}-${year}-${runTag}` : `${partnerId}-${year}`;
}

/** Id of the n-th non-conformity opened on an operation (deterministic, so a retried step opens it once). */
export function operationNonConformityId(doNumber: string, seq: number): string {
  return `NC-${doNumber}-${seq}`;
}

/** Schedule id of the yearly evaluation of every active partner. */
export const PARTNER_EVALUATION_SCHEDULE_ID = 'annual-partner-evaluation';
