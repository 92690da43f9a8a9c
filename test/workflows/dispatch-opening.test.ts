/** The first slice on the real dev server: open a dispatch, it is recorded, acknowledged, searchable and queryable. */
import { WorkflowExecutionAlreadyStartedError } from '@temporalio/client';
import { getDispatch } from '../../workflows/dispatch.messages';
import { startTestStack, type TestStack } from '../support/stack';
import { sampleDispatch, startDispatch } from '../support/fixtures';

jest.setTimeout(60_000);

let stack: TestStack;
beforeAll(async () => {
  stack = await startTestStack('opening');
});
afterAll(() => stack?.close());

test('opening a dispatch records it, emails the acknowledgement once and waits for documents', async () => {
  const dispatch = sampleDispatch();
  const handle = await startDispatch(stack.client, stack.config.TEMPORAL_TASK_QUEUE, dispatch);

  const ack = await stack.smtp.waitFor((m) => m.subject.includes(dispatch.dispatchId));
  expect(ack.subject).toBe(`[${dispatch.dispatchId}] Hemos recibido su despacho`);
  expect(ack.to).toEqual(expect.arrayContaining(['lucia.ramos@andina.example.pe', 'jorge.salas@agencia.example.pe']));
  expect(ack.text).toContain('Importadora Andina S.A.C.');

  const view = await handle.query(getDispatch);
  expect(view.status).toBe('opened');
  expect(view.missingDocuments).toEqual(expect.arrayContaining(['commercial_invoice', 'bill_of_lading']));

  const row = await stack.prisma.dispatch.findUnique({ where: { id: dispatch.dispatchId } });
  expect(row?.status).toBe('opened');
  const history = await stack.prisma.statusHistory.findMany({ where: { dispatchId: dispatch.dispatchId } });
  expect(history.map((h) => h.status)).toEqual(['opened']);

  const described = await handle.describe();
  expect(described.typedSearchAttributes.getAll().map((p) => [p.key.name, p.value])).toEqual(
    expect.arrayContaining([
      ['ClientRuc', '20100047218'],
      ['DispatchStatus', 'opened'],
      ['Terminal', 'APMTC'],
      ['ExecutiveId', 'ESC-07'],
    ]),
  );
  expect(stack.smtp.received.filter((m) => m.subject.includes(dispatch.dispatchId))).toHaveLength(1);
});

test('the same business id cannot be opened twice', async () => {
  const dispatch = sampleDispatch();
  await startDispatch(stack.client, stack.config.TEMPORAL_TASK_QUEUE, dispatch);
  await expect(startDispatch(stack.client, stack.config.TEMPORAL_TASK_QUEUE, dispatch)).rejects.toBeInstanceOf(
    WorkflowExecutionAlreadyStartedError,
  );
});
