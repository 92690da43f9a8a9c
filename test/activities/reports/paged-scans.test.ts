/**
 * The scheduled scans over the real read model in PostgreSQL, with a page size of 2: they read page by page,
 * heartbeat after every dispatch with its id as cursor, resume after the cursor of a previous attempt (never
 * sending an email twice) and stop between dispatches once cancelled. Live views and the mailer are small fakes.
 */
import { CancelledFailure } from '@temporalio/common';
import { MockActivityEnvironment } from '@temporalio/testing';
import type { OutgoingEmail } from '../../../activities/email/mailer';
import { createPrismaRecordStore, type DispatchRecord, type PrismaRecordStore } from '../../../activities/records';
import { createPrismaReportQueries, createSupervisionActivities, type DispatchViews } from '../../../activities/reports';
import type { Deadline } from '../../../domain/clocks';
import type { DispatchView } from '../../../domain/dispatch-view';
import { createPrisma, type PrismaClient } from '../../../prisma/client';
import { createFreshDatabase, type FreshDatabase } from '../../support/fresh-database';

const PAGE_SIZE = 2;
const HOUR = 3_600_000;

let db: FreshDatabase;
let prisma: PrismaClient;
let store: PrismaRecordStore;
beforeAll(async () => {
  db = await createFreshDatabase('report_scans');
  prisma = createPrisma(db.url);
  store = createPrismaRecordStore(prisma);
});
afterAll(async () => {
  await prisma?.$disconnect();
  await db?.drop();
});

/** Live views served from a map, recording which workflows were asked; `onView` may fail or cancel. */
function fakeViews() {
  const views = new Map<string, DispatchView>();
  const asked: string[] = [];
  let onView: (workflowId: string, nth: number) => void = () => undefined;
  const port: DispatchViews = {
    async view(workflowId) {
      asked.push(workflowId);
      onView(workflowId, asked.length);
      return views.get(workflowId) ?? null;
    },
  };
  return { port, views, asked, failWhen: (fn: typeof onView) => (onView = fn) };
}

function setup() {
  const views = fakeViews();
  const sent: OutgoingEmail[] = [];
  const activities = createSupervisionActivities({
    queries: createPrismaReportQueries(prisma),
    views: views.port,
    mailer: { send: async (email) => void sent.push(email) },
    sentLog: store,
    roster: store,
    fallbackSupervisor: { name: 'Supervisión', email: 'supervision@agencia.example.pe' },
    pageSize: PAGE_SIZE,
  });
  return { activities, views, sent };
}

/** Runs one attempt of the activity, given the heartbeat details a previous attempt left; records its heartbeats. */
async function attempt<T>(fn: () => Promise<T>, info: { attempt?: number; heartbeatDetails?: unknown } = {}, onEnv?: (env: MockActivityEnvironment) => void) {
  const env = new MockActivityEnvironment({ attempt: info.attempt ?? 1, heartbeatDetails: info.heartbeatDetails });
  const beats: unknown[] = [];
  env.on('heartbeat', (details: unknown) => beats.push(details));
  onEnv?.(env);
  const outcome = await env.run(fn).then((value) => ({ value, error: undefined }), (error: unknown) => ({ value: undefined, error }));
  return { ...outcome, beats };
}

let serial = 0;
function dispatchRecord(prefix: string, overrides: Partial<DispatchRecord> = {}): DispatchRecord {
  const dispatchId = `DSP-${prefix}-${String(++serial).padStart(4, '0')}`;
  return {
    dispatchId, workflowId: `dispatch-${dispatchId}`, clientRuc: '20100047218', clientName: 'Importadora Andina SAC', direction: 'import',
    regime: '10', modality: 'anticipado', terminal: 'APMTC', status: 'documents_pending', channel: null, damNumber: null, vessel: 'MSC ARICA',
    eta: '2026-12-01T10:00:00.000Z', bl: `MEDU${serial}`, goods: 'Repuestos', restrictedGoods: false, executiveId: 'ESC-01', executiveName: 'Ana Torres',
    executiveEmail: 'ana@broker.pe', nextDeadlineAt: null, nextDeadlineClock: null, atRisk: false, overdue: false, openedAt: '2026-11-25T13:00:00.000Z', closedAt: null,
    ...overrides,
  };
}

// Only the fields the scans read from a live view.
function viewOf(r: DispatchRecord, deadlines: Deadline[]): DispatchView {
  return {
    dispatchId: r.dispatchId, client: { ruc: r.clientRuc, name: r.clientName }, executive: { name: r.executiveName, email: r.executiveEmail },
    regime: r.regime, terminal: r.terminal, vessel: r.vessel, eta: r.eta, bl: r.bl, statusLabel: 'Documentos pendientes', deadlines, complaints: [],
  } as Partial<DispatchView> as DispatchView;
}

const cursors = (beats: unknown[]) => beats.map((b) => (b as { progress: { cursor: string | null } }).progress.cursor);

test('the escalation re-check pages and heartbeats each dispatch; a retry resumes after the cursor and never sends twice', async () => {
  const { activities, views, sent } = setup();
  const overdue = Array.from({ length: 5 }, () => dispatchRecord('RCK', { overdue: true }));
  for (const r of overdue) {
    await store.upsertDispatch(r);
    views.views.set(r.workflowId, viewOf(r, [{ clock: 'document_review', dueAt: new Date(Date.now() - HOUR).toISOString(), label: 'Revisión de documentos' }]));
  }
  const keyOf = (r: DispatchRecord) => `${r.workflowId}/notice/document_review/main/missed`;

  // Attempt 1 loses the worker's connection to Temporal while asking the 4th dispatch for its view.
  views.failWhen((workflowId) => {
    if (workflowId === overdue[3]!.workflowId) throw new Error('connection lost');
  });
  const first = await attempt(() => activities.recheckEscalations({ graceMs: 1_000 }));
  expect(first.error).toEqual(new Error('connection lost'));
  expect(cursors(first.beats)).toEqual(overdue.slice(0, 3).map((r) => r.dispatchId)); // across two pages of 2
  expect(first.beats.at(-1)).toEqual({ scan: 'escalation-recheck', progress: { cursor: overdue[2]!.dispatchId, checked: 3, sent: overdue.slice(0, 3).map(keyOf) } });
  expect(sent).toHaveLength(3);

  // Attempt 2 starts from the last heartbeat: the three dispatches before the cursor are not asked again.
  views.failWhen(() => undefined);
  views.asked.length = 0;
  const second = await attempt(() => activities.recheckEscalations({ graceMs: 1_000 }), { attempt: 2, heartbeatDetails: first.beats.at(-1) });
  expect(second.value).toEqual({ checked: 5, sent: overdue.map(keyOf) });
  expect(views.asked).toEqual(overdue.slice(3).map((r) => r.workflowId));
  expect(cursors(second.beats)).toEqual(overdue.slice(3).map((r) => r.dispatchId));

  // An attempt resuming from an older cursor checks those dispatches again, and the sent-mail log stops a second email.
  views.asked.length = 0;
  const third = await attempt(() => activities.recheckEscalations({ graceMs: 1_000 }), { attempt: 3, heartbeatDetails: first.beats[0] });
  expect(third.value).toEqual({ checked: 5, sent: [keyOf(overdue[0]!)] });
  expect(views.asked).toEqual(overdue.slice(1).map((r) => r.workflowId));
  expect(sent.map((m) => m.messageId).sort()).toEqual([...new Set(sent.map((m) => m.messageId))].sort());
  expect(sent).toHaveLength(5);
});

test('the expiry sweep resumes with the regimes a previous attempt found, and pages through mandates', async () => {
  const { activities, views, sent } = setup();
  const regimes = Array.from({ length: 4 }, () => dispatchRecord('EXP', { regime: '20', status: 'released' }));
  for (const r of regimes) {
    await store.upsertDispatch(r);
    await store.appendStatus({ dispatchId: r.dispatchId, status: 'released', at: '2026-06-01T15:00:00.000Z', actor: 'sunat', idempotencyKey: `${r.workflowId}/status/released` });
    views.views.set(r.workflowId, viewOf(r, [{ clock: 'regime_expiry', dueAt: '2027-01-15T05:00:00.000Z', label: 'Vencimiento del régimen' }]));
  }
  const mandates = ['20511111111', '20522222222', '20533333333'];
  for (const clientRuc of mandates) {
    await prisma.clientMandate.create({ data: { clientRuc, grantedAt: new Date('2025-12-20T05:00:00.000Z'), expiresAt: new Date('2026-12-20T05:00:00.000Z') } });
  }
  // What attempt 1 heartbeated after the 2nd dispatch: its item for the 1st (the 2nd was not within the horizon).
  const carried = { dispatchId: regimes[0]!.dispatchId, clientRuc: regimes[0]!.clientRuc, regime: '20', expiresAt: '2027-01-15T05:00:00.000Z', remindersDue: [90], remindersSent: [] };
  const heartbeatDetails = { scan: 'expiry-sweep', progress: { cursor: regimes[1]!.dispatchId, regimes: [carried] } };

  const run = { scheduleId: 'expiry-sweep', scheduledAt: '2026-12-01T12:30:00.000Z', regimeHorizonDays: 90, mandateHorizonDays: 30, reminderDays: [90, 60, 30] };
  const second = await attempt(() => activities.sendExpirySweep(run), { attempt: 2, heartbeatDetails });
  expect(second.value).toMatchObject({ outcome: 'sent' });
  expect(views.asked).toEqual(regimes.slice(2).map((r) => r.workflowId));
  // After each dispatch, then after each of the two mandate pages with the scan's final cursor.
  expect(cursors(second.beats)).toEqual([regimes[2]!.dispatchId, regimes[3]!.dispatchId, regimes[3]!.dispatchId, regimes[3]!.dispatchId]);

  expect(sent).toHaveLength(1);
  const text = sent[0]!.text;
  expect(text).toContain(regimes[0]!.dispatchId);
  expect(text).not.toContain(regimes[1]!.dispatchId);
  for (const r of regimes.slice(2)) expect(text).toContain(r.dispatchId);
  for (const ruc of mandates) expect(text).toContain(ruc);
});

test('a client status report reads the client’s open dispatches page by page', async () => {
  const { activities, sent } = setup();
  const ruc = '20600000001';
  await store.upsertClient({ ruc, name: 'Textiles del Sur SAC', contacts: [], statusReportRecipients: [{ name: 'Lucía', email: 'lucia@sur.example.pe' }], statusReportSchedule: null, deadlineOverrides: {}, extraRequiredDocuments: [] });
  const open = Array.from({ length: 5 }, () => dispatchRecord('CLI', { clientRuc: ruc, clientName: 'Textiles del Sur SAC' }));
  for (const r of open) await store.upsertDispatch(r);

  const run = await attempt(() => activities.sendClientStatusReport({ scheduleId: 'client-report', scheduledAt: '2026-12-01T13:00:00.000Z', clientRuc: ruc }));
  expect(run.value).toMatchObject({ outcome: 'sent' });
  expect(cursors(run.beats)).toEqual([open[1]!.dispatchId, open[3]!.dispatchId, null]);
  for (const r of open) expect(sent[0]!.text).toContain(r.dispatchId);
});

test('the supervisor digest stops between dispatches once cancelled', async () => {
  const { activities, views, sent } = setup();
  const complained = Array.from({ length: 3 }, () => dispatchRecord('CMP'));
  for (const r of complained) {
    await store.upsertDispatch(r);
    await store.recordIncident({ dispatchId: r.dispatchId, kind: 'complaint', description: 'Reclamo', actor: 'operador', at: '2026-12-01T03:00:00.000Z', idempotencyKey: `${r.workflowId}/complaint` });
  }
  let env: MockActivityEnvironment | undefined;
  // The workflow cancels the digest while its second dispatch is being asked for its view.
  views.failWhen((_, nth) => {
    if (nth === 2) env!.cancel();
  });
  const run = await attempt(() => activities.sendSupervisorDigest({ scheduleId: 'digest', scheduledAt: '2026-12-01T13:00:00.000Z' }), {}, (e) => (env = e));
  expect(run.error).toBeInstanceOf(CancelledFailure);
  expect(views.asked).toEqual(complained.slice(0, 2).map((r) => r.workflowId));
  expect(sent).toEqual([]);
});
