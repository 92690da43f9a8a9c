/** Schedules from definitions as data: created once, updated in place, deleted when a client withdraws its agreement. */
import { ScheduleNotFoundError } from '@temporalio/client';
import { startTestStack, type TestStack } from '../../support/stack';
import { deleteSchedules, poll, saveClient, syncFor, uniqueRuc } from './support';
import type { ScheduleSync } from '../../../schedules';

jest.setTimeout(120_000);

let stack: TestStack;
let sync: ScheduleSync;
beforeAll(async () => {
  stack = await startTestStack('sched_sync');
  sync = syncFor(stack);
});
afterAll(async () => {
  if (stack) await deleteSchedules(stack.client, sync.settings.idPrefix);
  await stack?.close();
});

test('syncing twice creates each schedule once; a changed agreement updates its schedule in place; a withdrawn one deletes it', async () => {
  const ruc = uniqueRuc();
  const p = sync.settings.idPrefix;
  await saveClient(stack, {
    ruc,
    name: 'Textiles del Sur S.A.',
    statusReportRecipients: [{ name: 'Carla Núñez', email: 'carla@textiles.example.pe' }],
    statusReportSchedule: { days: [1, 4], hour: 8 },
  });

  const fixed = ['supervisor-digest', 'weekend-programming', 'expiry-sweep', 'escalation-recheck', 'annual-partner-evaluation', 'administration-report', 'inbound-mail', 'shift-handover', 'partner-contract-expiry'].map((id) => `${p}${id}`);
  const report = `${p}client-report-${ruc}`;
  expect(await sync.syncAll()).toEqual(Object.fromEntries([...fixed, report].map((id) => [id, 'created'])));
  expect(await sync.syncAll()).toEqual(Object.fromEntries([...fixed, report].map((id) => [id, 'unchanged'])));

  const listed = await poll('every schedule in the list', async () => {
    const ids: string[] = [];
    for await (const s of stack.client.schedule.list()) if (s.scheduleId.startsWith(p)) ids.push(s.scheduleId);
    return ids.length === fixed.length + 1 ? ids : undefined;
  }, 60_000); // schedule listing is eventually consistent, slower when the dev server is busy
  expect(listed.sort()).toEqual([...fixed, report].sort());

  const handle = stack.client.schedule.getHandle(report);
  const before = await handle.describe();
  expect(before.spec.timezone).toBe('America/Lima');
  expect(before.spec.calendars?.[0]).toMatchObject({
    dayOfWeek: [{ start: 'MONDAY', end: 'MONDAY', step: 1 }, { start: 'THURSDAY', end: 'THURSDAY', step: 1 }],
    hour: [{ start: 8, end: 8, step: 1 }],
  });
  expect(before.policies).toMatchObject({ overlap: 'BUFFER_ONE', pauseOnFailure: true, catchupWindow: 6 * 3_600_000 });
  expect(before.action).toMatchObject({ workflowType: 'clientStatusReportWorkflow', taskQueue: stack.config.TEMPORAL_TASK_QUEUE, args: [{ scheduleId: report, clientRuc: ruc }] });

  // The agreement changes through the API (weekdays at 07:30): the API's hook calls syncClientReport.
  await saveClient(stack, {
    ruc,
    name: 'Textiles del Sur S.A.',
    statusReportRecipients: [{ name: 'Carla Núñez', email: 'carla@textiles.example.pe' }],
    statusReportSchedule: { days: [1, 2, 3, 4, 5], hour: 7, minute: 30 },
  });
  expect(await sync.syncClientReport(ruc)).toBe('updated');
  const after = await handle.describe();
  expect(after.info.createdAt).toEqual(before.info.createdAt);
  expect(after.spec.calendars?.[0]).toMatchObject({
    dayOfWeek: ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY'].map((d) => ({ start: d, end: d, step: 1 })),
    hour: [{ start: 7, end: 7, step: 1 }],
    minute: [{ start: 30, end: 30, step: 1 }],
  });
  expect(await sync.syncClientReport(ruc)).toBe('unchanged');

  // A supervisor's pause survives a startup sync.
  await stack.client.schedule.getHandle(`${p}supervisor-digest`).pause('Pausado por supervisión');
  expect((await sync.syncAll())[`${p}supervisor-digest`]).toBe('unchanged');
  expect((await stack.client.schedule.getHandle(`${p}supervisor-digest`).describe()).state.paused).toBe(true);

  // The client withdraws its report.
  await saveClient(stack, { ruc, name: 'Textiles del Sur S.A.', statusReportRecipients: [], statusReportSchedule: null });
  expect(await sync.syncClientReport(ruc)).toBe('deleted');
  await expect(handle.describe()).rejects.toBeInstanceOf(ScheduleNotFoundError);
  expect(await sync.syncClientReport(ruc)).toBe('absent');
});
