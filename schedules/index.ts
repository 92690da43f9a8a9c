/** Temporal Schedules of Levante's unattended supervision: definitions as data and their idempotent sync. */
export * from './definitions';
export * from './schedule-sync';
export { syncSchedulesAtStartup } from './startup';
export { SUPERVISOR_QUERIES } from './supervisor-queries';
