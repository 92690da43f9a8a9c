/** Records: the dispatch read model, glosas, incidents, terminal requests and the lookups the other activities need. */
export * from './record-store';
export { createPrismaRecordStore, type PrismaRecordStore } from './prisma-record-store';
export { createRecordActivities, type RecordActivities, type RecordDeps } from './records.activities';
