/**
 * Histories of part (a) of `bench:scale`: size (events, bytes) of a sample of dispatch workflows, the kinds of
 * events in one, and where an alert's lateness goes: the time its timer was set for, the server firing it, the
 * workflow task that schedules the email activity, a worker starting that activity, the activity completing.
 */
import type { Client } from '@temporalio/client';
import { temporal } from '@temporalio/proto';
import { dispatchWorkflowId } from '../../domain/ids';
import { ascending, num, percentile } from './scale-stats';

const EventType = temporal.api.enums.v1.EventType;
type HistoryEvent = temporal.api.history.v1.IHistoryEvent;

type Timestamp = { seconds?: { toString(): string } | number | null; nanos?: number | null } | null | undefined;
const ms = (t: Timestamp): number => (t ? Number(String(t.seconds ?? 0)) * 1000 + Math.floor((t.nanos ?? 0) / 1e6) : NaN);
const at = (e: HistoryEvent | undefined): number => (e ? ms(e.eventTime) : NaN);

export interface HistoryFigures {
  workflows: number;
  events: number[];
  bytes: number[];
  /** One history's events by kind. */
  breakdown: string;
  /** Medians (ms) of each stage between the due time and the alert's activity completing. */
  stages: { name: string; p50: number; p95: number }[];
}

/** Describes `sample` dispatch ids (events, bytes) and reads their histories; `dueOf` gives each one's due time. */
export async function historyFigures(client: Client, sample: string[], dueOf: (dispatchId: string) => number): Promise<HistoryFigures> {
  const described = await Promise.all(sample.map((id) => client.workflow.getHandle(dispatchWorkflowId(id)).describe()));
  const histories = await Promise.all(sample.map((id) => client.workflow.getHandle(dispatchWorkflowId(id)).fetchHistory()));
  const stages: Record<string, number[]> = {
    'timer set to fire (due + workflow task time)': [],
    'server fired the timer': [],
    'workflow task scheduled the email': [],
    'a worker started it': [],
    'it completed (SMTP accepted)': [],
  };
  histories.forEach((h, k) => {
    const events = h.events ?? [];
    const fired = events.find((e) => e.eventType === EventType.EVENT_TYPE_TIMER_FIRED);
    const timerId = fired?.timerFiredEventAttributes?.timerId;
    const timer = events.find((e) => e.eventType === EventType.EVENT_TYPE_TIMER_STARTED && e.timerStartedEventAttributes?.timerId === timerId);
    const scheduled = events.find((e) => e.eventType === EventType.EVENT_TYPE_ACTIVITY_TASK_SCHEDULED && Number(e.eventId) > Number(fired?.eventId ?? Infinity));
    const id = scheduled?.eventId;
    const started = events.find((e) => e.eventType === EventType.EVENT_TYPE_ACTIVITY_TASK_STARTED && String(e.activityTaskStartedEventAttributes?.scheduledEventId) === String(id));
    const completed = events.find((e) => e.eventType === EventType.EVENT_TYPE_ACTIVITY_TASK_COMPLETED && String(e.activityTaskCompletedEventAttributes?.scheduledEventId) === String(id));
    if (!fired || !completed) return;
    const due = dueOf(sample[k]!);
    // A workflow plans its timer from the workflow task's start time; the server starts it when the task completes.
    const firesAt = at(timer) + ms(timer?.timerStartedEventAttributes?.startToFireTimeout);
    stages['timer set to fire (due + workflow task time)']!.push(firesAt - due);
    stages['server fired the timer']!.push(at(fired) - firesAt);
    stages['workflow task scheduled the email']!.push(at(scheduled) - at(fired));
    stages['a worker started it']!.push(at(started) - at(scheduled));
    stages['it completed (SMTP accepted)']!.push(at(completed) - at(started));
  });
  const one = histories[0]?.events ?? [];
  const n = (t: number) => one.filter((e) => e.eventType === t).length;
  return {
    workflows: sample.length,
    events: ascending(described.map((d) => d.historyLength)),
    bytes: ascending(described.map((d) => d.historySize ?? NaN)),
    breakdown: `${one.length} events: workflow tasks ${n(EventType.EVENT_TYPE_WORKFLOW_TASK_COMPLETED)}, updates ${n(EventType.EVENT_TYPE_WORKFLOW_EXECUTION_UPDATE_ACCEPTED)}, activities ${n(EventType.EVENT_TYPE_ACTIVITY_TASK_SCHEDULED)}, local-activity markers ${n(EventType.EVENT_TYPE_MARKER_RECORDED)}, search-attribute upserts ${n(EventType.EVENT_TYPE_UPSERT_WORKFLOW_SEARCH_ATTRIBUTES)}, timers ${n(EventType.EVENT_TYPE_TIMER_STARTED)}`,
    stages: Object.entries(stages).map(([name, values]) => {
      const sorted = ascending(values);
      return { name, p50: percentile(sorted, 50), p95: percentile(sorted, 95) };
    }),
  };
}

/** The row of the history table. */
export const historyRow = (h: HistoryFigures) => [
  'dispatch workflow',
  String(h.workflows),
  num(h.events[0], 0),
  num(h.events.at(-1), 0),
  num(percentile(h.bytes, 50), 0),
  num(h.bytes.at(-1), 0),
];
