/**
 * Bounded retries that lose nothing (change bounded-side-effects-2026-12): with the mail server down longer than
 * the email activity's retries, the dispatch keeps working, shows an incident, and sends the email — once —
 * when the server is back, at the next retry ten minutes later.
 */
import { WorkflowUpdateStage } from '@temporalio/client';
import { documentsReceived, getDispatch } from '../../workflows/dispatch.messages';
import { sampleDispatch, startDispatch } from '../support/fixtures';
import { startTimeSkippingStack, type TimeSkippingStack } from '../support/timeskipping';
import { waitFor } from '../support/wait-for';

jest.setTimeout(120_000);

let stack: TimeSkippingStack;
beforeAll(async () => {
  stack = await startTimeSkippingStack('outage');
});
afterAll(() => stack?.close());

const acks = (id: string) => stack.smtp.received.filter((m) => m.subject === `[${id}] Hemos recibido su despacho`);

test('mail down past the retries: the action answers, an incident shows, the email goes once when mail is back', async () => {
  const d = sampleDispatch();
  stack.smtp.setDown(true);
  let handle: Awaited<ReturnType<typeof startDispatch>>;
  try {
    handle = await startDispatch(stack.client, stack.config.TEMPORAL_TASK_QUEUE, d);
    // Eight attempts with backoff up to 2 min take about 4 min: past them the acknowledgement waits in the outbox.
    await stack.env.sleep('6 minutes');
    const view = await handle.query(getDispatch);
    expect(view.incidents).toEqual([expect.objectContaining({ kind: 'infrastructure', actor: 'levante', description: expect.stringContaining('Acuse de recibo al cliente') })]);
    // The dispatch goes on meanwhile: an operator action answers at once.
    const after = await handle.executeUpdate(documentsReceived, { args: [{ actor: 'op', documents: ['commercial_invoice'] }] });
    expect(after.documentsReceived).toHaveProperty('commercial_invoice');
    expect(acks(d.dispatchId)).toHaveLength(0);
  } finally {
    stack.smtp.setDown(false);
  }
  // The next retry comes 10 min after the outage outlasted the retries.
  await stack.env.sleep('11 minutes');
  const ack = await stack.smtp.waitFor((m) => m.subject === `[${d.dispatchId}] Hemos recibido su despacho`, 30_000);
  expect(ack.to).toEqual(expect.arrayContaining(['lucia.ramos@andina.example.pe']));
  // The missing-documents email queued behind it follows in order; after it, still exactly one acknowledgement.
  await stack.smtp.waitFor((m) => m.subject === `[${d.dispatchId}] Documentos pendientes para su despacho`, 30_000);
  expect(acks(d.dispatchId)).toHaveLength(1);
  await handle.terminate('test over');
});

test('records down past the retries: the action answers, the write waits in order and lands when the database is back', async () => {
  const d = sampleDispatch();
  const handle = await startDispatch(stack.client, stack.config.TEMPORAL_TASK_QUEUE, d);
  await stack.smtp.waitFor((m) => m.subject === `[${d.dispatchId}] Hemos recibido su despacho`);
  const statuses = () => stack.prisma.statusHistory.findMany({ where: { dispatchId: d.dispatchId }, orderBy: { at: 'asc' } });
  expect((await statuses()).map((s) => s.status)).toEqual(['opened']);
  // The status history table "goes away" (as when PostgreSQL refuses writes): every status write fails.
  await stack.prisma.$executeRawUnsafe('ALTER TABLE status_history RENAME TO status_history_offline');
  try {
    const update = await handle.startUpdate(documentsReceived, { args: [{ actor: 'op', documents: [...(await handle.query(getDispatch)).missingDocuments] }], waitForStage: WorkflowUpdateStage.ACCEPTED });
    await stack.env.sleep('5 minutes'); // past the 8 attempts of the record write
    const view = await update.result();
    expect(view.status).toBe('documents_complete');
    expect(view.incidents).toEqual([expect.objectContaining({ kind: 'infrastructure', description: expect.stringContaining('registro en la base de datos') })]);
  } finally {
    await stack.prisma.$executeRawUnsafe('ALTER TABLE status_history_offline RENAME TO status_history');
  }
  expect((await statuses()).map((s) => s.status)).toEqual(['opened']);
  await stack.env.sleep('11 minutes'); // the next retry
  await waitFor(async () => (await statuses()).length >= 2, { timeout: 30_000, interval: 200, what: 'the waiting status write to land' });
  expect((await statuses()).map((s) => s.status)).toEqual(['opened', 'documents_complete']);
  const row = await stack.prisma.dispatch.findUniqueOrThrow({ where: { id: d.dispatchId } });
  expect(row.status).toBe('documents_complete');
  await handle.terminate('test over');
});
