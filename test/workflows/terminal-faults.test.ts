/** Terminals that say no, or do not answer for a while: incidents, the operator told why, never a double booking. */
import { WorkflowUpdateFailedError } from '@temporalio/client';
import * as m from '../../workflows/dispatch.messages';
import { startTestStack, type TestStack } from '../support/stack';
import { sampleDispatch, startDispatch } from '../support/fixtures';
import { toLevante } from '../support/drive';
import { bookingsFor, simulatorAdmin } from '../support/simulator-admin';
import { waitForPendingActivity } from '../support/wait-for';

jest.setTimeout(120_000);

let stack: TestStack;
beforeAll(async () => {
  stack = await startTestStack('terminals');
});
afterAll(() => stack?.close());

async function readyForAppointment() {
  const d = sampleDispatch({ terminal: 'APMTC' });
  const handle = await startDispatch(stack.client, stack.config.TEMPORAL_TASK_QUEUE, d);
  await toLevante(handle);
  await handle.executeUpdate(m.requestProforma, { args: [{ actor: 'op' }] });
  await handle.executeUpdate(m.requestLiquidation, { args: [{ actor: 'op' }] });
  return { d, handle };
}

test('APMTC rejects the appointment (no slot): incident, email to the executive, Spanish reason; the next try books once', async () => {
  const { d, handle } = await readyForAppointment();
  // Without a chosen slot each allowed slot of the day is tried in turn (import-steps-2026-12): the day is full
  // when the four slots outside Callao's truck restrictions (10:00, 12:00, 14:00, 16:00) all answer NO_SLOT.
  await simulatorAdmin(stack.simulatorUrl, '/_admin/rejections', { count: 4, code: 'NO_SLOT', terminal: 'APMTC', kind: 'appointment' });

  const err = await handle.executeUpdate(m.bookAppointment, { args: [{ actor: 'op', date: '2026-12-16' }] }).catch((e) => e);
  expect(err).toBeInstanceOf(WorkflowUpdateFailedError);
  expect(err.cause.message).toMatch(/^APMTC rechazó la cita de retiro: .*Se registró una incidencia/);
  const incidents = await stack.prisma.incident.findMany({ where: { dispatchId: d.dispatchId } });
  expect(incidents).toEqual([expect.objectContaining({ kind: 'terminal_rejection' })]);
  const mail = await stack.smtp.waitFor((x) => x.subject.startsWith(`[${d.dispatchId}] APMTC rechazó la cita de retiro`));
  expect(mail.to).toEqual(['jorge.salas@agencia.example.pe']);

  const view = await handle.executeUpdate(m.bookAppointment, { args: [{ actor: 'op', date: '2026-12-17' }] });
  expect(view.milestones.withdrawal.appointmentAt).toBeDefined();
  expect(view.incidents).toHaveLength(1);
  expect(await bookingsFor(stack.simulatorUrl, d.bl, 'appointment')).toHaveLength(1);
});

test('an APMTC outage that heals: the booking is retried with backoff and made exactly once', async () => {
  const { d, handle } = await readyForAppointment();
  await simulatorAdmin(stack.simulatorUrl, '/_admin/faults', { terminal: 'APMTC', failNext: 3 });
  const view = await handle.executeUpdate(m.bookAppointment, { args: [{ actor: 'op', date: '2026-12-18' }] });
  expect(view.milestones.withdrawal.appointmentAt).toBeDefined();
  expect(view.incidents).toHaveLength(0);
  expect(await bookingsFor(stack.simulatorUrl, d.bl, 'appointment')).toHaveLength(1);

  const history = await handle.fetchHistory();
  const completed = history.events!.filter((e) => e.activityTaskCompletedEventAttributes);
  const started = history.events!.filter((e) => e.activityTaskStartedEventAttributes?.attempt === 4);
  expect(started).toHaveLength(1); // three 503s, then the fourth attempt succeeded
  expect(completed.length).toBeGreaterThan(0);
  await simulatorAdmin(stack.simulatorUrl, '/_admin/faults', {});
});

test('two concurrent requests for the same step: the second is refused while the first is in flight', async () => {
  const { d, handle } = await readyForAppointment();
  await simulatorAdmin(stack.simulatorUrl, '/_admin/faults', { terminal: 'APMTC', latencyMs: 1500 });
  const first = handle.executeUpdate(m.bookAppointment, { args: [{ actor: 'op', date: '2026-12-19' }] });
  // In flight: the first request's booking activity is scheduled (the terminal answers 1.5 s later).
  await waitForPendingActivity(handle, 'requestAppointment', { what: 'the first booking request to be in flight' });
  const second = await handle.executeUpdate(m.bookAppointment, { args: [{ actor: 'op2', date: '2026-12-19' }] }).catch((e) => e.cause?.message);
  expect(second).toContain('en curso');
  await first;
  await simulatorAdmin(stack.simulatorUrl, '/_admin/faults', {});
  expect(await bookingsFor(stack.simulatorUrl, d.bl, 'appointment')).toHaveLength(1);
});
