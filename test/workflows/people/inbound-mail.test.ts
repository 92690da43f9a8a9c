/**
 * Inbound mail end to end: a real GreenMail (SMTP + IMAP), PostgreSQL, and the response clock on Temporal's
 * time-skipping server (the agreed 2 business hours pass in seconds). A client's email sent over SMTP to the
 * executive's mailbox is fetched and filed on its dispatch; unanswered, it alerts the executive and then the
 * Jefe de Servicio al Cliente; answered (a reply kept in the Sent folder, In-Reply-To), the clock stops.
 */
import { Client } from '@temporalio/client';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import { ImapFlow } from 'imapflow';
import nodemailer from 'nodemailer';
import { createCalendarActivities } from '../../../activities/calendar/calendar.activities';
import { createSmtpMailer } from '../../../activities/email/mailer';
import { activityContextMailClocks, createImapMailboxReader, createInboundMailActivities, createPrismaPeopleStore, messageIdHash } from '../../../activities/people';
import { createPrismaRecordStore } from '../../../activities/records';
import { mailResponseWorkflowId } from '../../../domain/people';
import { createPrisma, type PrismaClient } from '../../../prisma/client';
import { inboundMailWorkflow } from '../../../workflows';
import { getMailResponse } from '../../../workflows/people/people.messages';
import { uniqueId, workflowBundlePath } from '../../support/env';
import { createFreshDatabase, type FreshDatabase } from '../../support/fresh-database';
import { startGreenMail, type GreenMail } from './greenmail';

jest.setTimeout(120_000);

const PASSWORD = 'secreto-123';
const EXEC = 'jorge.salas@agencia.example.pe';
const BOSS = 'marta.vega@agencia.example.pe';
const TRACKING = 'rosa.quispe@agencia.example.pe';
const CLIENT = 'lucia.ramos@andina.example.pe';
const RUC = '20100047218';
const DISPATCH = 'DSP-2026-000777';
const DAM = '118-2026-10-000777';

let db: FreshDatabase;
let prisma: PrismaClient;
let mail: GreenMail;

beforeAll(async () => {
  [db, mail] = await Promise.all([createFreshDatabase('people_mail'), startGreenMail([EXEC, BOSS, TRACKING, CLIENT].map((email) => ({ email, password: PASSWORD })))]);
  prisma = createPrisma(db.url);
  await prisma.client.create({ data: { ruc: RUC, name: 'Importadora Andina S.A.C.' } });
  await prisma.dispatch.create({
    data: {
      id: DISPATCH, workflowId: `dispatch-${DISPATCH}`, clientRuc: RUC, direction: 'import', regime: '10', modality: 'diferido', terminal: 'APMTC',
      status: 'numbered', damNumber: DAM, vessel: 'MSC Callao Express', eta: new Date('2026-12-01T15:00:00Z'), bl: 'MSCU1234567', goods: 'Repuestos',
      restrictedGoods: false, executiveId: 'ESC-07', executiveName: 'Jorge Salas', executiveEmail: EXEC, openedAt: new Date('2026-11-30T15:00:00Z'),
    },
  });
  const member = (username: string, name: string, email: string, position: string, shiftId: string | null, executiveId?: string) => ({ username, name, email, position, shiftId, executiveId, updatedBy: 'test' });
  await prisma.staffMember.createMany({
    data: [
      member('jorge.salas', 'Jorge Salas', EXEC, 'esc', 'day', 'ESC-07'),
      member('marta.vega', 'Marta Vega', BOSS, 'jefe_servicio_cliente', null),
      member('rosa.quispe', 'Rosa Quispe', TRACKING, 'supervisora_seguimiento', 'day'),
    ],
  });
  await prisma.clientServiceAssignment.create({ data: { clientRuc: RUC, executiveUsername: 'jorge.salas', updatedBy: 'test' } });
});

afterAll(async () => {
  await prisma?.$disconnect();
  await Promise.all([mail?.stop(), db?.drop()]);
});

/** A time-skipping server and a worker with the people and calendar activities, for one test. */
async function withClock<T>(run: (env: TestWorkflowEnvironment, taskQueue: string) => Promise<T>): Promise<T> {
  const env = await TestWorkflowEnvironment.createTimeSkipping({ server: { executable: { type: 'existing-path', path: process.env.TEMPORAL_TEST_SERVER! } } });
  const taskQueue = uniqueId('people-mail');
  const records = createPrismaRecordStore(prisma);
  const mailer = createSmtpMailer({ host: '127.0.0.1', port: mail.smtpPort, secure: false, from: 'Levante <levante@agencia.example.pe>' });
  const worker = await Worker.create({
    connection: env.nativeConnection,
    taskQueue,
    workflowBundle: { codePath: workflowBundlePath() },
    activities: {
      ...createCalendarActivities({ decreedDays: records }),
      ...createInboundMailActivities({
        store: createPrismaPeopleStore(prisma),
        mailbox: createImapMailboxReader({ host: '127.0.0.1', port: mail.imapPort, secure: false, user: EXEC, password: PASSWORD, folders: ['INBOX', 'Sent'] }),
        clocks: activityContextMailClocks,
        mailer,
        sentLog: records,
        fallbackSupervisor: { name: 'Supervisión', email: 'supervision@agencia.example.pe' },
      }),
    },
  });
  try {
    return await worker.runUntil(run(env, taskQueue));
  } finally {
    mailer.close();
    await env.teardown();
  }
}

async function sendFromClient(messageId: string, subject: string, text: string): Promise<void> {
  const smtp = nodemailer.createTransport({ host: '127.0.0.1', port: mail.smtpPort, secure: false, ignoreTLS: true });
  await smtp.sendMail({ from: `Lucía Ramos <${CLIENT}>`, to: EXEC, subject, text, messageId });
  smtp.close();
}

async function imap<T>(user: string, work: (client: ImapFlow) => Promise<T>): Promise<T> {
  const client = new ImapFlow({ host: '127.0.0.1', port: mail.imapPort, secure: false, auth: { user, pass: PASSWORD }, logger: false });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.logout();
  }
}

async function subjectsIn(user: string): Promise<string[]> {
  return imap(user, async (client) => {
    const lock = await client.getMailboxLock('INBOX');
    try {
      const subjects: string[] = [];
      for await (const m of client.fetch('1:*', { envelope: true })) subjects.push(m.envelope?.subject ?? '');
      return subjects;
    } catch {
      return []; // an empty mailbox has no message 1
    } finally {
      lock.release();
    }
  });
}

/**
 * One scheduled fetch, awaited through a plain client: env.client would let the server skip time while waiting,
 * and a response clock could fire before the fetch that carries its reply.
 */
const fetchMail = (env: TestWorkflowEnvironment, taskQueue: string) =>
  new Client({ connection: env.connection, namespace: env.namespace }).workflow.execute(inboundMailWorkflow, { taskQueue, workflowId: uniqueId('inbound-mail'), args: [{}] });

test('a client email is filed on its dispatch and, unanswered, alerts the executive and then the Jefe de Servicio al Cliente', async () => {
  const messageId = `<consulta-1.${Date.now()}@andina.example.pe>`;
  await sendFromClient(messageId, `Consulta sobre la DAM ${DAM}`, 'Buenos días, ¿cuándo tendremos el levante? Saludos, Lucía');

  await withClock(async (env, taskQueue) => {
    expect(await fetchMail(env, taskQueue)).toMatchObject({ configured: true, fetched: 1, filed: 1, triaged: 0, clocksStarted: 1 });
    const logged = await prisma.communicationEntry.findUniqueOrThrow({ where: { messageId: messageId.slice(1, -1) } });
    expect(logged).toMatchObject({ dispatchId: DISPATCH, channel: 'mail', direction: 'inbound', matchedBy: 'dam_number', fromAddress: CLIENT });

    // A second fetch finds nothing new (the cursor moved; the Message-ID log would absorb a re-read anyway).
    expect(await fetchMail(env, taskQueue)).toMatchObject({ fetched: 0 });

    const clock = env.client.workflow.getHandle(mailResponseWorkflowId(messageIdHash(messageId)));
    const { outcome, state } = await clock.result();
    expect(outcome).toBe('escalated');
    expect(state.alerted).toEqual(['executive', 'boss']);
  });

  expect((await subjectsIn(EXEC)).filter((s) => s.startsWith('Correo sin responder'))).toEqual([`Correo sin responder: Consulta sobre la DAM ${DAM} · despacho ${DISPATCH}`]);
  expect(await subjectsIn(BOSS)).toEqual([`Escalamiento: correo de cliente sin responder · despacho ${DISPATCH}`]);
  // A client-relationship matter: the tracking supervisor is not told.
  expect(await subjectsIn(TRACKING)).toEqual([]);
  expect(await prisma.communicationEntry.findUniqueOrThrow({ where: { messageId: messageId.slice(1, -1) } })).toMatchObject({ responseStatus: 'escalated' });
});

test('a reply with In-Reply-To seen in the mailbox stops the clock: nothing is sent, even long after the due time', async () => {
  const messageId = `<consulta-2.${Date.now()}@andina.example.pe>`;
  await sendFromClient(messageId, 'Pedido de proforma', `Estimados, por favor la proforma del despacho ${DISPATCH}.`);

  await withClock(async (env, taskQueue) => {
    expect(await fetchMail(env, taskQueue)).toMatchObject({ fetched: 1, filed: 1, clocksStarted: 1 });
    const clock = env.client.workflow.getHandle(mailResponseWorkflowId(messageIdHash(messageId)));
    const { dueAt } = await clock.query(getMailResponse);

    // The executive answers from their mail client, which keeps the reply in Sent.
    await imap(EXEC, async (client) => {
      await client.mailboxCreate('Sent').catch(() => undefined);
      const reply = [`From: Jorge Salas <${EXEC}>`, `To: ${CLIENT}`, 'Subject: Re: Pedido de proforma', `Message-ID: <respuesta-2.${Date.now()}@agencia.example.pe>`, `In-Reply-To: ${messageId}`, `Date: ${new Date().toUTCString()}`, '', 'Buenos días Lucía, adjunto la proforma.', ''].join('\r\n');
      await client.append('Sent', reply, ['\\Seen']);
    });
    expect(await fetchMail(env, taskQueue)).toMatchObject({ fetched: 1, replies: 1 });

    const { outcome, state } = await clock.result();
    expect(outcome).toBe('answered');
    expect(state.alerted).toEqual([]);
    // Move the clock well past the due time and the boss's: the workflow's record says answered, no alert exists.
    await env.sleep(Date.parse(dueAt!) - (await env.currentTimeMs()) + 3 * 24 * 3_600_000);
    const keys = [`${clock.workflowId}/executive`, `${clock.workflowId}/boss`].map((k) => `<${k}@levante>`);
    expect(await prisma.emailSent.count({ where: { messageId: { in: keys } } })).toBe(0);
  });

  expect((await subjectsIn(EXEC)).filter((s) => s.includes('Pedido de proforma') && s.startsWith('Correo sin responder'))).toEqual([]);
  expect(await subjectsIn(BOSS)).toHaveLength(1); // only the first test's escalation
  expect(await prisma.communicationEntry.findUniqueOrThrow({ where: { messageId: messageId.slice(1, -1) } })).toMatchObject({ responseStatus: 'answered' });
  expect(await prisma.communicationEntry.count({ where: { dispatchId: DISPATCH, direction: 'outbound', inReplyTo: messageId.slice(1, -1) } })).toBe(1);
});
