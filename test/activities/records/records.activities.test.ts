import { MockActivityEnvironment } from '@temporalio/testing';
import { DefaultLogger } from '@temporalio/worker';
import { ApplicationFailure } from '@temporalio/common';
import { createPrismaRecordStore, createRecordActivities, type DispatchRecord, type RecordActivities } from '../../../activities/records';
import { ErrorType } from '../../../domain/errors';
import { createPrisma, type PrismaClient } from '../../../prisma/client';
import { createFreshDatabase, type FreshDatabase } from '../../support/fresh-database';

let db: FreshDatabase;
let prisma: PrismaClient;
let activities: RecordActivities;
// Expected failures would otherwise be logged as warnings by the SDK.
const env = new MockActivityEnvironment(undefined, { logger: new DefaultLogger('ERROR') });

beforeAll(async () => {
  db = await createFreshDatabase('levante_record_activities');
  prisma = createPrisma(db.url);
  const store = createPrismaRecordStore(prisma);
  activities = createRecordActivities({ readModel: store, glosas: store, incidents: store, appointments: store });
});
afterAll(async () => {
  await prisma.$disconnect();
  await db.drop();
});

const record: DispatchRecord = {
  dispatchId: 'DSP-2026-000777',
  workflowId: 'dispatch-DSP-2026-000777',
  clientRuc: '20100047218',
  clientName: 'Importadora Andina SAC',
  direction: 'import',
  regime: '10',
  modality: 'diferido',
  terminal: 'DPWC',
  status: 'opened',
  channel: null,
  damNumber: null,
  vessel: 'MAERSK LIMA',
  eta: '2026-12-01T10:00:00.000Z',
  bl: 'MAEU998877',
  goods: 'Textiles',
  restrictedGoods: false,
  executiveId: 'ESC-01',
  executiveName: 'Ana Torres',
  executiveEmail: 'ana@broker.pe',
  nextDeadlineAt: null,
  nextDeadlineClock: null,
  atRisk: false,
  overdue: false,
  openedAt: '2026-11-25T13:00:00.000Z',
  closedAt: null,
};

async function failure(promise: Promise<unknown>): Promise<ApplicationFailure> {
  const error = await promise.then(() => undefined, (caught: unknown) => caught);
  expect(error).toBeInstanceOf(ApplicationFailure);
  return error as ApplicationFailure;
}

it('records the dispatch, its status changes, a glosa, an incident and a terminal request, each once', async () => {
  await env.run(activities.recordDispatch, record);
  await env.run(activities.recordDispatch, { ...record, status: 'documents_pending' });
  const change = { dispatchId: record.dispatchId, status: 'documents_pending', at: '2026-11-25T13:05:00.000Z', actor: 'ana', idempotencyKey: `${record.workflowId}/documents_pending` };
  expect(await env.run(activities.recordStatusChange, change)).toEqual({ recorded: true });
  expect(await env.run(activities.recordStatusChange, change)).toEqual({ recorded: false });
  const glosa = { dispatchId: record.dispatchId, code: '40025' as const, payload: { status: 'documents_pending', eta: record.eta }, actor: 'levante', at: change.at, idempotencyKey: `${record.workflowId}/glosa-1` };
  expect(await env.run(activities.recordGlosa, glosa)).toEqual({ recorded: true });
  expect(await env.run(activities.recordGlosa, glosa)).toEqual({ recorded: false });
  const incident = { dispatchId: record.dispatchId, kind: 'complaint' as const, description: 'Cliente reclama demora', actor: 'ana', at: change.at, idempotencyKey: `${record.workflowId}/complaint-1` };
  expect(await env.run(activities.recordIncident, incident)).toEqual({ recorded: true });
  const booking = { idempotencyKey: `${record.workflowId}/bl_assignment`, dispatchId: record.dispatchId, terminal: 'DPWC' as const, kind: 'bl_assignment' as const, reference: 'DPW-1', slot: null, status: 'confirmed' };
  await env.run(activities.recordAppointment, booking);
  await env.run(activities.recordAppointment, booking);

  expect(await prisma.dispatch.findUniqueOrThrow({ where: { id: record.dispatchId } })).toMatchObject({ status: 'documents_pending' });
  expect(await prisma.statusHistory.count({ where: { dispatchId: record.dispatchId } })).toBe(1);
  expect(await prisma.glosa.count({ where: { dispatchId: record.dispatchId } })).toBe(1);
  expect(await prisma.incident.count({ where: { dispatchId: record.dispatchId } })).toBe(1);
  expect(await prisma.appointment.count({ where: { dispatchId: record.dispatchId } })).toBe(1);
});

it('rejects an unknown glosa code without retrying', async () => {
  const error = await failure(
    env.run(activities.recordGlosa, {
      dispatchId: record.dispatchId, code: '99999' as never, payload: {}, actor: 'ana', at: '2026-11-25T13:05:00.000Z', idempotencyKey: 'k-bad-code',
    }),
  );
  expect(error).toMatchObject({ type: ErrorType.InvalidInput, nonRetryable: true });
  expect(error.message).toMatch(/unknown glosa code "99999"/);
});

it('rejects a malformed date without retrying', async () => {
  const error = await failure(env.run(activities.recordStatusChange, {
    dispatchId: record.dispatchId, status: 'x', at: 'yesterday', actor: 'ana', idempotencyKey: 'k-bad-date',
  }));
  expect(error).toMatchObject({ type: ErrorType.InvalidInput, nonRetryable: true });
});

it('says NotFound, without retrying, when the dispatch was never recorded', async () => {
  const error = await failure(env.run(activities.recordIncident, {
    dispatchId: 'DSP-NEVER', kind: 'other' as const, description: '…', actor: 'ana', at: '2026-11-25T13:05:00.000Z', idempotencyKey: 'k-orphan',
  }));
  expect(error).toMatchObject({ type: ErrorType.NotFound, nonRetryable: true });
  expect(error.message).toMatch(/DSP-NEVER is not in the read model/);
});
