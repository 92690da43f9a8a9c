/**
 * Idempotency of operator actions across runs: the request id of an applied action is carried in the book
 * across continue-as-new, so a retry that reaches a later run (where Temporal no longer knows the Update id)
 * is answered with the current state instead of being applied again.
 */
import { peruCalendar } from '../../domain/calendar';
import { emptyBook } from '../../domain/dispatch-book';
import { requiredDocuments } from '../../domain/documents';
import { initialState } from '../../domain/state-machine';
import type { dispatchWorkflow } from '../../workflows';
import { documentsReceived, type DispatchWorkflowInput } from '../../workflows/dispatch.messages';
import { dispatchWorkflowId } from '../../domain/ids';
import { sampleDispatch } from '../support/fixtures';
import { startTestStack, type TestStack } from '../support/stack';

jest.setTimeout(60_000);

let stack: TestStack;
beforeAll(async () => {
  stack = await startTestStack('request_ids');
});
afterAll(() => stack?.close());

test('a request applied in an earlier run is answered, not applied again; a new one is applied once', async () => {
  const dispatch = sampleDispatch();
  const openedAt = new Date().toISOString();
  const book = { ...emptyBook(dispatch.eta, dispatch.vessel), appliedRequests: ['documents-received:antes-del-continue-as-new'] };
  // The input a continue-as-new hands to the next run (workflows/dispatch.workflow.ts).
  const input: DispatchWorkflowInput = {
    dispatch,
    openedAt,
    carried: { state: initialState(dispatch, requiredDocuments(dispatch), openedAt), book, calendar: peruCalendar([]), searchAttributes: '' },
  };
  const handle = await stack.client.workflow.start<typeof dispatchWorkflow>('dispatchWorkflow', {
    taskQueue: stack.config.TEMPORAL_TASK_QUEUE,
    workflowId: dispatchWorkflowId(dispatch.dispatchId),
    args: [input],
  });
  // Each receipt stamps the document with its occurredAt: a receipt applied twice would carry the later time.
  const receive = (requestId: string, updateId: string, occurredAt: string) =>
    handle.executeUpdate(documentsReceived, { args: [{ actor: 'operador', documents: ['commercial_invoice'], requestId, occurredAt }], updateId });
  const first = new Date(Date.now() - 60_000).toISOString();
  const later = new Date(Date.now() - 30_000).toISOString();

  const retried = await receive('documents-received:antes-del-continue-as-new', 'otra-corrida-1', first);
  expect(retried.documentsReceived).toEqual({});

  const applied = await receive('documents-received:nueva', 'u-1', first);
  expect(applied.documentsReceived).toEqual({ commercial_invoice: first });
  // The same request under another Update id (as after a continue-as-new) is answered, not applied again...
  const again = await receive('documents-received:nueva', 'u-2', later);
  expect(again.documentsReceived).toEqual({ commercial_invoice: first });
  // ...while a new request with the same content is applied (the later stamp shows it).
  const fresh = await receive('documents-received:otra', 'u-3', later);
  expect(fresh.documentsReceived).toEqual({ commercial_invoice: later });
  await handle.terminate('test over');
});
