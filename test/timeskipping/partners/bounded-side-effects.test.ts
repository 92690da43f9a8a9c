/**
 * Bounded partner side effects (issue #12 item 2, change people-routing-2026-12): with the mail server down past
 * the email activity's 8 attempts, a corrective action no longer fails: it shows an incident, keeps answering,
 * and sends the email once when the server is back, at the next try ten minutes later; with the database refusing
 * a partner operation's milestone writes, the report answers at once and the write lands after the outage.
 */
import { WorkflowUpdateStage } from '@temporalio/client';
import { correctiveActionWorkflowId, externalOperationWorkflowId } from '../../../domain/partners/ids';
import type { correctiveActionWorkflow, externalOperationWorkflow } from '../../../workflows';
import { defineCorrectiveAction, getCorrectiveAction, getExternalOperation, reportMilestone } from '../../../workflows/partners/partners.messages';
import { uniqueId } from '../../support/env';
import { waitFor } from '../../support/wait-for';
import { startTimeSkippingStack, type TimeSkippingStack } from '../../support/timeskipping';
import { ACCOUNT_MANAGER, PARTNER_CONTACT, seedPartner } from './partner-fixtures';

jest.setTimeout(120_000);

const DAY = 24 * 3_600_000;
let stack: TimeSkippingStack;
beforeAll(async () => {
  stack = await startTimeSkippingStack('partner-bounded');
});
afterAll(() => stack?.close());

test('mail down past the retries: an incident shows, the action keeps answering, the email goes once when mail is back', async () => {
  const partner = await seedPartner(stack.prisma);
  const ncId = uniqueId('NC').toUpperCase();
  const openedAt = new Date(await stack.env.currentTimeMs());
  const opened = `[${ncId}] Nueva no conformidad del aliado ${partner.name}`;
  stack.smtp.setDown(true);
  let handle;
  try {
    handle = await stack.client.workflow.start<typeof correctiveActionWorkflow>('correctiveActionWorkflow', {
      taskQueue: stack.config.TEMPORAL_TASK_QUEUE,
      workflowId: correctiveActionWorkflowId(ncId),
      args: [{
        nc: {
          ncId, partnerId: partner.partnerId, partnerName: partner.name, source: 'complaint', description: 'Demora en la entrega en Cartagena',
          openedAt: openedAt.toISOString(), openedBy: 'supervisor', owner: ACCOUNT_MANAGER, partnerContacts: [PARTNER_CONTACT], dueAt: new Date(openedAt.getTime() + 5 * DAY).toISOString(),
        },
      }],
    });
    await stack.env.sleep('6 minutes'); // past the 8 attempts (about 4 min of backoff)
    const view = await handle.query(getCorrectiveAction);
    expect(view.incidents).toEqual([expect.objectContaining({ what: 'correo «opened»', resolvedAt: null })]);
    // The corrective action still answers its owner meanwhile.
    const planned = await handle.executeUpdate(defineCorrectiveAction, { args: [{ actor: 'gestor', plan: 'Reforzar la coordinación con el aliado en Cartagena' }] });
    expect(planned.actionPlan).toBe('Reforzar la coordinación con el aliado en Cartagena');
    expect(stack.smtp.received.filter((m) => m.subject === opened)).toHaveLength(0);
    expect((await handle.describe()).status.name).toBe('RUNNING');
  } finally {
    stack.smtp.setDown(false);
  }
  await stack.env.sleep('11 minutes');
  await stack.smtp.waitFor((m) => m.subject === opened, 30_000);
  expect(stack.smtp.received.filter((m) => m.subject === opened)).toHaveLength(1);
  expect((await handle.query(getCorrectiveAction)).incidents).toEqual([expect.objectContaining({ what: 'correo «opened»', resolvedAt: expect.any(String) })]);
  await handle.terminate('test over');
});

test('records down past the retries: the milestone report answers, an incident shows, the write lands when the database is back', async () => {
  const partner = await seedPartner(stack.prisma);
  const doNumber = uniqueId('DO').toUpperCase();
  const handle = await stack.client.workflow.start<typeof externalOperationWorkflow>('externalOperationWorkflow', {
    taskQueue: stack.config.TEMPORAL_TASK_QUEUE,
    workflowId: externalOperationWorkflowId(doNumber),
    args: [{ doNumber, partnerId: partner.partnerId, office: 'CTG', assignedAt: new Date(await stack.env.currentTimeMs()).toISOString(), openedBy: 'operador' }],
  });
  await waitFor(() => stack.prisma.externalOperation.findUnique({ where: { doNumber } }), { what: 'the operation in the read model' });
  const samples = () => stack.prisma.operationMilestone.count({ where: { doNumber } });
  await stack.prisma.$executeRawUnsafe('ALTER TABLE operation_milestones RENAME TO operation_milestones_offline');
  try {
    const update = await handle.startUpdate(reportMilestone, { args: [{ actor: 'operador', milestone: 'received' }], waitForStage: WorkflowUpdateStage.ACCEPTED });
    await stack.env.sleep('5 minutes'); // past the 8 attempts of the record write
    const view = await update.result();
    expect(view.status).toBe('received');
    expect(view.incidents).toEqual([expect.objectContaining({ what: 'registro de la operación', resolvedAt: null })]);
  } finally {
    await stack.prisma.$executeRawUnsafe('ALTER TABLE operation_milestones_offline RENAME TO operation_milestones');
  }
  expect(await samples()).toBe(0);
  await stack.env.sleep('11 minutes');
  await waitFor(async () => (await samples()) === 1, { what: 'the milestone written after the outage', timeout: 30_000 });
  expect((await handle.query(getExternalOperation)).incidents).toEqual([expect.objectContaining({ resolvedAt: expect.any(String) })]);
  await handle.terminate('test over');
});
