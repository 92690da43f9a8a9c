/**
 * Replays every recorded history (test/workflows/histories/<workflowType>/*.json, from scripts/record-histories.ts)
 * against the workflow code on disk. Histories recorded before a change stand for the workflows still running on
 * the old code: a change that would make them non-deterministic fails here before it is deployed
 * (docs/operations.md, "How a change reaches running workflows").
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, sep } from 'node:path';
import type { History } from '@temporalio/common/lib/proto-utils';
import { historyFromJSON } from '@temporalio/common/lib/proto-utils';
import { Worker, type ReplayResult } from '@temporalio/worker';
import type * as workflows from '../../workflows';
import { HISTORY_PATHS } from '../support/histories/catalog';
import { workflowBundlePath } from '../support/env';
import { BASELINE_2_FEATURES, BASELINE_FEATURES } from '../../domain/lifecycle';
import { BASELINE_PATCHES } from '../../workflows/dispatch/activities';

// Every workflow type the worker registers (workflows/index.ts); the type makes a new export fail to compile until listed.
const WORKFLOW_TYPES: Record<keyof typeof workflows, true> = {
  dispatchWorkflow: true,
  clientStatusReportWorkflow: true,
  supervisorDigestWorkflow: true,
  weekendProgrammingWorkflow: true,
  expirySweepWorkflow: true,
  escalationRecheckWorkflow: true,
  externalOperationWorkflow: true,
  correctiveActionWorkflow: true,
  annualPartnerEvaluationWorkflow: true,
  annualPartnerEvaluationsWorkflow: true,
  mailResponseWorkflow: true,
  inboundMailWorkflow: true,
  mandateExpiryWorkflow: true,
  agreementClockWorkflow: true,
  shiftHandoverWorkflow: true,
  partnerContractExpiryWorkflow: true,
  administrationReportWorkflow: true,
};

const dir = join(__dirname, 'histories');
const files = (readdirSync(dir, { recursive: true, encoding: 'utf8' }) as string[])
  .filter((f) => f.endsWith('.json'))
  .map((f) => f.split(sep).join('/'))
  .sort();
const histories = new Map<string, History>(files.map((f) => [f, historyFromJSON(JSON.parse(readFileSync(join(dir, f), 'utf8')))]));
/** The workflow type is the one the history started: its first event. */
const typeOf = (h: History) => h.events?.[0]?.workflowExecutionStartedEventAttributes?.workflowType?.name ?? '(no WorkflowExecutionStarted event)';

jest.setTimeout(120_000);

// One replay worker for all histories: each is replayed from its first event to its last, one at a time.
const results = new Map<string, ReplayResult>();
beforeAll(async () => {
  const replays = Worker.runReplayHistories(
    { workflowBundle: { codePath: workflowBundlePath() } },
    files.map((file) => ({ workflowId: file, history: histories.get(file)! })),
  );
  for await (const result of replays) results.set(result.workflowId, result);
});

test('every workflow type of workflows/index.ts has a recorded history', () => {
  const recorded = new Set([...histories.values()].map(typeOf));
  expect(Object.keys(WORKFLOW_TYPES).filter((t) => !recorded.has(t))).toEqual([]);
});

test('every path of the recorder (test/support/histories/catalog.ts) has its histories', () => {
  const missing = HISTORY_PATHS.flatMap((p) => p.files).filter((f) => !files.includes(`${f}.json`));
  expect(missing).toEqual([]);
});

test.each(files)('%s is filed under the workflow type it started', (file) => {
  expect(typeOf(histories.get(file)!)).toBe(file.split('/')[0]);
});

test.each(files)('%s replays without non-determinism', (file) => {
  const result = results.get(file);
  if (!result) throw new Error(`${file} was not replayed`);
  // DeterminismViolationError when the code issues other commands than the history holds; ReplayError otherwise.
  if (result.error) throw result.error;
});

/** The patch ids a history's markers carry, in order. */
function patchIds(h: History): string[] {
  return (h.events ?? []).flatMap((e) => {
    const marker = e.markerRecordedEventAttributes;
    if (marker?.markerName !== 'core_patch') return [];
    const payload = marker.details?.['patch-data']?.payloads?.[0]?.data;
    return payload ? [(JSON.parse(Buffer.from(payload).toString('utf8')) as { id: string }).id] : [];
  });
}

// dispatch-baseline-2026-12 (docs/operations.md): a run that has it asks none of the patches it stands for.
const baselineFiles = files.filter((f) => f.includes('--dispatch-baseline-2026-12'));
test('the dispatch paths are recorded with the baseline patch', () => {
  expect(baselineFiles.length).toBeGreaterThanOrEqual(10);
});
const impliedByBaseline: string[] = [...BASELINE_PATCHES, ...BASELINE_FEATURES];
test.each(baselineFiles)('%s asks the baseline first and none of the patches it stands for', (file) => {
  const h = histories.get(file)!;
  const ids = patchIds(h);
  expect(ids[0]).toBe('dispatch-baseline-2026-12');
  expect(ids.filter((id) => impliedByBaseline.includes(id))).toEqual([]);
  const firstCommand = h.events!.find((e) => e.markerRecordedEventAttributes || e.upsertWorkflowSearchAttributesEventAttributes || e.activityTaskScheduledEventAttributes);
  expect(firstCommand?.markerRecordedEventAttributes?.markerName).toBe('core_patch');
});

// dispatch-baseline-2-2026-12: stands for the first baseline too, so such a run asks neither that one nor anything
// either baseline stands for; and the dispatches it opens are lean (lean-history-2026-12).
const baseline2Files = files.filter((f) => f.includes('--dispatch-baseline-2-2026-12'));
test('the dispatch paths are recorded with the second baseline patch', () => {
  expect(baseline2Files.length).toBeGreaterThanOrEqual(baselineFiles.length);
});
const impliedByBaseline2: string[] = ['dispatch-baseline-2026-12', ...BASELINE_PATCHES, ...BASELINE_2_FEATURES];
test.each(baseline2Files)('%s asks the second baseline only', (file) => {
  const ids = patchIds(histories.get(file)!);
  expect(ids[0]).toBe('dispatch-baseline-2-2026-12');
  expect(ids.filter((id) => impliedByBaseline2.includes(id))).toEqual([]);
});

/** Per accepted update of a history: its name and the local activities it ran, in order. */
function localActivitiesPerUpdate(h: History): { update: string; activities: string[] }[] {
  const out: { update: string; activities: string[] }[] = [];
  let current: { update: string; activities: string[] } | undefined;
  for (const e of h.events ?? []) {
    const accepted = e.workflowExecutionUpdateAcceptedEventAttributes;
    if (accepted) out.push((current = { update: accepted.acceptedRequest?.input?.name ?? '?', activities: [] }));
    const marker = e.markerRecordedEventAttributes;
    const data = marker?.markerName === 'core_local_activity' ? marker.details?.data?.payloads?.[0]?.data : undefined;
    if (current && data) current.activities.push((JSON.parse(Buffer.from(data).toString('utf8')) as { activity_type: string }).activity_type);
    if (e.workflowExecutionUpdateCompletedEventAttributes) current = undefined;
  }
  return out;
}

// lean-history-2026-12, read off histories that replay above (so the code still issues exactly these commands).
test('a lean dispatch records a terminal booking in the write of its transition', () => {
  const lean = localActivitiesPerUpdate(histories.get('dispatchWorkflow/import-green-apmtc--dispatch-baseline-2-2026-12.json')!);
  const old = localActivitiesPerUpdate(histories.get('dispatchWorkflow/import-green-apmtc--dispatch-baseline-2026-12.json')!);
  for (const update of ['requestProforma', 'requestLiquidation', 'bookAppointment', 'bookContainerReturn']) {
    expect([update, lean.find((u) => u.update === update)?.activities]).toEqual([update, ['recordTransition']]);
    expect([update, old.find((u) => u.update === update)?.activities]).toEqual([update, ['recordAppointment', 'recordTransition']]);
  }
});

test('a lean dispatch skips the read-model write of an action that leaves the row as it was', () => {
  const twoContainers = localActivitiesPerUpdate(histories.get('dispatchWorkflow/import-two-containers-apmtc--dispatch-baseline-2-2026-12.json')!);
  const delivered = twoContainers.filter((u) => u.update === 'delivered').map((u) => u.activities);
  // The first container's delivery changes no field of the row (the dispatch is delivered with the second); the second's does.
  expect(delivered).toEqual([[], ['recordTransition']]);
});
