/**
 * The scheduled supervision workflows recorded as replay fixtures (see catalog.ts), each started the way
 * production starts it: by its Temporal Schedule (schedules/definitions.ts), backfilled at a fixed business day
 * so the run does the same whatever the day of recording (TemporalScheduledStartTime is in its history).
 */
import { createPrismaRecordStore } from '../../../activities/records';
import { createPrismaReportQueries } from '../../../activities/reports';
import { clientReportScheduleId, createScheduleSync, DEFAULT_SUPERVISION_SETTINGS, fixedDefinitions, type ScheduleSync } from '../../../schedules';
import * as m from '../../../workflows/dispatch.messages';
import { uniqueId } from '../env';
import { sampleDispatch, startDispatch } from '../fixtures';
import type { TestStack } from '../stack';
import { until, type Recorder, type RunRef } from './recording';

const limaAt = (date: string, time: string) => new Date(`${date}T${time}:00-05:00`);

function syncFor(stack: TestStack): ScheduleSync {
  return createScheduleSync({
    client: stack.client,
    taskQueue: stack.config.TEMPORAL_TASK_QUEUE,
    agreements: createPrismaReportQueries(stack.prisma),
    settings: { idPrefix: `${uniqueId('replay')}-` },
  });
}

/** Runs the schedule once (backfilled at `at`, else triggered now), waits for the run's result, deletes the schedule. */
async function runSchedule(stack: TestStack, scheduleId: string, at?: Date): Promise<RunRef> {
  const schedule = stack.client.schedule.getHandle(scheduleId);
  try {
    if (at) await schedule.backfill({ start: new Date(at.getTime() - 60_000), end: new Date(at.getTime() + 60_000), overlap: 'BUFFER_ALL' });
    else await schedule.trigger();
    const run = await until(`a run of ${scheduleId}`, async () => (await schedule.describe()).info.recentActions[0]?.action.workflow);
    await stack.client.workflow.getHandle(run.workflowId).result();
    return { workflowId: run.workflowId, runId: run.firstExecutionRunId };
  } finally {
    await schedule.delete();
  }
}

/** One of the fixed schedules (supervisor digest, weekend programming, expiry sweep, escalation re-check), created from its definition. */
async function runFixed(stack: TestStack, workflowType: string, at?: Date): Promise<RunRef> {
  const sync = syncFor(stack);
  const def = fixedDefinitions({ ...DEFAULT_SUPERVISION_SETTINGS, ...sync.settings }).find((d) => d.workflowType === workflowType);
  if (!def) throw new Error(`no schedule definition runs ${workflowType}`);
  await sync.upsert(def);
  return runSchedule(stack, def.scheduleId, at);
}

export const supervisionDevRecorders = {
  'client-status-report': async (stack) => {
    const ruc = `20${String(Math.floor(Math.random() * 1e9)).padStart(9, '0')}`;
    const name = 'Agroexport Norte S.A.C.';
    await createPrismaRecordStore(stack.prisma).upsertClient({
      ruc,
      name,
      contacts: [],
      statusReportRecipients: [{ name: 'Reportes', email: `reportes.${ruc}@cliente.example.pe` }],
      statusReportSchedule: { days: [1, 2, 3, 4, 5], hour: 8 },
      deadlineOverrides: {},
      extraRequiredDocuments: [],
    });
    const open = await startDispatch(stack.client, stack.config.TEMPORAL_TASK_QUEUE, sampleDispatch({ client: { ruc, name, contacts: [] } }));
    await open.executeUpdate(m.recordStatusGlosa, { args: [{ actor: 'esc', note: 'Nave arribó, descarga en curso' }] });
    const sync = syncFor(stack);
    await sync.syncClientReport(ruc);
    try {
      // Monday 27 July 2026, 08:00 Lima: a business day.
      return { 'clientStatusReportWorkflow/client-status-report': await runSchedule(stack, clientReportScheduleId(ruc, sync.settings.idPrefix), limaAt('2026-07-27', '08:00')) };
    } finally {
      await open.executeUpdate(m.cancelDispatch, { args: [{ actor: 'esc', reason: 'Fin de la grabación' }] });
    }
  },
  // Wednesday 2 December 2026, 08:00 Lima.
  'supervisor-digest': async (stack) => ({
    'supervisorDigestWorkflow/supervisor-digest': await runFixed(stack, 'supervisorDigestWorkflow', limaAt('2026-12-02', '08:00')),
  }),
  // Friday 4 December 2026, 15:00 Lima: the last business day before the weekend, so it sends.
  'weekend-programming': async (stack) => ({
    'weekendProgrammingWorkflow/weekend-programming': await runFixed(stack, 'weekendProgrammingWorkflow', limaAt('2026-12-04', '15:00')),
  }),
  // Wednesday 2 December 2026, 07:30 Lima.
  'expiry-sweep': async (stack) => ({
    'expirySweepWorkflow/expiry-sweep': await runFixed(stack, 'expirySweepWorkflow', limaAt('2026-12-02', '07:30')),
  }),
  // Thursday 3 December 2026, 17:30 Lima: Administración's daily report (issue #14).
  'administration-report': async (stack) => ({
    'administrationReportWorkflow/administration-report': await runFixed(stack, 'administrationReportWorkflow', limaAt('2026-12-03', '17:30')),
  }),
  'escalation-recheck': async (stack) => ({
    'escalationRecheckWorkflow/escalation-recheck': await runFixed(stack, 'escalationRecheckWorkflow'),
  }),
} satisfies Record<string, Recorder>;
