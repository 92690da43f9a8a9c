/** A corrective action reminds its owner before the due date, escalates to management once overdue, and closes only with evidence. */
import { WorkflowUpdateFailedError } from '@temporalio/client';
import { correctiveActionWorkflowId } from '../../../domain/partners/ids';
import type { correctiveActionWorkflow } from '../../../workflows';
import { closeCorrectiveAction, defineCorrectiveAction, getCorrectiveAction } from '../../../workflows/partners/partners.messages';
import { uniqueId } from '../../support/env';
import { startTimeSkippingStack, type TimeSkippingStack } from '../../support/timeskipping';
import { ACCOUNT_MANAGER, MANAGER, PARTNER_CONTACT, seedPartner } from './partner-fixtures';

jest.setTimeout(120_000);

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

let stack: TimeSkippingStack;
beforeAll(async () => {
  stack = await startTimeSkippingStack('partner-capa');
});
afterAll(() => stack?.close());

const mailsOf = (ncId: string) => stack.smtp.received.filter((m) => m.subject.startsWith(`[${ncId}]`));

test('reminds before the due date, escalates when overdue, and closes only with evidence', async () => {
  const partner = await seedPartner(stack.prisma);
  const ncId = uniqueId('NC').toUpperCase();
  const openedAt = new Date(await stack.env.currentTimeMs());
  const dueAt = new Date(openedAt.getTime() + 5 * DAY);
  const handle = await stack.client.workflow.start<typeof correctiveActionWorkflow>('correctiveActionWorkflow', {
    taskQueue: stack.config.TEMPORAL_TASK_QUEUE,
    workflowId: correctiveActionWorkflowId(ncId),
    args: [{
      nc: {
        ncId,
        partnerId: partner.partnerId,
        partnerName: partner.name,
        source: 'complaint',
        description: 'El cliente reclama por la demora en la entrega en Cartagena',
        openedAt: openedAt.toISOString(),
        openedBy: 'supervisor',
        owner: ACCOUNT_MANAGER,
        partnerContacts: [PARTNER_CONTACT],
        dueAt: dueAt.toISOString(),
      },
      policy: { remindBeforeMs: [DAY], escalateEveryMs: 2 * DAY, maxEscalations: 2 },
    }],
  });
  await stack.smtp.waitFor((m) => m.subject === `[${ncId}] Nueva no conformidad del aliado ${partner.name}`);

  await stack.env.sleep(4 * DAY - HOUR);
  expect(mailsOf(ncId)).toHaveLength(1);
  await stack.env.sleep(2 * HOUR);
  const reminder = await stack.smtp.waitFor((m) => m.subject.startsWith(`[${ncId}] Recordatorio`));
  expect(reminder.to).toEqual([ACCOUNT_MANAGER.email]);

  await stack.env.sleep(DAY);
  const escalation = await stack.smtp.waitFor((m) => m.subject === `[${ncId}] ESCALAMIENTO: acción correctiva vencida`);
  expect(escalation.to).toEqual(expect.arrayContaining([ACCOUNT_MANAGER.email, MANAGER.email]));
  expect((await handle.query(getCorrectiveAction)).overdue).toBe(true);

  // No closure without an action plan, nor without evidence.
  const noPlan = await handle.executeUpdate(closeCorrectiveAction, { args: [{ actor: 'gestor', evidence: { description: 'Se habló con el aliado' } }] }).catch((e: unknown) => e);
  expect((noPlan as WorkflowUpdateFailedError).cause).toMatchObject({ message: 'Antes de cerrar, registre la acción correctiva que se tomó' });
  await handle.executeUpdate(defineCorrectiveAction, { args: [{ actor: 'gestor', plan: 'Reforzar el turno de entregas del aliado en Cartagena' }] });
  await expect(handle.executeUpdate(closeCorrectiveAction, { args: [{ actor: 'gestor', evidence: { description: ' ' } }] })).rejects.toThrow(WorkflowUpdateFailedError);

  await stack.env.sleep(2 * DAY);
  await stack.smtp.waitFor((m) => m.subject === `[${ncId}] ESCALAMIENTO (2.º aviso): acción correctiva vencida`);

  const closed = await handle.executeUpdate(closeCorrectiveAction, {
    args: [{ actor: 'gestor', evidence: { description: 'Acta de reunión y nuevo cuadro de turnos firmado por el aliado', url: 'https://intranet.example.pe/capa/1' } }],
  });
  expect(closed).toMatchObject({ status: 'closed', closedBy: 'gestor', overdue: false });
  expect((await handle.result()).status).toBe('closed');
  await stack.smtp.waitFor((m) => m.subject === `[${ncId}] No conformidad cerrada`);

  await stack.env.sleep(10 * DAY);
  expect(mailsOf(ncId).map((m) => m.subject.slice(ncId.length + 3))).toEqual([
    `Nueva no conformidad del aliado ${partner.name}`,
    expect.stringMatching(/^Recordatorio/),
    'ESCALAMIENTO: acción correctiva vencida',
    'ESCALAMIENTO (2.º aviso): acción correctiva vencida',
    'No conformidad cerrada',
  ]);
  const row = await stack.prisma.nonConformity.findUniqueOrThrow({ where: { id: ncId } });
  expect(row).toMatchObject({ status: 'closed', closedBy: 'gestor', actionPlan: 'Reforzar el turno de entregas del aliado en Cartagena' });
  expect(row.evidence).toMatchObject({ url: 'https://intranet.example.pe/capa/1' });
});
