/** Email activities against a real SMTP server and the real sent-mail log in PostgreSQL. */
import { createEmailActivities } from '../../../activities/email/email.activities';
import { createSmtpMailer } from '../../../activities/email/mailer';
import { createPrismaRecordStore } from '../../../activities/records';
import { createPrismaPeopleStore } from '../../../activities/people/prisma-people-store';
import { createPrisma, type PrismaClient } from '../../../prisma/client';
import type { NotificationRequest } from '../../../domain/notifications';
import { createFreshDatabase, type FreshDatabase } from '../../support/fresh-database';
import { startTestSmtp, type TestSmtp } from '../../support/smtp';

let db: FreshDatabase;
let prisma: PrismaClient;
let smtp: TestSmtp;
let mailer: ReturnType<typeof createSmtpMailer>;

beforeAll(async () => {
  db = await createFreshDatabase('email');
  prisma = createPrisma(db.url);
  smtp = await startTestSmtp();
  mailer = createSmtpMailer({ host: '127.0.0.1', port: smtp.port, secure: false, from: 'Levante <levante@agencia.example.pe>' });
});
afterAll(async () => {
  mailer.close();
  await smtp.close();
  await prisma.$disconnect();
  await db.drop();
});

const request = (key: string, overrides: Partial<NotificationRequest> = {}): NotificationRequest => ({
  idempotencyKey: key,
  audience: ['client', 'executive', 'supervisors'],
  dispatch: {
    dispatchId: 'DSP-2026-000900',
    client: { ruc: '20100047218', name: 'Importadora Andina S.A.C.', contacts: [{ name: 'Lucía', email: 'Lucia.Ramos@andina.example.pe' }] },
    executive: { name: 'Jorge', email: 'jorge.salas@agencia.example.pe' },
    regime: '10',
    terminal: 'DPWC',
    vessel: 'Maersk Lima',
    eta: '2026-12-01T15:00:00.000Z',
    bl: 'MAEU1234567',
    status: 'Abierto',
  },
  notification: { kind: 'missing_documents', missing: ['packing_list', 'insurance'] },
  ...overrides,
});

test('sends once per idempotency key, with a deterministic Message-ID, to client, executive and the roster', async () => {
  const store = createPrismaRecordStore(prisma);
  await store.upsertSupervisor({ name: 'Rosa Quispe', email: 'rosa.quispe@agencia.example.pe', active: true, onShift: null });
  const acts = createEmailActivities({ mailer, sentLog: store, roster: store, fallbackSupervisor: { name: 'x', email: 'fallback@agencia.example.pe' } });

  const first = await acts.sendDispatchEmail(request('dispatch-DSP-2026-000900/missing-documents/1'));
  const retry = await acts.sendDispatchEmail(request('dispatch-DSP-2026-000900/missing-documents/1'));
  expect(first).toEqual({ messageId: '<dispatch-DSP-2026-000900/missing-documents/1@levante>', sent: true });
  expect(retry).toEqual({ messageId: first.messageId, sent: false });

  const mail = await smtp.waitFor((m) => m.messageId === first.messageId);
  expect(smtp.received.filter((m) => m.messageId === first.messageId)).toHaveLength(1);
  expect(mail.to.sort()).toEqual(['jorge.salas@agencia.example.pe', 'lucia.ramos@andina.example.pe', 'rosa.quispe@agencia.example.pe']);
  expect(mail.subject).toBe('[DSP-2026-000900] Documentos pendientes para su despacho');
  expect(mail.text).toContain('Lista de empaque');
  expect(mail.text).toContain('ETA: 01/12/2026 10:00'); // shown in Lima time (15:00 UTC)
  expect(await store.wasSent(first.messageId)).toBe(true);
});

test('the mail server refusing a message is a retryable failure, and nothing is marked as sent', async () => {
  const store = createPrismaRecordStore(prisma);
  const acts = createEmailActivities({ mailer, sentLog: store, roster: store, fallbackSupervisor: { name: 'x', email: 'fallback@agencia.example.pe' } });
  smtp.setDown(true);
  try {
    await expect(acts.sendDispatchEmail(request('dispatch-DSP-2026-000900/notice/x'))).rejects.toThrow();
  } finally {
    smtp.setDown(false);
  }
  expect(await store.wasSent('<dispatch-DSP-2026-000900/notice/x@levante>')).toBe(false);
  await acts.sendDispatchEmail(request('dispatch-DSP-2026-000900/notice/x'));
  expect(smtp.received.filter((m) => m.messageId === '<dispatch-DSP-2026-000900/notice/x@levante>')).toHaveLength(1);
});

test('a regime expiry reminder also reaches whoever numbered the DAM, found in the staff directory', async () => {
  const store = createPrismaRecordStore(prisma);
  await prisma.staffMember.create({ data: { username: 'rosa.quispe', name: 'Rosa Quispe', email: 'rosa.quispe.esc@agencia.example.pe', position: 'esc', updatedBy: 'test' } });
  const acts = createEmailActivities({ mailer, sentLog: store, roster: store, fallbackSupervisor: { name: 'x', email: 'fallback@agencia.example.pe' }, staff: createPrismaPeopleStore(prisma) });
  const reminder = (key: string, damNumberedBy?: string) =>
    request(key, {
      audience: ['client', 'executive', 'numbering_executive'],
      dispatch: { ...request('x').dispatch, regime: '20', ...(damNumberedBy ? { damNumberedBy } : {}) },
      notification: { kind: 'regime_expiry_reminder', expiresAt: '2028-02-29T05:00:00.000Z', daysBefore: 30 },
    });
  const sent = await acts.sendDispatchEmail(reminder('dispatch-DSP-2026-000900/notice/regime_expiry/regime-20/30d', 'rosa.quispe'));
  const mail = await smtp.waitFor((m) => m.messageId === sent.messageId);
  expect(mail.to.sort()).toEqual(['jorge.salas@agencia.example.pe', 'lucia.ramos@andina.example.pe', 'rosa.quispe.esc@agencia.example.pe']);
  // Someone the directory does not know (an API key's name): the dispatch's executive and the client still receive it.
  const unknown = await acts.sendDispatchEmail(reminder('dispatch-DSP-2026-000900/notice/regime_expiry/regime-20/7d', 'integracion-erp'));
  expect((await smtp.waitFor((m) => m.messageId === unknown.messageId)).to.sort()).toEqual(['jorge.salas@agencia.example.pe', 'lucia.ramos@andina.example.pe']);
});
