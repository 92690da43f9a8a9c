/**
 * After a non-working day is decreed, every running dispatch reloads its calendar and re-plans its deadlines
 * (the workflow's `calendarChanged` signal). Which dispatches: the union of
 *  - the read model's open dispatches (strongly consistent, written at opening and on every transition), and
 *  - Temporal's visibility list of running dispatch workflows on our task queue (eventually consistent, but it
 *    also covers closed dispatches still waiting on regime-expiry reminders).
 * A dispatch opened in the instant between listing and signalling loads the calendar after the day was stored,
 * so it needs no signal. Signals are idempotent for the workflow (a dirty flag), so a duplicate does no harm.
 */
import { WorkflowNotFoundError, type Client } from '@temporalio/client';
import { dispatchWorkflowId } from '../../../domain/ids';
import { calendarChanged } from '../../../workflows/dispatch.messages';
import type { PrismaClient } from '../../../prisma/client';
import type { Logger } from '../../logger';

const SIGNAL_CONCURRENCY = 8;

async function runningWorkflowIds(temporal: Client, taskQueue: string, logger?: Logger): Promise<string[]> {
  const ids: string[] = [];
  try {
    const query = `WorkflowType = 'dispatchWorkflow' AND ExecutionStatus = 'Running' AND TaskQueue = '${taskQueue.replace(/'/g, "''")}'`;
    for await (const wf of temporal.workflow.list({ query })) ids.push(wf.workflowId);
  } catch (err) {
    logger?.warn('visibility list failed; signalling open dispatches from the read model only', { error: String(err) });
  }
  return ids;
}

/** Signals every running dispatch workflow; returns how many received the signal. */
export async function signalCalendarChanged(deps: { temporal: Client; prisma: PrismaClient; taskQueue: string; logger?: Logger }): Promise<number> {
  const open = await deps.prisma.dispatch.findMany({ where: { status: { notIn: ['closed', 'cancelled'] } }, select: { id: true } });
  const ids = new Set([...open.map((d) => dispatchWorkflowId(d.id)), ...(await runningWorkflowIds(deps.temporal, deps.taskQueue, deps.logger))]);
  const queue = [...ids];
  let signalled = 0;
  const worker = async () => {
    for (let id = queue.pop(); id !== undefined; id = queue.pop()) {
      try {
        await deps.temporal.workflow.getHandle(id).signal(calendarChanged);
        signalled += 1;
      } catch (err) {
        if (!(err instanceof WorkflowNotFoundError)) throw err; // finished meanwhile: nothing to re-plan
      }
    }
  };
  await Promise.all(Array.from({ length: SIGNAL_CONCURRENCY }, worker));
  return signalled;
}
