/** Client mandate (poder) workflows. */
export { mandateExpiryWorkflow } from './mandate-expiry.workflow';
