/** The people workflows recorded as replay fixtures (see catalog.ts): a response clock that escalates, one mailbox fetch. */
import { messageIdHash } from '../../../activities/people';
import { mailResponseWorkflowId, type MailResponseInput } from '../../../domain/people';
import type { inboundMailWorkflow, mailResponseWorkflow } from '../../../workflows';
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
