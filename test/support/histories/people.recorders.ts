/** The people workflows recorded as replay fixtures (see catalog.ts): a response clock that escalates, one mailbox fetch, an agreement missed, a shift handover. */
import { messageIdHash } from '../../../activities/people';
import { createPrismaPeopleRecords } from '../../../activities/people';
import { agreementClockWorkflowId, AGREEMENT_REMINDER_BEFORE_MS, mailResponseWorkflowId, type MailResponseInput } from '../../../domain/people';
import type { agreementClockWorkflow, inboundMailWorkflow, mailResponseWorkflow, shiftHandoverWorkflow } from '../../../workflows';
import { uniqueId } from '../env';
import type { TestStack } from '../stack';
import { latestRun, type Recorder, type TimeSkippingRecorder } from './recording';

export const peopleTimeSkippingRecorders = {
  'mail-response-escalated': async (stack) => {
    await stack.prisma.staffMember.createMany({
      data: [
        { username: 'jorge.salas', name: 'Jorge Salas', email: 'jorge.salas@agencia.example.pe', position: 'esc', executiveId: 'ESC-07', shiftId: 'day', updatedBy: 'recorder' },
        { username: 'marta.vega', name: 'Marta Vega', email: 'marta.vega@agencia.example.pe', position: 'jefe_servicio_cliente', shiftId: null, updatedBy: 'recorder' },
      ],
      skipDuplicates: true,
    });
    const messageId = `${uniqueId('consulta')}@andina.example.pe`;
    // Wednesday 2 December 2026, 10:00 Lima: due at 12:00, the boss told at 14:00.
    const input: MailResponseInput = {
      messageId,
      receivedAt: '2026-12-02T15:00:00.000Z',
      subject: 'Consulta sobre la DAM 118-2026-10-000123',
      from: 'lucia.ramos@andina.example.pe',
      dispatchId: null,
      clientRuc: null,
      executiveId: 'ESC-07',
      mailboxUser: 'jorge.salas@agencia.example.pe',
      agreedBusinessMs: 2 * 3_600_000,
      bossAfterBusinessMs: 2 * 3_600_000,
    };
    const handle = await stack.client.workflow.start<typeof mailResponseWorkflow>('mailResponseWorkflow', {
      taskQueue: stack.config.TEMPORAL_TASK_QUEUE,
      workflowId: mailResponseWorkflowId(messageIdHash(messageId)),
      args: [input],
    });
    await handle.result();
    return { 'mailResponseWorkflow/mail-response-escalated': latestRun(handle) };
  },
  'agreement-missed': async (stack) => {
    const now = await stack.env.currentTimeMs();
    const agreement = await createPrismaPeopleRecords(stack.prisma).createAgreement({
      dispatchId: 'DSP-2026-000123', source: 'client', agreedWith: 'Lucía Ramos (Importadora Andina)', agreedAt: new Date(now).toISOString(),
      content: 'Enviar el certificado de origen corregido', channel: 'mail', reference: null, matter: 'client_service',
      dueAt: new Date(now + 5 * 3_600_000).toISOString(), recordedBy: 'recorder',
    });
    const handle = await stack.client.workflow.start<typeof agreementClockWorkflow>('agreementClockWorkflow', {
      taskQueue: stack.config.TEMPORAL_TASK_QUEUE,
      workflowId: agreementClockWorkflowId(agreement.id),
      args: [{ agreementId: agreement.id, dispatchId: agreement.dispatchId, dueAt: agreement.dueAt!, reminderBeforeMs: AGREEMENT_REMINDER_BEFORE_MS }],
    });
    await handle.result();
    return { 'agreementClockWorkflow/agreement-missed': latestRun(handle) };
  },
  'shift-handover': async (stack) => {
    const handle = await stack.client.workflow.start<typeof shiftHandoverWorkflow>('shiftHandoverWorkflow', {
      taskQueue: stack.config.TEMPORAL_TASK_QUEUE,
      workflowId: uniqueId('shift-handover'),
      // Wednesday 9 December 2026, 08:00 Lima.
      args: [{ scheduleId: 'shift-handover', scheduledAt: '2026-12-09T13:00:00.000Z' }],
    });
    await handle.result();
    return { 'shiftHandoverWorkflow/shift-handover': latestRun(handle) };
  },
} satisfies Record<string, TimeSkippingRecorder>;

export const peopleDevRecorders = {
  'inbound-mail-fetch': async (stack: TestStack) => {
    const handle = await stack.client.workflow.start<typeof inboundMailWorkflow>('inboundMailWorkflow', {
      taskQueue: stack.config.TEMPORAL_TASK_QUEUE,
      workflowId: uniqueId('inbound-mail'),
      args: [{ scheduleId: 'inbound-mail' }],
    });
    await handle.result();
    return { 'inboundMailWorkflow/inbound-mail-fetch': latestRun(handle) };
  },
} satisfies Record<string, Recorder>;
