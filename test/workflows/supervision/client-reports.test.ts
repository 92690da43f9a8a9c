/**
 * Client status reports on the dev server: a trigger and a backfill produce exactly the expected emails in the
 * SMTP server, runs on Peruvian holidays are skipped, a client with nothing open gets nothing, and running the
 * same scheduled time again never sends twice.
 */
import { messageIdFor } from '../../../activities/email/email.activities';
import { reportKey } from '../../../activities/reports';
import type { ScheduleSync } from '../../../schedules';
import { startTestStack, type TestStack } from '../../support/stack';
import { sampleDispatch, startDispatch } from '../../support/fixtures';
import * as m from '../../../workflows/dispatch.messages';
import { actor, deleteSchedules, saveClient, scheduledResults, syncFor, uniqueRuc } from './support';

jest.setTimeout(120_000);

let stack: TestStack;
let sync: ScheduleSync;
beforeAll(async () => {
  stack = await startTestStack('sched_reports');
  sync = syncFor(stack);
});
afterAll(async () => {
  if (stack) await deleteSchedules(stack.client, sync.settings.idPrefix);
  await stack?.close();
});

const limaAt = (date: string, time: string) => new Date(`${date}T${time}:00-05:00`);

test('trigger and backfill send one report per business-day run, skip holidays, and never send a run twice', async () => {
  const ruc = uniqueRuc();
  const recipient = `reportes.${ruc}@cliente.example.pe`;
  await saveClient(stack, {
    ruc,
    name: 'Agroexport Norte S.A.C.',
    statusReportRecipients: [{ name: 'Reportes', email: recipient }],
    statusReportSchedule: { days: [1, 2, 3, 4, 5], hour: 8 },
  });
  const open = sampleDispatch({ client: { ruc, name: 'Agroexport Norte S.A.C.', contacts: [{ name: 'Ops', email: `ops.${ruc}@cliente.example.pe` }] }, terminal: 'DPWC' });
  const handle = await startDispatch(stack.client, stack.config.TEMPORAL_TASK_QUEUE, open);
  await handle.executeUpdate(m.recordStatusGlosa, { args: [{ actor, note: 'Nave arribó, descarga en curso', vessel: 'Maersk Lima', eta: '2026-11-28T11:00:00.000Z' }] });
  const closed = sampleDispatch({ client: { ruc, name: 'Agroexport Norte S.A.C.', contacts: [] } });
  const cancelled = await startDispatch(stack.client, stack.config.TEMPORAL_TASK_QUEUE, closed);
  await cancelled.executeUpdate(m.cancelDispatch, { args: [{ actor, reason: 'El cliente desistió' }] });

  expect(await sync.syncClientReport(ruc)).toBe('created');
  const scheduleId = `${sync.settings.idPrefix}client-report-${ruc}`;
  const schedule = stack.client.schedule.getHandle(scheduleId);

  await schedule.trigger();
  const [triggered] = await scheduledResults(stack.client, scheduleId, 1);
  expect(triggered).toMatchObject({ outcome: 'sent' });

  // Monday 27 to Friday 31 July 2026 at 08:00 Lima: the 28th and 29th are national holidays (Fiestas Patrias).
  await schedule.backfill({ start: limaAt('2026-07-27', '00:00'), end: limaAt('2026-07-31', '23:59'), overlap: 'BUFFER_ALL' });
  const results = await scheduledResults(stack.client, scheduleId, 6);
  const backfilled = results.filter((r) => r.scheduledAt.startsWith('2026-07'));
  expect(backfilled.map((r) => [r.scheduledAt, r.outcome, r.detail])).toEqual([
    ['2026-07-27T13:00:00.000Z', 'sent', undefined],
    ['2026-07-28T13:00:00.000Z', 'skipped', 'skipped: feriado (2026-07-28)'],
    ['2026-07-29T13:00:00.000Z', 'skipped', 'skipped: feriado (2026-07-29)'],
    ['2026-07-30T13:00:00.000Z', 'sent', undefined],
    ['2026-07-31T13:00:00.000Z', 'sent', undefined],
  ]);

  const reports = () => stack.smtp.received.filter((mail) => mail.to.includes(recipient));
  expect(reports().map((mail) => mail.messageId).sort()).toEqual(
    [triggered!.scheduledAt, '2026-07-27T13:00:00.000Z', '2026-07-30T13:00:00.000Z', '2026-07-31T13:00:00.000Z']
      .map((at) => messageIdFor(reportKey(scheduleId, at)))
      .sort(),
  );
  const july27 = reports().find((mail) => mail.subject.includes('27/07/2026'))!;
  expect(july27.subject).toBe('Reporte de estado de sus despachos al 27/07/2026 — Agroexport Norte S.A.C.');
  expect(july27.text).toContain(`Despacho ${open.dispatchId}`);
  expect(july27.text).toContain('Nave: Maersk Lima · ETA: 28/11/2026 06:00');
  expect(july27.text).toContain('Observación: Nave arribó, descarga en curso');
  expect(july27.text).toContain('Próximo paso: Recepción de los documentos pendientes');
  expect(july27.text).not.toContain(closed.dispatchId);

  // The same scheduled time again (a retried run, or a person re-running it): recognised, not re-sent.
  const again = await stack.client.workflow.execute('clientStatusReportWorkflow', {
    taskQueue: stack.config.TEMPORAL_TASK_QUEUE,
    workflowId: `${scheduleId}-again`,
    args: [{ scheduleId, clientRuc: ruc, scheduledAt: '2026-07-27T13:00:00.000Z' }],
  });
  expect(again).toMatchObject({ outcome: 'already_sent' });
  expect(reports()).toHaveLength(4);
});

test('a client with nothing open gets nothing', async () => {
  const ruc = uniqueRuc();
  await saveClient(stack, {
    ruc,
    name: 'Ferretería Callao E.I.R.L.',
    statusReportRecipients: [{ name: 'Gerencia', email: `gerencia.${ruc}@cliente.example.pe` }],
    statusReportSchedule: { days: [1, 4], hour: 8 },
  });
  expect(await sync.syncClientReport(ruc)).toBe('created');
  const scheduleId = `${sync.settings.idPrefix}client-report-${ruc}`;
  await stack.client.schedule.getHandle(scheduleId).trigger();
  const [result] = await scheduledResults(stack.client, scheduleId, 1);
  expect(result).toMatchObject({ outcome: 'nothing_to_report' });
  expect(stack.smtp.received.filter((mail) => mail.to.includes(`gerencia.${ruc}@cliente.example.pe`))).toEqual([]);
});
