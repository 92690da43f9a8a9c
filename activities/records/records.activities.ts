/**
 * Record activities: the workflow writes the read model and its coded notes through these, never to the
 * database itself. Each write is idempotent by its key, so Temporal's retries are safe.
 * Malformed input (unknown glosa code, bad date) and writes about a dispatch the read model has never seen are
 * non-retryable: retrying cannot fix them. Database outages are plain errors left to the retry policy.
 */
import { ApplicationFailure } from '@temporalio/common';
import { ErrorType } from '../../domain/errors';
import {
  GLOSA_CODES,
  INCIDENT_KINDS,
  TERMINAL_REQUEST_KINDS,
  type AppointmentEntry,
  type AppointmentStore,
  type DispatchReadModel,
  type DispatchRecord,
  type GlosaEntry,
  type GlosaStore,
  type IncidentEntry,
  type IncidentStore,
  type StatusChange,
  type WriteResult,
} from './record-store';

export interface RecordDeps {
  readModel: DispatchReadModel;
  glosas: GlosaStore;
  incidents: IncidentStore;
  appointments: AppointmentStore;
}

export function createRecordActivities(deps: RecordDeps) {
  const activities = {
    /** Writes the dispatch's read-model row (whole record, last write wins): called on every transition. */
    async recordDispatch(record: DispatchRecord): Promise<void> {
      requireDates({ eta: record.eta, openedAt: record.openedAt, nextDeadlineAt: record.nextDeadlineAt, closedAt: record.closedAt });
      await deps.readModel.upsertDispatch(record);
    },

    /** Appends a status to the dispatch's history; the same idempotency key twice records it once. */
    async recordStatusChange(change: StatusChange): Promise<WriteResult> {
      requireDates({ at: change.at });
      return forDispatch(change.dispatchId, () => deps.readModel.appendStatus(change));
    },

    /** Records a glosa (40025 status update, 10110 extraordinary billable service) once per idempotency key. */
    async recordGlosa(entry: GlosaEntry): Promise<WriteResult> {
      requireOneOf('glosa code', entry.code, GLOSA_CODES);
      requireDates({ at: entry.at });
      return forDispatch(entry.dispatchId, () => deps.glosas.recordGlosa(entry));
    },

    /** Records an incident (terminal rejection, complaint, cost contingency, other) once per idempotency key. */
    async recordIncident(entry: IncidentEntry): Promise<WriteResult> {
      requireOneOf('incident kind', entry.kind, INCIDENT_KINDS);
      requireDates({ at: entry.at, resolvedAt: entry.resolvedAt });
      return forDispatch(entry.dispatchId, () => deps.incidents.recordIncident(entry));
    },

    /** Records a terminal request and its answer; the same key again updates reference, slot and status. */
    async recordAppointment(entry: AppointmentEntry): Promise<void> {
      requireOneOf('terminal request kind', entry.kind, TERMINAL_REQUEST_KINDS);
      requireDates({ slot: entry.slot });
      await forDispatch(entry.dispatchId, () => deps.appointments.recordAppointment(entry));
    },
  };
  return {
    ...activities,
    /**
     * One lifecycle transition in one activity: the read-model row, then (when the status changed) its status
     * history entry and its 40025 status glosa. Each write is idempotent, so a retry repeats none of them;
     * one activity instead of three keeps a dispatch's history a third as long. A terminal booking that led to the
     * transition (`appointment`, lean-history-2026-12) is recorded first, as its own activity did before.
     */
    async recordTransition(input: { record: DispatchRecord; status?: StatusChange; glosa?: GlosaEntry; appointment?: AppointmentEntry }): Promise<void> {
      if (input.appointment) await activities.recordAppointment(input.appointment);
      await activities.recordDispatch(input.record);
      if (input.status) await activities.recordStatusChange(input.status);
      if (input.glosa) await activities.recordGlosa(input.glosa);
    },
  };
}

export type RecordActivities = ReturnType<typeof createRecordActivities>;

function invalidInput(message: string): ApplicationFailure {
  return ApplicationFailure.create({ type: ErrorType.InvalidInput, message, nonRetryable: true });
}

function requireOneOf(what: string, value: string, allowed: readonly string[]): void {
  if (!allowed.includes(value)) throw invalidInput(`unknown ${what} "${value}" (expected one of ${allowed.join(', ')})`);
}

function requireDates(fields: Record<string, string | null | undefined>): void {
  for (const [field, value] of Object.entries(fields)) {
    if (value !== null && value !== undefined && Number.isNaN(Date.parse(value))) {
      throw invalidInput(`${field} is not an ISO date: "${value}"`);
    }
  }
}

/** A foreign-key violation (Prisma P2003) means the dispatch was never recorded: a workflow bug, not an outage. */
async function forDispatch<T>(dispatchId: string, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (typeof error === 'object' && error !== null && (error as { code?: unknown }).code === 'P2003') {
      throw ApplicationFailure.create({
        type: ErrorType.NotFound,
        message: `dispatch ${dispatchId} is not in the read model: call recordDispatch first`,
        nonRetryable: true,
        cause: error as Error,
      });
    }
    throw error;
  }
}
