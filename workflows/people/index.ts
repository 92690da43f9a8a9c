/** People workflows: the response clock of a client email and the scheduled inbound-mail fetch. */
export { mailResponseWorkflow } from './mail-response.workflow';
export { inboundMailWorkflow } from './inbound-mail.workflow';
