/** Workflow functions registered by the worker. */
export { dispatchWorkflow } from './dispatch.workflow';
export {
  administrationReportWorkflow,
  clientStatusReportWorkflow,
  escalationRecheckWorkflow,
  expirySweepWorkflow,
  supervisorDigestWorkflow,
  weekendProgrammingWorkflow,
} from './supervision';
export {
  annualPartnerEvaluationWorkflow,
  annualPartnerEvaluationsWorkflow,
  correctiveActionWorkflow,
  externalOperationWorkflow,
  partnerContractExpiryWorkflow,
} from './partners';
export { mailResponseWorkflow } from './people';
export { inboundMailWorkflow } from './people';
export { mandateExpiryWorkflow } from './mandates';
export { agreementClockWorkflow, shiftHandoverWorkflow } from './people';
