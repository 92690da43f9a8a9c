/** Workflow ids derive from business ids through these helpers only, so starts are idempotent. */

/** Workflow id of a dispatch's workflow. */
export function dispatchWorkflowId(dispatchId: string): string {
  return `dispatch-${dispatchId}`;
}

/** Idempotency key of one side effect of a workflow: the workflow id plus the step that caused it. */
export function sideEffectKey(workflowId: string, step: string): string {
  return `${workflowId}/${step}`;
}

/** Workflow id of a client's mandate expiry reminders (one per client; a renewal signals it). */
export function mandateExpiryWorkflowId(clientRuc: string): string {
  return `mandate-expiry-${clientRuc}`;
}
