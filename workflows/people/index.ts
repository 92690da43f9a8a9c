/** People workflows: the response clock of a client email, the scheduled inbound-mail fetch, agreement clocks, the shift handover. */
export { mailResponseWorkflow } from './mail-response.workflow';
export { inboundMailWorkflow } from './inbound-mail.workflow';
export { agreementClockWorkflow } from './agreement-clock.workflow';
export { shiftHandoverWorkflow } from './shift-handover.workflow';
