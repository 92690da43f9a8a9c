/**
 * The import path as it really runs (lifecycle feature import-steps-2026-12) through the real worker, the dev
 * server, PostgreSQL and the terminal simulator over HTTP: two containers at APMTC, each booked at the terminal,
 * picked up, delivered (with its delivery receipt) and returned on different days; SADA regularized before the
 * containers come back; an appointment in Callao's morning truck restriction refused in Spanish.
 */
import { WorkflowUpdateFailedError } from '@temporalio/client';
import { containerFacts } from '../../domain/imports/containers';
import * as m from '../../workflows/dispatch.messages';
import { deliverOriginals, toLevante } from '../support/drive';
import { sampleDispatch, startDispatch } from '../support/fixtures';
import { bookingsFor } from '../support/simulator-admin';
import { startTestStack, type TestStack } from '../support/stack';

jest.setTimeout(120_000);

let stack: TestStack;
beforeAll(async () => {
  stack = await startTestStack('import_steps');
});
afterAll(() => stack?.close());

const actor = 'seguimiento.prueba';
const rejection = (err: unknown) => (err instanceof WorkflowUpdateFailedError ? (err.cause as Error).message : String(err));
const DAY = 86_400_000;
/** `days` ago at the same time: facts recorded after they happened, on different days. */
const daysAgo = (days: number) => new Date(Date.now() - days * DAY).toISOString();

test('two containers at APMTC: each booked at the terminal, delivered and returned on its own day; SADA regularized before the returns', async () => {
  const C1 = 'MSCU7654321';
  const C2 = 'TGHU1234560';
  const d = sampleDispatch({
    terminal: 'APMTC',
    modality: 'anticipado',
    containers: [{ containerNumber: C1, size: '40' }, { containerNumber: C2, size: '20' }],
  });
  const h = await startDispatch(stack.client, stack.config.TEMPORAL_TASK_QUEUE, d);
  const released = await toLevante(h, 'verde');
  expect(released.milestones.features).toContain('import-steps-2026-12');
  await h.executeUpdate(m.dischargeEnded, { args: [{ actor, occurredAt: daysAgo(8) }] });
  await h.executeUpdate(m.requestProforma, { args: [{ actor }] });
  await h.executeUpdate(m.requestLiquidation, { args: [{ actor }] });

  // 08:00 falls in the morning truck restriction: refused before anything reaches the terminal.
  const refused = await h.executeUpdate(m.bookAppointment, { args: [{ actor, date: '2026-12-15', slot: '08:00', containerNumber: C1 }] }).catch(rejection);
  expect(refused).toBe('No se puede reservar la cita de retiro en el turno de las 08:00: cae en la restricción de tránsito de carga pesada de la mañana (06:00–10:00) del Callao. El siguiente turno permitido es el de las 10:00 del 2026-12-15.');
  expect(await bookingsFor(stack.simulatorUrl, d.bl, 'appointment')).toHaveLength(0);

  await h.executeUpdate(m.bookAppointment, { args: [{ actor, date: '2026-12-15', containerNumber: C1 }] });
  await h.executeUpdate(m.bookAppointment, { args: [{ actor, date: '2026-12-16', slot: '12:00', containerNumber: C2 }] });
  const appointments = await bookingsFor(stack.simulatorUrl, d.bl, 'appointment');
  expect(appointments.map((b) => (b.kind === 'appointment' ? [b.containerNumbers, b.slotId] : []))).toEqual([
    [[C1], 'APMTC-2026-12-15-1000'],
    [[C2], 'APMTC-2026-12-16-1200'],
  ]);

  // Container 1: picked up, delivered and (after the SADA regularization) returned on its own days.
  await h.executeUpdate(m.preExitCoordinated, { args: [{ actor, containerNumber: C1, warehouse: 'Almacén Andina', pickupDate: '2026-12-31' }] });
  await h.executeUpdate(m.pickupCoordinated, { args: [{ actor, containerNumber: C1, occurredAt: daysAgo(6) }] });
  const first = await h.executeUpdate(m.delivered, {
    args: [{ actor, containerNumber: C1, occurredAt: daysAgo(6), receipt: { receivedBy: 'Juan Pérez (almacén del cliente)', receivedAt: daysAgo(6), documentRef: 'GR-001-4567' } }],
  });
  expect(first.status).toBe('withdrawal_in_progress');
  const regularized = await h.executeUpdate(m.regularized, { args: [{ actor, occurredAt: daysAgo(5) }] });
  expect(regularized.status).toBe('withdrawal_in_progress');
  expect(regularized.deadlines.map((x) => x.clock)).not.toContain('regularization_target');
  await h.executeUpdate(m.bookContainerReturn, { args: [{ actor, containerNumber: C1, date: '2026-12-18', depot: 'Depósito Vacíos Callao' }] });
  await h.executeUpdate(m.containerReturned, { args: [{ actor, containerNumber: C1, occurredAt: daysAgo(4) }] });

  // Container 2, on later days.
  await h.executeUpdate(m.pickupCoordinated, { args: [{ actor, containerNumber: C2, occurredAt: daysAgo(3) }] });
  const delivered = await h.executeUpdate(m.delivered, {
    args: [{ actor, containerNumber: C2, occurredAt: daysAgo(3), receipt: { receivedBy: 'Rosa Díaz', receivedAt: daysAgo(3), documentRef: 'GR-001-4590' } }],
  });
  expect(delivered.status).toBe('delivered');
  await h.executeUpdate(m.bookContainerReturn, { args: [{ actor, containerNumber: C2, date: '2026-12-19', depot: 'Depósito Vacíos Callao' }] });
  const returned = await h.executeUpdate(m.containerReturned, { args: [{ actor, containerNumber: C2, occurredAt: daysAgo(1) }] });
  expect(returned.status).toBe('container_returned');

  const returns = await bookingsFor(stack.simulatorUrl, d.bl, 'container-return');
  expect(returns.map((b) => (b.kind === 'container-return' ? b.containerNumber : ''))).toEqual([C1, C2]);
  const facts = containerFacts(returned.milestones);
  expect(facts.map((f) => f.containerNumber)).toEqual([C1, C2]);
  expect(new Set(facts.map((f) => f.pickedUpAt?.slice(0, 10))).size).toBe(2);
  expect(new Set(facts.map((f) => f.returnedAt?.slice(0, 10))).size).toBe(2);
  expect(facts.every((f) => f.dischargeEndedAt === returned.milestones.dischargeEndedAt)).toBe(true);
  expect(returned.milestones.containers?.[C2]?.delivery).toEqual({ receivedBy: 'Rosa Díaz', receivedAt: expect.any(String), documentRef: 'GR-001-4590' });

  await deliverOriginals(h); // closing waits for the originals in the Archive (money-clocks-2026-12)
  const closed = await h.executeUpdate(m.closeDispatch, { args: [{ actor }] });
  expect(closed.status).toBe('closed');
  await h.result();
  const history = await stack.prisma.statusHistory.findMany({ where: { dispatchId: d.dispatchId }, orderBy: { at: 'asc' } });
  // One status row per status, each at the time it happened (delivery and return were recorded days after).
  expect(history.map((x) => x.status).sort()).toEqual([
    'opened', 'documents_complete', 'documents_reviewed', 'draft_emitted', 'draft_approved', 'dam_numbered',
    'channel_assigned', 'released', 'withdrawal_in_progress', 'delivered', 'container_returned', 'closed',
  ].sort());
  expect(history.find((x) => x.status === 'delivered')?.at.toISOString()).toBe(delivered.milestones.deliveredAt);
  const recorded = await stack.prisma.appointment.findMany({ where: { dispatchId: d.dispatchId, kind: { in: ['appointment', 'container_return'] } } });
  expect(recorded).toHaveLength(4);
});
