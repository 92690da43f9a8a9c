/**
 * The clocks of the import path (lifecycle feature import-steps-2026-12) at their real durations on the
 * time-skipping server: after the channel, the levante is chased for 1 day on green, 2 on orange and 3 on red
 * (reminder 6 h before, alert to the supervisors at the deadline); SENASA's scheduled inspection is reminded
 * the day before and its missing report alerted a day after it.
 */
import type { WorkflowHandle } from '@temporalio/client';
import type { dispatchWorkflow } from '../../workflows';
import * as m from '../../workflows/dispatch.messages';
import { receiveAllDocuments } from '../support/drive';
import { sampleDispatch, startDispatch } from '../support/fixtures';
import { awaitLaterEscalation } from '../support/later-notice';
import { startTimeSkippingStack, type TimeSkippingStack } from '../support/timeskipping';

jest.setTimeout(120_000);

let stack: TimeSkippingStack;
beforeAll(async () => {
  stack = await startTimeSkippingStack('import_clocks');
});
afterAll(() => stack?.close());

const HOUR = 3_600_000;
const actor = 'seguimiento.prueba';
const mails = (id: string, what: string) => stack.smtp.received.filter((x) => x.subject.startsWith(`[${id}]`) && x.subject.includes(what));
const sleepUntil = async (instant: number) => stack.env.sleep(Math.max(instant - (await stack.env.currentTimeMs()), 1));

async function toChannel(h: WorkflowHandle<typeof dispatchWorkflow>, channel: 'verde' | 'naranja' | 'rojo') {
  await receiveAllDocuments(h);
  for (const u of [m.documentsReviewed, m.draftEmitted, m.draftApproved]) await h.executeUpdate(u, { args: [{ actor }] });
  await h.executeUpdate(m.damNumbered, { args: [{ actor, damNumber: `118-2026-10-${String(Math.floor(Math.random() * 1e6)).padStart(6, '0')}` }] });
  return h.executeUpdate(m.channelAssigned, { args: [{ actor, channel }] });
}

test.each([
  ['verde', 1],
  ['naranja', 2],
  ['rojo', 3],
] as const)('levante not granted on %s: reminder 6 h before %i day(s), alert to the supervisors at the deadline', async (channel, days) => {
  const d = sampleDispatch();
  const h = await startDispatch(stack.client, stack.config.TEMPORAL_TASK_QUEUE, d);
  const assigned = await toChannel(h, channel);
  const due = assigned.deadlines.find((x) => x.clock === 'levante_follow_up')!;
  expect(Date.parse(due.dueAt) - Date.parse(assigned.milestones.channelAssignedAt!)).toBe(days * 24 * HOUR);

  await sleepUntil(Date.parse(due.dueAt) - 6 * HOUR - 60_000);
  expect(mails(d.dispatchId, 'Seguimiento del levante')).toHaveLength(0);
  await stack.env.sleep('2 minutes');
  const reminder = await stack.smtp.waitFor((x) => mails(d.dispatchId, 'Recordatorio: Seguimiento del levante').includes(x));
  expect(reminder.to).toEqual(['jorge.salas@agencia.example.pe']);
  await sleepUntil(Date.parse(due.dueAt) + 60_000);
  const alert = await stack.smtp.waitFor((x) => mails(d.dispatchId, 'ALERTA: venció Seguimiento del levante').includes(x));
  expect(alert.to).toEqual(expect.arrayContaining(['jorge.salas@agencia.example.pe', 'supervision@agencia.example.pe']));
  await h.executeUpdate(m.cancelDispatch, { args: [{ actor, reason: 'Fin de la prueba' }] });
});

test('levante granted within the green day: the clock stops and nothing is sent', async () => {
  const d = sampleDispatch();
  const h = await startDispatch(stack.client, stack.config.TEMPORAL_TASK_QUEUE, d);
  const assigned = await toChannel(h, 'verde');
  const due = Date.parse(assigned.deadlines.find((x) => x.clock === 'levante_follow_up')!.dueAt);
  await stack.env.sleep('10 hours');
  const released = await h.executeUpdate(m.levanteGranted, { args: [{ actor }] });
  expect(released.deadlines.map((x) => x.clock)).not.toContain('levante_follow_up');
  await sleepUntil(due + HOUR);
  await awaitLaterEscalation(stack, h, d.dispatchId); // the same clock loop is past the levante deadline
  expect(mails(d.dispatchId, 'Seguimiento del levante')).toHaveLength(0);
});

test('SENASA inspection: reminder the day before, alert when its report is not recorded a day after; levante blocked until the report', async () => {
  const d = sampleDispatch({ restrictedGoods: true, goods: 'Semillas de maíz' });
  const h = await startDispatch(stack.client, stack.config.TEMPORAL_TASK_QUEUE, d);
  await toChannel(h, 'verde');
  const scheduledFor = (await stack.env.currentTimeMs()) + 3 * 24 * HOUR;
  const scheduled = await h.executeUpdate(m.senasaInspectionScheduled, {
    args: [{ actor, scheduledFor: new Date(scheduledFor).toISOString(), place: 'Terminal APMTC, zona SENASA', inspector: 'Ing. Carla Ríos' }],
  });
  expect(scheduled.deadlines.find((x) => x.clock === 'senasa_inspection')?.dueAt).toBe(new Date(scheduledFor + 24 * HOUR).toISOString());

  await sleepUntil(scheduledFor - 24 * HOUR - 60_000);
  expect(mails(d.dispatchId, 'SENASA')).toHaveLength(0);
  await stack.env.sleep('2 minutes');
  const reminder = await stack.smtp.waitFor((x) => mails(d.dispatchId, 'Recordatorio: Inspección de SENASA programada en Terminal APMTC, zona SENASA con Ing. Carla Ríos').includes(x));
  expect(reminder.to).toEqual(['jorge.salas@agencia.example.pe']);

  const blocked = await h.executeUpdate(m.levanteGranted, { args: [{ actor }] }).catch((err: Error & { cause?: Error }) => err.cause?.message);
  expect(blocked).toContain('falta el informe de inspección de SENASA');

  await sleepUntil(scheduledFor + 24 * HOUR + 60_000);
  const alert = await stack.smtp.waitFor((x) => mails(d.dispatchId, 'ALERTA: venció Inspección de SENASA y su informe').includes(x));
  expect(alert.to).toEqual(expect.arrayContaining(['supervision@agencia.example.pe']));
  await h.executeUpdate(m.senasaReportReceived, { args: [{ actor }] });
  const released = await h.executeUpdate(m.levanteGranted, { args: [{ actor }] });
  expect(released.status).toBe('released');
  expect(mails(d.dispatchId, 'SENASA')).toHaveLength(2);
});
