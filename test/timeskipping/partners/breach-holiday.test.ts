/**
 * A partner's milestone clock runs in Colombian business time: a holiday moved to Monday (San José, 22 March
 * 2027, moved from Friday 19) pushes the breach by a business day, and the breach opens a non-conformity.
 */
import { WorkflowUpdateFailedError } from '@temporalio/client';
import { externalOperationWorkflowId } from '../../../domain/partners/ids';
import type { externalOperationWorkflow } from '../../../workflows';
import { getExternalOperation, reportMilestone } from '../../../workflows/partners/partners.messages';
import { uniqueId } from '../../support/env';
import { startTimeSkippingStack, type TimeSkippingStack } from '../../support/timeskipping';
import { ACCOUNT_MANAGER, bogota, seedPartner } from './partner-fixtures';

jest.setTimeout(120_000);

let stack: TimeSkippingStack;
beforeAll(async () => {
  stack = await startTimeSkippingStack('partner-breach');
});
afterAll(() => stack?.close());

async function sleepUntil(instant: Date): Promise<void> {
  const now = await stack.env.currentTimeMs();
  if (instant.getTime() > now) await stack.env.sleep(instant.getTime() - now);
}

test('the documents-received clock skips the Monday-moved San José holiday before it breaches', async () => {
  const partner = await seedPartner(stack.prisma);
  const doNumber = uniqueId('DO').toUpperCase();
  const assignedAt = bogota('2027-03-19', 10); // Friday: San José's own date, a working day since the holiday moved
  await sleepUntil(assignedAt);
  const handle = await stack.client.workflow.start<typeof externalOperationWorkflow>('externalOperationWorkflow', {
    taskQueue: stack.config.TEMPORAL_TASK_QUEUE,
    workflowId: externalOperationWorkflowId(doNumber),
    args: [{ doNumber, partnerId: partner.partnerId, office: 'CTG', assignedAt: assignedAt.toISOString(), openedBy: 'operador' }],
  });

  // 9 business hours from Friday 10:00: 8 on Friday, Monday 22 is a holiday, so Tuesday 10:00 (not Monday 10:00).
  const due = bogota('2027-03-23', 10);
  await sleepUntil(bogota('2027-03-19', 12));
  const opened = await handle.query(getExternalOperation);
  expect(opened.clock).toMatchObject({ milestone: 'received', dueAt: due.toISOString(), overdue: false });

  await sleepUntil(bogota('2027-03-22', 17));
  expect((await handle.query(getExternalOperation)).nonConformities).toEqual([]);
  expect(stack.smtp.received.filter((m) => m.subject.includes(doNumber))).toHaveLength(0);

  await sleepUntil(new Date(due.getTime() + 60_000));
  const mail = await stack.smtp.waitFor((m) => m.subject === `[NC-${doNumber}-1] Nueva no conformidad del aliado Aduanas del Caribe SAS`);
  expect(mail.to).toEqual([ACCOUNT_MANAGER.email]);
  expect(mail.text).toContain('Recepción de documentos');
  // The breach notice is the operation's only email, and the breach was found at Tuesday's due time: nothing
  // went out on the Monday holiday (the check above ran before this later notice).
  expect(stack.smtp.received.filter((m) => m.subject.includes(doNumber))).toEqual([mail]);
  const view = await handle.query(getExternalOperation);
  expect(view.nonConformities).toEqual([expect.objectContaining({ ncId: `NC-${doNumber}-1`, source: 'breach', milestone: 'received' })]);
  const nc = await stack.prisma.nonConformity.findUniqueOrThrow({ where: { id: `NC-${doNumber}-1` } });
  expect(nc).toMatchObject({ partnerId: partner.partnerId, status: 'open', source: 'breach', doNumber, ownerEmail: ACCOUNT_MANAGER.email });
  expect(nc.openedAt.getTime()).toBeGreaterThanOrEqual(due.getTime());

  // The late report is measured (9 h 5 min of business time) and opens no second non-conformity.
  const reportedAt = new Date(due.getTime() + 5 * 60_000);
  await sleepUntil(reportedAt);
  const received = await handle.executeUpdate(reportMilestone, { args: [{ actor: 'aliado', milestone: 'received', occurredAt: reportedAt.toISOString() }] });
  expect(received.milestones[0]).toMatchObject({ milestone: 'received', onTime: false, serviceMs: 9 * 3_600_000 + 5 * 60_000 });
  const declared = await handle.executeUpdate(reportMilestone, { args: [{ actor: 'aliado', milestone: 'declared', aforo: 'automatico' }] });
  expect(declared.clock?.milestone).toBe('levante');
  await expect(handle.executeUpdate(reportMilestone, { args: [{ actor: 'aliado', milestone: 'inspection' }] })).rejects.toThrow(WorkflowUpdateFailedError);
  expect((await handle.query(getExternalOperation)).nonConformities).toHaveLength(1);
  const samples = await stack.prisma.operationMilestone.findMany({ where: { doNumber }, orderBy: { reportedAt: 'asc' } });
  expect(samples.map((s) => [s.milestone, s.onTime])).toEqual([['received', false], ['declared', true]]);
});

test('milestones out of order are refused in Spanish before they reach history', async () => {
  const partner = await seedPartner(stack.prisma);
  const doNumber = uniqueId('DO').toUpperCase();
  const handle = await stack.client.workflow.start<typeof externalOperationWorkflow>('externalOperationWorkflow', {
    taskQueue: stack.config.TEMPORAL_TASK_QUEUE,
    workflowId: externalOperationWorkflowId(doNumber),
    args: [{ doNumber, partnerId: partner.partnerId, office: 'CTG', assignedAt: new Date(await stack.env.currentTimeMs()).toISOString(), openedBy: 'operador' }],
  });
  const failure = await handle.executeUpdate(reportMilestone, { args: [{ actor: 'aliado', milestone: 'levante' }] }).catch((e: unknown) => e);
  expect(failure).toBeInstanceOf(WorkflowUpdateFailedError);
  expect((failure as WorkflowUpdateFailedError).cause).toMatchObject({
    type: 'InvalidTransition',
    message: 'No se puede registrar "Levante": primero debe registrarse "Recepción de documentos"',
  });
  const missingAforo = await handle.executeUpdate(reportMilestone, { args: [{ actor: 'aliado', milestone: 'received' }] });
  expect(missingAforo.status).toBe('received');
  await expect(handle.executeUpdate(reportMilestone, { args: [{ actor: 'aliado', milestone: 'declared' }] })).rejects.toThrow(WorkflowUpdateFailedError);
});
