/** Syncs every supervision schedule once, with connections of its own: the worker's entry point calls it at startup. */
import { Client, Connection } from '@temporalio/client';
import type { Config } from '../config/config';
import { createPrismaReportQueries } from '../activities/reports/prisma-report-queries';
import { createPrisma } from '../prisma/client';
import { createScheduleSync, type SyncOutcome } from './schedule-sync';
import type { SupervisionSettings } from './definitions';

export async function syncSchedulesAtStartup(config: Config, settings: Partial<SupervisionSettings> = {}): Promise<Record<string, SyncOutcome>> {
  const prisma = createPrisma(config.DATABASE_URL);
  const connection = await Connection.connect({ address: config.TEMPORAL_ADDRESS });
  try {
    const client = new Client({ connection, namespace: config.TEMPORAL_NAMESPACE });
    const sync = createScheduleSync({ client, taskQueue: config.TEMPORAL_TASK_QUEUE, agreements: createPrismaReportQueries(prisma), settings });
    return await sync.syncAll();
  } finally {
    await connection.close();
    await prisma.$disconnect();
  }
}
