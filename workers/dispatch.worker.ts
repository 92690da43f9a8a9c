import { createMoneyStore } from '../activities/money/money-store';
import { NativeConnection, Worker, type WorkerOptions } from '@temporalio/worker';
import { imapSettingsOf, type Config, type ImapSettings } from '../config/config';
import { createActivities } from '../activities';
import { createSmtpMailer } from '../activities/email/mailer';
import { createPrismaRecordStore } from '../activities/records';
import { createPrismaReportQueries } from '../activities/reports';
import { createHttpTerminalClients, createPrismaChargeDocumentStore } from '../activities/terminals';
import { createPrisma } from '../prisma/client';
import { createPrismaMandateStore } from '../activities/mandates';
import { createPrismaContractStore, createPrismaPartnerStore } from '../activities/partners';
import { activityContextMailClocks, createImapMailboxReader, createPrismaPeopleRecords, createPrismaPeopleStore } from '../activities/people';

export interface RunningWorker {
  worker: Worker;
  /** Stops polling, lets running tasks finish, then closes the database, mail and Temporal connections. */
  shutdown(): Promise<void>;
  run: Promise<void>;
}

/**
 * Composition root of the dispatch worker: builds Prisma, the mailer and the terminal clients once and hands
 * them to the activity factories. `workflowBundle` lets tests pass a bundle built once per run;
 * `connection` lets them share the test environment's connection (time-skipping server).
 */
export async function startDispatchWorker(
  config: Config,
  extra: Pick<WorkerOptions, 'workflowBundle'> & { connection?: NativeConnection; imap?: ImapSettings | null } = {},
): Promise<RunningWorker> {
  const prisma = createPrisma(config.DATABASE_URL);
  const mailer = createSmtpMailer({
    host: config.SMTP_HOST,
    port: config.SMTP_PORT,
    secure: config.SMTP_SECURE,
    user: config.SMTP_USER,
    password: config.SMTP_PASSWORD,
    from: config.MAIL_FROM,
  });
  const activities = createActivities({
    store: createPrismaRecordStore(prisma),
    mailer,
    terminals: createHttpTerminalClients({
      apmtcUrl: config.TERMINAL_APMTC_URL,
      dpwcUrl: config.TERMINAL_DPWC_URL,
      timeoutMs: config.TERMINAL_TIMEOUT_MS,
    }),
    charges: createPrismaChargeDocumentStore(prisma),
    fallbackSupervisor: { name: 'Supervisor de turno', email: config.SUPERVISOR_FALLBACK_EMAIL },
    reports: createPrismaReportQueries(prisma),
    partners: createPrismaPartnerStore(prisma),
    mandates: createPrismaMandateStore(prisma),
    money: createMoneyStore(prisma),
    liquidationEmail: config.LIQUIDATION_EMAIL,
    administrationEmail: config.ADMINISTRATION_EMAIL,
    // Inbound mail (IMAP_* variables; off when IMAP_HOST is unset). Tests pass their own mailbox.
    people: (() => {
      const imap = extra.imap !== undefined ? extra.imap : imapSettingsOf(config);
      return { store: createPrismaPeopleStore(prisma), mailbox: imap ? createImapMailboxReader(imap) : null, clocks: activityContextMailClocks };
    })(),
    peopleRecords: createPrismaPeopleRecords(prisma),
    contracts: createPrismaContractStore(prisma),
  });
  const ownConnection = !extra.connection;
  const connection = extra.connection ?? (await NativeConnection.connect({ address: config.TEMPORAL_ADDRESS }));
  const worker = await Worker.create({
    connection,
    namespace: config.TEMPORAL_NAMESPACE,
    taskQueue: config.TEMPORAL_TASK_QUEUE,
    activities,
    ...(extra.workflowBundle ? { workflowBundle: extra.workflowBundle } : { workflowsPath: require.resolve('../workflows') }),
  });
  const run = worker.run().finally(async () => {
    if (ownConnection) await connection.close();
    mailer.close();
    await prisma.$disconnect();
  });
  return {
    worker,
    run,
    async shutdown() {
      if (worker.getState() === 'RUNNING') worker.shutdown();
      await run;
    },
  };
}
