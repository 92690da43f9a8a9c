/** The client mandate (poder) expiry reminders, recorded as a replay fixture (see catalog.ts). */
import { createPrismaMandateStore } from '../../../activities/mandates';
import { mandateExpiryWorkflowId } from '../../../domain/ids';
import type { mandateExpiryWorkflow } from '../../../workflows';
import { mandateRenewed } from '../../../workflows/mandates/mandate.messages';
import { latestRun, sleepUntil, type TimeSkippingRecorder } from './recording';

const DAY = 86_400_000;

export const mandateTimeSkippingRecorders = {
  'mandate-expiry-renewed': async (stack) => {
    const ruc = `20${String(Math.floor(Math.random() * 1e9)).padStart(9, '0')}`;
    const now = await stack.env.currentTimeMs();
    const expiresAt = new Date(now + 40 * DAY).toISOString();
    const mandates = createPrismaMandateStore(stack.prisma);
    await mandates.record({ clientRuc: ruc, grantedAt: new Date(now - 325 * DAY).toISOString(), expiresAt, reference: 'MAND-2025-0001', recordedBy: 'esc' });
    const h = await stack.client.workflow.start<typeof mandateExpiryWorkflow>('mandateExpiryWorkflow', {
      taskQueue: stack.config.TEMPORAL_TASK_QUEUE,
      workflowId: mandateExpiryWorkflowId(ruc),
      args: [{ clientRuc: ruc, expiresAt, reminderDays: [30, 7] }],
    });
    await sleepUntil(stack, new Date(now + 10 * DAY + 60_000));
    await stack.smtp.waitFor((m) => m.subject.includes(`(RUC ${ruc}) vence en 30 días`));
    const renewed = new Date(Date.parse(expiresAt) + 300 * DAY).toISOString();
    await mandates.record({ clientRuc: ruc, grantedAt: new Date(now + 11 * DAY).toISOString(), expiresAt: renewed, reference: 'MAND-2026-0002', recordedBy: 'esc' });
    await h.signal(mandateRenewed, { expiresAt: renewed });
    await sleepUntil(stack, new Date(Date.parse(renewed) + DAY));
    await h.result();
    return { 'mandateExpiryWorkflow/mandate-expiry-renewed': latestRun(h) };
  },
} satisfies Record<string, TimeSkippingRecorder>;
