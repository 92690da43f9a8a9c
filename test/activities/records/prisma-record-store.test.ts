import { createPrismaRecordStore, type DispatchRecord, type PrismaRecordStore } from '../../../activities/records';
import { createPrisma, type PrismaClient } from '../../../prisma/client';
import { createPrismaReportQueries } from '../../../activities/reports/prisma-report-queries';
import { createFreshDatabase, type FreshDatabase } from '../../support/fresh-database';

let db: FreshDatabase;
let prisma: PrismaClient;
let store: PrismaRecordStore;

beforeAll(async () => {
  db = await createFreshDatabase('levante_record_store');
  prisma = createPrisma(db.url);
  store = createPrismaRecordStore(prisma);
});
afterAll(async () => {
  await prisma.$disconnect();
  await db.drop();
});

let serial = 0;
function dispatch(overrides: Partial<DispatchRecord> = {}): DispatchRecord {
  const dispatchId = `DSP-2026-${String(++serial).padStart(6, '0')}`;
  return {
    dispatchId,
    workflowId: `dispatch-${dispatchId}`,
    clientRuc: '20100047218',
    clientName: 'Importadora Andina SAC',
    direction: 'import',
    regime: '10',
    modality: 'anticipado',
    terminal: 'APMTC',
    status: 'opened',
    channel: null,
    damNumber: null,
    vessel: 'MSC ARICA',
    eta: '2026-12-01T10:00:00.000Z',
    bl: 'MEDU1234567',
    goods: 'Repuestos de maquinaria',
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
    ...overrides,
  };
}

describe('dispatch read model', () => {
  it('creates the row and its client, then updates it in place', async () => {
    const record = dispatch();
    await store.upsertDispatch(record);
    const { updatedAt: firstUpdate, ...stored } = (await store.get(record.dispatchId))!;
    expect(stored).toEqual(record);

    const numbered = {
      ...record,
      status: 'channel_assigned',
      channel: 'rojo' as const,
      damNumber: '118-2026-10-000123',
      nextDeadlineAt: '2026-11-27T13:00:00.000Z',
      nextDeadlineClock: 'document_review',
      atRisk: true,
    };
    await store.upsertDispatch(numbered);
    await store.upsertDispatch(numbered); // a retried activity
    const { updatedAt, ...after } = (await store.get(record.dispatchId))!;
    expect(after).toEqual(numbered);
    expect(Date.parse(updatedAt)).toBeGreaterThanOrEqual(Date.parse(firstUpdate));
    expect(await prisma.dispatch.count({ where: { id: record.dispatchId } })).toBe(1);
    expect(await prisma.client.count({ where: { ruc: record.clientRuc } })).toBe(1);
  });

  it('keeps the client directory as it is when a dispatch names the client differently', async () => {
    await store.upsertClient({
      ruc: '20512345678', name: 'Textiles del Sur SA', contacts: [], statusReportRecipients: [],
      statusReportSchedule: null, deadlineOverrides: {}, extraRequiredDocuments: [],
    });
    const record = dispatch({ clientRuc: '20512345678', clientName: 'TEXTILES DEL SUR' });
    await store.upsertDispatch(record);
    expect((await store.get(record.dispatchId))!.clientName).toBe('Textiles del Sur SA');
  });

  it('keeps the planned vs actual milestones (import-steps-2026-12) and the client report reads them', async () => {
    const plan = [
      { key: 'expectedLevanteAt' as const, label: 'Levante', planned: '2026-12-03T10:00:00.000Z', actual: '2026-12-04T10:00:00.000Z', delayHours: 24, state: 'late' as const },
      { key: 'plannedDeliveryAt' as const, label: 'Entrega de la carga', planned: '2026-12-05T10:00:00.000Z', state: 'pending' as const },
    ];
    const record = dispatch({ plan });
    await store.upsertDispatch(record);
    expect((await store.get(record.dispatchId))!.plan).toEqual(plan);
    await store.upsertDispatch({ ...dispatch({ dispatchId: record.dispatchId, workflowId: record.workflowId }), status: 'released' }); // a write without a plan leaves it
    expect((await store.get(record.dispatchId))!.plan).toEqual(plan);
    const { items } = await createPrismaReportQueries(prisma).openDispatchLines(record.clientRuc, { after: null, take: 100 });
    expect(items.find((l) => l.dispatchId === record.dispatchId)?.plan).toEqual(plan);
  });

  it('returns null for an unknown dispatch', async () => {
    expect(await store.get('DSP-NOPE')).toBeNull();
  });

  it('appends each status once per idempotency key, in order', async () => {
    const record = dispatch();
    await store.upsertDispatch(record);
    const opened = { dispatchId: record.dispatchId, status: 'opened', at: '2026-11-25T13:00:00.000Z', actor: 'ana', idempotencyKey: `${record.workflowId}/opened` };
    const docs = { ...opened, status: 'documents_complete', at: '2026-11-25T15:00:00.000Z', note: 'Factura y BL', idempotencyKey: `${record.workflowId}/documents` };
    expect(await store.appendStatus(opened)).toEqual({ recorded: true });
    expect(await store.appendStatus(docs)).toEqual({ recorded: true });
    expect(await store.appendStatus({ ...opened, actor: 'retry' })).toEqual({ recorded: false });
    expect(await store.history(record.dispatchId)).toEqual([{ ...opened, note: null }, docs]);
  });
});

describe('glosas', () => {
  it('records a glosa once per idempotency key', async () => {
    const record = dispatch();
    await store.upsertDispatch(record);
    const glosa = {
      dispatchId: record.dispatchId, code: '10110' as const, actor: 'ana', at: '2026-11-26T02:00:00.000Z',
      payload: { service: 'Atención fuera de horario', amountPen: 150, reason: null },
      idempotencyKey: `${record.workflowId}/service-1`,
    };
    const results = await Promise.all([store.recordGlosa(glosa), store.recordGlosa(glosa), store.recordGlosa(glosa)]);
    expect(results.filter((result) => result.recorded)).toHaveLength(1);
    expect(await store.listGlosas(record.dispatchId)).toEqual([glosa]);
  });
});

describe('incidents', () => {
  it('records an incident once per idempotency key', async () => {
    const record = dispatch();
    await store.upsertDispatch(record);
    const incident = {
      dispatchId: record.dispatchId, kind: 'terminal_rejection' as const, description: 'APMTC sin cupo',
      actor: 'worker', at: '2026-11-26T10:00:00.000Z', resolvedAt: null, idempotencyKey: `${record.workflowId}/incident-1`,
    };
    expect(await store.recordIncident(incident)).toEqual({ recorded: true });
    expect(await store.recordIncident(incident)).toEqual({ recorded: false });
    expect(await store.listIncidents(record.dispatchId)).toEqual([incident]);
  });
});

describe('sent-mail log', () => {
  it('knows an email once marked, and marking twice keeps the first entry', async () => {
    const mail = {
      messageId: '<dispatch-DSP-1/missing-docs@levante.pe>', dispatchId: null, kind: 'missing_documents',
      recipients: ['cliente@andina.pe', 'ana@broker.pe'], subject: 'Documentos faltantes', sentAt: '2026-11-25T14:00:00.000Z',
    };
    expect(await store.wasSent(mail.messageId)).toBe(false);
    await store.markSent(mail);
    await store.markSent({ ...mail, subject: 'retry', sentAt: '2026-11-25T14:05:00.000Z' });
    expect(await store.wasSent(mail.messageId)).toBe(true);
    const rows = await prisma.emailSent.findMany({ where: { messageId: mail.messageId } });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ subject: 'Documentos faltantes', recipients: mail.recipients });
  });
});

describe('terminal requests', () => {
  it('keeps one row per key and updates its answer', async () => {
    const record = dispatch();
    await store.upsertDispatch(record);
    const requested = {
      idempotencyKey: `${record.workflowId}/appointment`, dispatchId: record.dispatchId, terminal: 'APMTC' as const,
      kind: 'appointment' as const, reference: '', slot: null, status: 'requested',
    };
    await store.recordAppointment(requested);
    const confirmed = { ...requested, reference: 'APM-778812', slot: '2026-12-03T11:00:00.000Z', status: 'confirmed' };
    await store.recordAppointment(confirmed);
    await store.recordAppointment(confirmed);
    expect(await store.listAppointments(record.dispatchId)).toEqual([confirmed]);
  });
});

describe('client directory, supervisor roster, decreed days', () => {
  it('stores and returns a client with its agreement', async () => {
    const client = {
      ruc: '20601234567', name: 'Agroexport Norte SAC',
      contacts: [{ name: 'Luis', email: 'luis@agronorte.pe' }],
      statusReportRecipients: [{ name: 'Gerencia', email: 'gerencia@agronorte.pe' }],
      statusReportSchedule: { days: [1, 4], hour: 8 },
      deadlineOverrides: { documentReviewMs: 86_400_000 },
      extraRequiredDocuments: ['phytosanitary_certificate'],
    };
    expect(await store.getClient(client.ruc)).toBeNull();
    await store.upsertClient(client);
    expect(await store.getClient(client.ruc)).toEqual(client);
    await store.upsertClient({ ...client, statusReportSchedule: null });
    expect((await store.getClient(client.ruc))!.statusReportSchedule).toBeNull();
  });

  it('lists active supervisors only', async () => {
    await store.upsertSupervisor({ name: 'Rosa Quispe', email: 'rosa@broker.pe', active: true, onShift: { days: [1, 2, 3, 4, 5], from: '22:00', to: '08:00' } });
    await store.upsertSupervisor({ name: 'Carlos Díaz', email: 'carlos@broker.pe', active: true, onShift: null });
    await store.upsertSupervisor({ name: 'Carlos Díaz', email: 'carlos@broker.pe', active: false, onShift: null });
    expect((await store.activeSupervisors()).map((supervisor) => supervisor.email)).toEqual(['rosa@broker.pe']);
  });

  it('adds a decreed non-working day once per country and date', async () => {
    const day = { country: 'PE' as const, date: '2026-12-07', reason: 'DS 123-2026-PCM', createdBy: 'rosa' };
    expect(await store.add(day)).toEqual({ recorded: true });
    expect(await store.add({ ...day, reason: 'again' })).toEqual({ recorded: false });
    expect(await store.add({ ...day, country: 'CO' })).toEqual({ recorded: true });
    expect(await store.list('PE')).toEqual([day]);
  });
});
