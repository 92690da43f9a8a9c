/** Whole dispatches on the dev server, with the real SMTP server and the terminal simulator counting side effects. */
import { WorkflowUpdateFailedError } from '@temporalio/client';
import * as m from '../../workflows/dispatch.messages';
import { startTestStack, type TestStack } from '../support/stack';
import { sampleDispatch, startDispatch } from '../support/fixtures';
import { claveSol, deliverOriginals, inspections, receiveAllDocuments, toLevante, toShipped, withdrawAndReturn } from '../support/drive';
import { bookingsFor } from '../support/simulator-admin';
import { waitForPendingActivity } from '../support/wait-for';

jest.setTimeout(90_000);

let stack: TestStack;
beforeAll(async () => {
  stack = await startTestStack('lifecycle');
});
afterAll(() => stack?.close());

const mailsFor = (id: string) => stack.smtp.received.filter((x) => x.subject.startsWith(`[${id}]`));
const rejection = (err: unknown) => (err instanceof WorkflowUpdateFailedError ? (err.cause as Error).message : String(err));

test('green-channel import at APMTC from opening to closure: one booking per step, one email per notification', async () => {
  const d = sampleDispatch({ terminal: 'APMTC' });
  const handle = await startDispatch(stack.client, stack.config.TEMPORAL_TASK_QUEUE, d);
  await toLevante(handle, 'verde');
  await withdrawAndReturn(handle);
  await deliverOriginals(handle); // closing waits for the originals in the Archive (money-clocks-2026-12)
  const closed = await handle.executeUpdate(m.closeDispatch, { args: [{ actor: 'esc' }] });
  expect(closed.status).toBe('closed');
  const result = await handle.result();
  expect(result.status).toBe('closed');

  expect(await bookingsFor(stack.simulatorUrl, d.bl, 'appointment')).toHaveLength(1);
  expect(await bookingsFor(stack.simulatorUrl, d.bl, 'container-return')).toHaveLength(1);
  // The closing sends the liquidation file to the liquidation area (money-clocks-2026-12).
  expect(mailsFor(d.dispatchId).map((x) => x.subject)).toEqual([`[${d.dispatchId}] Hemos recibido su despacho`, `[${d.dispatchId}] Expediente de liquidación del despacho cerrado`]);

  const history = await stack.prisma.statusHistory.findMany({ where: { dispatchId: d.dispatchId }, orderBy: { at: 'asc' } });
  expect(history.map((h) => h.status)).toEqual([
    'opened', 'documents_complete', 'documents_reviewed', 'draft_emitted', 'draft_approved', 'dam_numbered',
    'channel_assigned', 'released', 'withdrawal_in_progress', 'delivered', 'container_returned', 'closed',
  ]);
  const glosas = await stack.prisma.glosa.findMany({ where: { dispatchId: d.dispatchId, code: '40025' } });
  expect(glosas).toHaveLength(11); // one status glosa per status change after opening
  const requests = await stack.prisma.appointment.findMany({ where: { dispatchId: d.dispatchId } });
  expect(requests.map((r) => r.kind).sort()).toEqual(['appointment', 'container_return', 'liquidation', 'proforma']);
  const row = await stack.prisma.dispatch.findUniqueOrThrow({ where: { id: d.dispatchId } });
  expect(row.status).toBe('closed');
  expect(row.closedAt).not.toBeNull();
});

test('red channel with restricted goods at DPWC: no levante and no withdrawal before the SENASA report', async () => {
  const d = sampleDispatch({ terminal: 'DPWC', restrictedGoods: true, goods: 'Semillas de maíz' });
  const handle = await startDispatch(stack.client, stack.config.TEMPORAL_TASK_QUEUE, d);
  const received = await receiveAllDocuments(handle);
  expect(received.documentsReceived).toHaveProperty('senasa_permit');
  await handle.executeUpdate(m.documentsReviewed, { args: [{ actor: 'esc' }] });
  await handle.executeUpdate(m.draftEmitted, { args: [{ actor: 'esc' }] });
  await handle.executeUpdate(m.draftApproved, { args: [{ actor: 'esc' }] });
  await handle.executeUpdate(m.damNumbered, { args: [{ actor: 'esc', damNumber: '118-2026-10-004512' }] });
  await handle.executeUpdate(m.channelAssigned, { args: [{ actor: 'esc', channel: 'rojo' }] });

  const levante = await handle.executeUpdate(m.levanteGranted, { args: [{ actor: 'esc' }] }).catch(rejection);
  expect(levante).toContain('falta el informe de inspección de SENASA');
  const withdrawal = await handle.executeUpdate(m.requestProforma, { args: [{ actor: 'esc' }] }).catch(rejection);
  expect(withdrawal).toMatch(/^No se puede/);
  expect(await bookingsFor(stack.simulatorUrl, d.bl)).toHaveLength(0);

  // SENASA's inspection scheduled, its report, and (red channel) the physical inspection: then the levante.
  await inspections(handle, await handle.query(m.getDispatch));
  await handle.executeUpdate(m.levanteGranted, { args: [{ actor: 'esc' }] });
  const done = await withdrawAndReturn(handle);
  expect(done.status).toBe('container_returned');
  expect(await bookingsFor(stack.simulatorUrl, d.bl, 'bl-assignment')).toHaveLength(1);
});

test('definitive export from opening to closure', async () => {
  const d = sampleDispatch({ regime: '40', modality: 'diferido', terminal: 'DPWC' });
  const handle = await startDispatch(stack.client, stack.config.TEMPORAL_TASK_QUEUE, d);
  const shipped = await toShipped(handle);
  expect(shipped.deadlines.map((x) => x.clock)).toEqual(['regularization_target', 'regularization_legal']);
  await handle.executeUpdate(m.regularized, { args: [{ actor: 'esc', claveSol: claveSol() }] });
  await deliverOriginals(handle); // closing waits for the originals in the Archive (money-clocks-2026-12)
  await handle.executeUpdate(m.closeDispatch, { args: [{ actor: 'esc' }] });
  expect((await handle.result()).status).toBe('closed');
  const history = await stack.prisma.statusHistory.findMany({ where: { dispatchId: d.dispatchId }, orderBy: { at: 'asc' } });
  expect(history.map((h) => h.status)).toEqual([
    'opened', 'documents_complete', 'documents_reviewed', 'draft_emitted', 'draft_approved', 'dam_numbered', 'cargo_entry_registered',
    'channel_assigned', 'seals_registered', 'shipped', 'regularized', 'closed',
  ]);
});

test('cancelling a regularized export (no clock left to wait for) still sends the cancellation before completing', async () => {
  const d = sampleDispatch({ regime: '40', terminal: 'DPWC' });
  const handle = await startDispatch(stack.client, stack.config.TEMPORAL_TASK_QUEUE, d);
  await toShipped(handle);
  await handle.executeUpdate(m.regularized, { args: [{ actor: 'esc', claveSol: claveSol() }] });
  await handle.executeUpdate(m.cancelDispatch, { args: [{ actor: 'esc', reason: 'Apertura duplicada por error' }] });
  expect((await handle.result()).status).toBe('cancelled');
  // The workflow sends it before it completes: it is already at the mail server.
  expect(stack.smtp.received.filter((x) => x.subject === `[${d.dispatchId}] Despacho anulado`)).toHaveLength(1);
});

test('cancellation by the client: recorded with its reason, both parties informed, nothing accepted afterwards', async () => {
  const d = sampleDispatch();
  const handle = await startDispatch(stack.client, stack.config.TEMPORAL_TASK_QUEUE, d);
  await receiveAllDocuments(handle);
  const cancelled = await handle.executeUpdate(m.cancelDispatch, { args: [{ actor: 'esc', reason: 'El cliente desistió de la importación' }] });
  expect(cancelled.status).toBe('cancelled');
  expect(cancelled.deadlines).toEqual([]);
  const mail = await stack.smtp.waitFor((x) => x.subject === `[${d.dispatchId}] Despacho anulado`);
  expect(mail.text).toContain('El cliente desistió de la importación');
  expect((await handle.result()).status).toBe('cancelled');
  // The workflow has completed: nothing more can act on it (the API answers 409 in Spanish).
  const late = await handle.executeUpdate(m.documentsReviewed, { args: [{ actor: 'esc' }] }).catch(rejection);
  expect(late).toContain('already completed');
  const history = await stack.prisma.statusHistory.findMany({ where: { dispatchId: d.dispatchId }, orderBy: { at: 'asc' } });
  expect(history.at(-1)).toMatchObject({ status: 'cancelled', actor: 'esc', note: 'El cliente desistió de la importación' });
});

test('an invalid action is rejected before it reaches history, with a Spanish reason', async () => {
  const d = sampleDispatch();
  const handle = await startDispatch(stack.client, stack.config.TEMPORAL_TASK_QUEUE, d);
  const reason = await handle.executeUpdate(m.damNumbered, { args: [{ actor: 'esc', damNumber: '118-2026-10-000001' }] }).catch(rejection);
  expect(reason).toMatch(/^No se puede .*Lo que corresponde ahora es/);
  const history = await handle.fetchHistory();
  const updateEvents = history.events!.filter((e) => e.workflowExecutionUpdateAcceptedEventAttributes);
  expect(updateEvents).toHaveLength(0);
});

test('the mail server being down never holds up an operator: the action returns, the email follows when it recovers', async () => {
  const d = sampleDispatch();
  const handle = await startDispatch(stack.client, stack.config.TEMPORAL_TASK_QUEUE, d);
  await stack.smtp.waitFor((x) => x.subject === `[${d.dispatchId}] Hemos recibido su despacho`);
  stack.smtp.setDown(true);
  try {
    const view = await handle.executeUpdate(m.documentsReceived, { args: [{ actor: 'op', documents: ['commercial_invoice'] }] });
    expect(view.missingDocuments).toEqual(expect.arrayContaining(['bill_of_lading', 'packing_list']));
    // The workflow has tried to send the email and the mail server refused it: it is being retried, not lost.
    await waitForPendingActivity(handle, 'sendDispatchEmail', { minAttempt: 2, what: 'the missing-documents email to be retried' });
    expect(mailsFor(d.dispatchId).some((x) => x.subject.includes('Documentos pendientes'))).toBe(false);
  } finally {
    stack.smtp.setDown(false);
  }
  await stack.smtp.waitFor((x) => x.subject === `[${d.dispatchId}] Documentos pendientes para su despacho`, 30_000);
  expect(mailsFor(d.dispatchId).filter((x) => x.subject.includes('Documentos pendientes'))).toHaveLength(1);
});
