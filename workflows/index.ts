/** Workflow functions registered by the worker. */
export { dispatchWorkflow } from './dispatch.workflow';
