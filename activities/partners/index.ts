/** Partner subsystem activities and their record ports. */
export * from './partner-store';
export { createPrismaPartnerStore } from './prisma-partner-store';
export { createPartnerActivities, type PartnerActivities, type PartnerActivityDeps } from './partners.activities';
export { createContractReminderActivities, createPrismaContractStore, type ContractStore } from './contracts';
