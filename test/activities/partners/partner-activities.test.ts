/** Partner activities over PostgreSQL and a real SMTP server: registry lookups, idempotent writes and emails. */
import { MockActivityEnvironment } from '@temporalio/testing';
import { createPartnerActivities, createPrismaPartnerStore, type PartnerStore } from '../../../activities/partners';
import { createPrismaRecordStore } from '../../../activities/records';
import { createSmtpMailer } from '../../../activities/email/mailer';
import { openCorrectiveAction, resolveCorrectiveActionPolicy } from '../../../domain/partners/corrective-action';
import { colombiaCalendar } from '../../../domain/calendar';
import { createPrisma, type PrismaClient } from '../../../prisma/client';
import { createFreshDatabase, type FreshDatabase } from '../../support/fresh-database';
import { startTestSmtp, type TestSmtp } from '../../support/smtp';

const HOUR = 3_600_000;
let db: FreshDatabase;
let prisma: PrismaClient;
let smtp: TestSmtp;
let store: PartnerStore;
let activities: ReturnType<typeof createPartnerActivities>;
let mailer: ReturnType<typeof createSmtpMailer>;

beforeAll(async () => {
  db = await createFreshDatabase('partner_acts');
  prisma = createPrisma(db.url);
  smtp = await startTestSmtp();
  mailer = createSmtpMailer({ host: '127.0.0.1', port: smtp.port, secure: false, from: 'Levante <levante@agencia.example.pe>' });
  store = createPrismaPartnerStore(prisma);
  activities = createPartnerActivities({ store, mailer, sentLog: createPrismaRecordStore(prisma), fallbackManager: { name: 'Supervisión', email: 'supervision@agencia.example.pe' } });
  await store.upsertPartner({
    partnerId: 'ALZ-BAQ-01', name: 'Aliado Barranquilla', nit: '900111222-3', contacts: [{ name: 'Ops', email: 'ops@baq.example.co' }],
    accountManager: { name: 'Gestor', email: 'gestor@agencia.example.pe' }, active: true,
    offices: [{ office: 'BAQ', serviceTimes: { received: HOUR, declared: HOUR, inspection: HOUR, levante: HOUR, delivered: HOUR } }],
  });
});
afterAll(async () => {
  mailer?.close();
  await prisma?.$disconnect();
  await smtp?.close();
  await db?.drop();
});

const run = <T>(fn: () => Promise<T>) => new MockActivityEnvironment().run(fn);

test('the agreement at a covered office, NotFound elsewhere', async () => {
  await expect(run(() => activities.loadPartnerAgreement({ partnerId: 'ALZ-BAQ-01', office: 'BAQ' }))).resolves.toMatchObject({ partnerName: 'Aliado Barranquilla', serviceTimes: { received: HOUR } });
  await expect(run(() => activities.loadPartnerAgreement({ partnerId: 'ALZ-BAQ-01', office: 'CTG' }))).rejects.toMatchObject({ type: 'NotFound', nonRetryable: true });
});

test('a retried milestone write leaves one row', async () => {
  await activities.recordExternalOperation({ doNumber: 'DO-9', workflowId: 'partner-operation-DO-9', partnerId: 'ALZ-BAQ-01', office: 'BAQ', dispatchId: null, status: 'received', aforo: null, nextMilestone: 'declared', nextDueAt: null, assignedAt: '2026-05-04T14:00:00.000Z', closedAt: null });
  const sample = { doNumber: 'DO-9', partnerId: 'ALZ-BAQ-01', office: 'BAQ' as const, milestone: 'received' as const, startedAt: '2026-05-04T14:00:00.000Z', reportedAt: '2026-05-04T14:30:00.000Z', dueAt: '2026-05-04T15:00:00.000Z', serviceMs: 30 * 60_000, targetMs: HOUR, onTime: true, reportedBy: 'aliado' };
  await activities.recordOperationMilestone(sample);
  await activities.recordOperationMilestone(sample);
  expect(await store.listSamples({ partnerId: 'ALZ-BAQ-01', milestone: 'received' })).toEqual([sample]);
});

test('a corrective-action email goes out once per key; management falls back to supervision when the roster is empty', async () => {
  const state = openCorrectiveAction(
    { ncId: 'NC-X-1', partnerId: 'ALZ-BAQ-01', partnerName: 'Aliado Barranquilla', source: 'complaint', description: 'Reclamo del cliente', openedAt: '2026-05-04T14:00:00.000Z', openedBy: 'sup', owner: { name: 'Gestor', email: 'gestor@agencia.example.pe' }, partnerContacts: [{ name: 'Ops', email: 'ops@baq.example.co' }] },
    resolveCorrectiveActionPolicy(),
    colombiaCalendar([]),
  );
  const req = { idempotencyKey: 'corrective-action-NC-X-1/notice/escalation/1', state, notice: { kind: 'escalation' as const, round: 1 }, audience: ['owner' as const, 'management' as const] };
  expect(await activities.sendCorrectiveActionEmail(req)).toMatchObject({ sent: true });
  expect(await activities.sendCorrectiveActionEmail(req)).toMatchObject({ sent: false });
  const mail = await smtp.waitFor((m) => m.subject === '[NC-X-1] ESCALAMIENTO: acción correctiva vencida');
  expect(mail.to.sort()).toEqual(['gestor@agencia.example.pe', 'supervision@agencia.example.pe']);
  expect(smtp.received.filter((m) => m.subject === mail.subject)).toHaveLength(1);
});
