/**
 * Creates, updates in place or deletes Temporal Schedules from the definitions (definitions.ts). Idempotent:
 * syncing twice leaves one schedule per id; an unchanged definition is not even updated (its fingerprint rides
 * in the action's memo). A schedule paused by a person, or by pause-on-failure, stays paused across syncs,
 * except a client report whose agreement was just saved (`resume`), since that save is usually the fix.
 * Shared by the worker (syncAll at startup) and the API (syncClientReport when an agreement changes).
 */
import { ScheduleAlreadyRunning, ScheduleNotFoundError, type Client, type ScheduleOptions, type ScheduleUpdateOptions } from '@temporalio/client';
import type { ReportQueries } from '../activities/reports/report-queries';
import {
  clientReportDefinition,
  clientReportScheduleId,
  DEFAULT_SUPERVISION_SETTINGS,
  fixedDefinitions,
  SCHEDULE_TIME_ZONE,
  type ScheduleDefinition,
  type SupervisionSettings,
} from './definitions';

export type SyncOutcome = 'created' | 'updated' | 'unchanged' | 'deleted' | 'absent';

export interface ScheduleSyncDeps {
  client: Client;
  /** Task queue of the worker that runs the scheduled workflows (the dispatch worker's). */
  taskQueue: string;
  agreements: Pick<ReportQueries, 'clientReportAgreements' | 'clientReportAgreement'>;
  settings?: Partial<SupervisionSettings>;
}

export interface ScheduleSync {
  settings: SupervisionSettings;
  /** At startup: every fixed schedule and every client report; client reports no longer agreed are deleted. */
  syncAll(): Promise<Record<string, SyncOutcome>>;
  /** After a client's agreement changed: create, update in place or delete its report schedule. */
  syncClientReport(ruc: string): Promise<SyncOutcome>;
  upsert(def: ScheduleDefinition, options?: { resume?: boolean }): Promise<SyncOutcome>;
  remove(scheduleId: string): Promise<SyncOutcome>;
}

function fingerprint(def: ScheduleDefinition, taskQueue: string): string {
  return JSON.stringify({ def, taskQueue, tz: SCHEDULE_TIME_ZONE });
}

function toOptions(def: ScheduleDefinition, taskQueue: string): ScheduleOptions & ScheduleUpdateOptions {
  return {
    scheduleId: def.scheduleId,
    spec: { calendars: def.calendars, intervals: def.intervals, timezone: SCHEDULE_TIME_ZONE },
    action: {
      type: 'startWorkflow',
      workflowType: def.workflowType,
      // The server appends the scheduled time to this id, so each run has a readable, unique id.
      workflowId: def.scheduleId,
      taskQueue,
      args: def.args,
      workflowExecutionTimeout: def.executionTimeout,
      staticSummary: def.summary,
      memo: { definition: fingerprint(def, taskQueue) },
    },
    policies: def.policies,
    state: { note: def.summary },
  };
}

export function createScheduleSync(deps: ScheduleSyncDeps): ScheduleSync {
  const settings: SupervisionSettings = { ...DEFAULT_SUPERVISION_SETTINGS, ...deps.settings };
  const schedules = deps.client.schedule;

  async function upsert(def: ScheduleDefinition, options: { resume?: boolean } = {}): Promise<SyncOutcome> {
    const desired = toOptions(def, deps.taskQueue);
    try {
      await schedules.create(desired);
      return 'created';
    } catch (error) {
      if (!(error instanceof ScheduleAlreadyRunning)) throw error;
    }
    const handle = schedules.getHandle(def.scheduleId);
    const current = await handle.describe();
    const unchanged = current.action.memo?.definition === desired.action.memo?.definition;
    if (unchanged && !(options.resume && current.state.paused)) return 'unchanged';
    await handle.update((previous) => ({
      ...desired,
      state: options.resume
        ? { paused: false, note: def.summary }
        : { paused: previous.state.paused, note: previous.state.paused ? previous.state.note : def.summary },
    }));
    return 'updated';
  }

  async function remove(scheduleId: string): Promise<SyncOutcome> {
    try {
      await schedules.getHandle(scheduleId).delete();
      return 'deleted';
    } catch (error) {
      if (error instanceof ScheduleNotFoundError) return 'absent';
      throw error;
    }
  }

  return {
    settings,
    upsert,
    remove,
    async syncAll() {
      const outcomes: Record<string, SyncOutcome> = {};
      for (const def of fixedDefinitions(settings)) outcomes[def.scheduleId] = await upsert(def);
      for (const agreement of await deps.agreements.clientReportAgreements()) {
        const def = clientReportDefinition(agreement, settings);
        if (def) outcomes[def.scheduleId] = await upsert(def);
      }
      // Client reports whose agreement was withdrawn while nothing was running to delete them.
      const reportPrefix = clientReportScheduleId('', settings.idPrefix);
      for await (const summary of schedules.list()) {
        if (summary.scheduleId.startsWith(reportPrefix) && !(summary.scheduleId in outcomes)) {
          outcomes[summary.scheduleId] = await remove(summary.scheduleId);
        }
      }
      return outcomes;
    },
    async syncClientReport(ruc) {
      const agreement = await deps.agreements.clientReportAgreement(ruc);
      const def = agreement && clientReportDefinition(agreement, settings);
      return def ? upsert(def, { resume: true }) : remove(clientReportScheduleId(ruc, settings.idPrefix));
    },
  };
}
