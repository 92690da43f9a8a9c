/** Workflows of the alliance-partner subsystem (Colombia). */
export { externalOperationWorkflow } from './external-operation.workflow';
export { correctiveActionWorkflow } from './corrective-action.workflow';
export { annualPartnerEvaluationWorkflow, annualPartnerEvaluationsWorkflow } from './partner-evaluation.workflow';
export { partnerContractExpiryWorkflow } from './contract-expiry.workflow';
