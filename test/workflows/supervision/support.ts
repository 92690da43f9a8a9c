/** Helpers of the supervision tests: schedule sync per test (unique id prefix), scheduled runs, dispatch driving. */
import type { Client, WorkflowHandle } from '@temporalio/client';
import { createPrismaRecordStore } from '../../../activities/records';
import type { ClientRecord } from '../../../activities/records';
import { createPrismaReportQueries } from '../../../activities/reports';
import { createScheduleSync, type ScheduleSync, type SupervisionSettings } from '../../../schedules';
import type { SupervisionRunResult } from '../../../workflows/supervision';
import type { dispatchWorkflow } from '../../../workflows';
import * as m from '../../../workflows/dispatch.messages';
import type { TestStack } from '../../support/stack';
import { uniqueId } from '../../support/env';
import { waitFor } from '../../support/wait-for';

export const actor = 'operador.noche';

/** A valid-looking RUC (11 digits) unique to the test, so visibility queries see only its dispatches. */
export function uniqueRuc(): string {
  return `20${String(Math.floor(Math.random() * 1e9)).padStart(9, '0')}`;
}

/** Schedule sync over the test stack, with ids prefixed so tests never share schedules. */
export function syncFor(stack: TestStack, settings: Partial<SupervisionSettings> = {}): ScheduleSync {
  return createScheduleSync({
    client: stack.client,
    taskQueue: stack.config.TEMPORAL_TASK_QUEUE,
    agreements: createPrismaReportQueries(stack.prisma),
    settings: { idPrefix: `${uniqueId('t')}-`, ...settings },
  });
}

/**
 * Pauses every schedule of the test's prefix: a test that triggers or backfills a run must not also meet the run
 * its calendar starts on its own (the real 08:00 digest when the suite runs across 08:00 Lima). Trigger and
 * backfill are manual and run on a paused schedule all the same.
 */
export async function pauseSchedules(client: Client, prefix: string): Promise<void> {
  for await (const s of client.schedule.list()) {
    if (s.scheduleId.startsWith(prefix)) await client.schedule.getHandle(s.scheduleId).pause('Pausado por la prueba: solo corren los disparos manuales');
  }
}

export async function deleteSchedules(client: Client, prefix: string): Promise<void> {
  for await (const s of client.schedule.list()) {
    if (s.scheduleId.startsWith(prefix)) await client.schedule.getHandle(s.scheduleId).delete().catch(() => undefined);
  }
}

export async function saveClient(stack: TestStack, client: Partial<ClientRecord> & { ruc: string; name: string }): Promise<void> {
  await createPrismaRecordStore(stack.prisma).upsertClient({
    contacts: [],
    statusReportRecipients: [],
    statusReportSchedule: null,
    deadlineOverrides: {},
    extraRequiredDocuments: [],
    ...client,
  });
}

/** Polls `probe` until it returns a value (see waitFor), every 200 ms for up to `timeoutMs`. */
function poll<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 30_000): Promise<T> {
  return waitFor(probe, { what, timeout: timeoutMs, interval: 200 });
}

/** Waits until the schedule has taken `count` actions (trigger and backfill included); returns their results, oldest first. */
export async function scheduledResults(client: Client, scheduleId: string, count: number): Promise<SupervisionRunResult[]> {
  const actions = await poll(`${count} actions of ${scheduleId}`, async () => {
    const { info } = await client.schedule.getHandle(scheduleId).describe();
    return info.recentActions.length >= count ? info.recentActions : undefined;
  });
  const results = await Promise.all(actions.map((a) => client.workflow.getHandle(a.action.workflow.workflowId).result() as Promise<SupervisionRunResult>));
  return results.sort((a, b) => a.scheduledAt.localeCompare(b.scheduledAt));
}

export { poll };

type Handle = WorkflowHandle<typeof dispatchWorkflow>;

/** Import dispatch from opening to its control channel (documents, review, draft, DAM numbered). */
export async function toChannel(h: Handle, channel: 'verde' | 'naranja' | 'rojo', damNumber: string): Promise<void> {
  const view = await h.query(m.getDispatch);
  await h.executeUpdate(m.documentsReceived, { args: [{ actor, documents: view.missingDocuments }] });
  await h.executeUpdate(m.documentsReviewed, { args: [{ actor }] });
  await h.executeUpdate(m.draftEmitted, { args: [{ actor }] });
  await h.executeUpdate(m.draftApproved, { args: [{ actor }] });
  await h.executeUpdate(m.damNumbered, { args: [{ actor, damNumber }] });
  await h.executeUpdate(m.channelAssigned, { args: [{ actor, channel }] });
}

/** A DAM number of the regime with a random serial (unique across test runs in the shared namespace). */
export function damNumberFor(regime: string): string {
  return `118-2026-${regime}-${String(Math.floor(Math.random() * 1e6)).padStart(6, '0')}`;
}
