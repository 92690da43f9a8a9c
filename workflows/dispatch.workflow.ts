import {
  allHandlersFinished,
  CancellationScope,
  condition,
  continueAsNew,
  isCancellation,
  patched as askPatch,
  workflowInfo,
} from '@temporalio/workflow';
import { requiredDocuments } from '../domain/documents';
import { emptyBook } from '../domain/dispatch-book';
import type { DispatchView } from '../domain/dispatch-view';
import { hasFeature, isTerminalStatus, LIFECYCLE_FEATURES, type LifecycleFeature } from '../domain/lifecycle';
import { costTermsFor } from '../domain/money/dispatch-costs';
import { resolvePolicy } from '../domain/clocks';
import { dueNotices, pendingNotices, type PlannedNotice } from '../domain/schedule';
import { initialState } from '../domain/state-machine';
import { peruCalendar } from '../domain/calendar';
import { CLOCK_LABEL_ES } from '../domain/clocks';
import type { DispatchWorkflowInput } from './dispatch.messages';
import { PATCHES, patched, recorder, startRun } from './dispatch/activities';
import { registerHandlers } from './dispatch/handlers';
import { compileLiquidationFile, retryWaitingPayments } from './dispatch/money-steps';
import { DispatchRuntime, nowIso, outlastedRetries } from './dispatch/runtime';

// Past this many events a new run starts with the same state (Temporal suggests it earlier on big histories).
const HISTORY_EVENTS_BEFORE_CONTINUE_AS_NEW = 5_000;

/**
 * One customs dispatch (despacho) from opening to closure: its lifecycle, its clocks and every notice they call
 * for. Operator actions arrive as updates; the loop sleeps until the next notice is due or something changes.
 */
export async function dispatchWorkflow(input: DispatchWorkflowInput): Promise<DispatchView> {
  // Handlers are registered before the first await: an update sent right after the start is delivered in the
  // first activation and would be rejected if its handler were not there yet.
  const implied = startRun();
  const rt = restoreOrOpen(input, implied);
  registerHandlers(rt);
  if (!input.carried) await announceOpening(rt);
  try {
    await superviseClocks(rt);
  } catch (err) {
    if (!isCancellation(err)) throw err;
    // Cancelled from Temporal Web or the CLI: leave the same trail as an operator cancellation.
    await CancellationScope.nonCancellable(() => cancelFromOutside(rt));
  }
  await condition(allHandlersFinished);
  // An update finishing last (a cancellation with no clock left) may have queued an email after the clock loop
  // returned: it is sent before the workflow completes.
  if (rt.book.outbox.length > 0 && patched(PATCHES.drainOutboxAtEnd)) await rt.drainOutbox();
  return rt.view();
}

function restoreOrOpen(input: DispatchWorkflowInput, implied: readonly LifecycleFeature[]): DispatchRuntime {
  const policy = resolvePolicy(input.agreement?.policyOverrides);
  // A run that started before regime expiry counted calendar months keeps its day count (deterministic replay);
  // its next run (continue-as-new after a reminder) counts months.
  if (!patched(PATCHES.regimeExpiryMonths)) policy.regimeExpiryMonths = undefined;
  // Likewise, a run from before "24 hrs. útiles" counted business days keeps counting office hours.
  if (!patched(PATCHES.businessDaysReading)) policy.complaintEscalationReading = 'office_hours';
  const c = input.carried;
  if (c) return new DispatchRuntime(input.dispatch, input.openedAt, policy, c.state, c.book, c.calendar, c.searchAttributes);
  const docs = requiredDocuments(input.dispatch, input.agreement?.extraDocuments);
  const rt = new DispatchRuntime(
    input.dispatch,
    input.openedAt,
    policy,
    initialState(input.dispatch, docs, input.openedAt, featuresAtOpening(implied)),
    emptyBook(input.dispatch.eta, input.dispatch.vessel),
    peruCalendar([]), // weekends only until the clock loop loads the holidays (its first step)
  );
  rt.calendarDirty = true;
  const tariffs = input.agreement?.costTariffs;
  const extraServices = input.agreement?.extraServices;
  if (hasFeature(rt.state, LIFECYCLE_FEATURES.moneyClocks)) {
    // Fixed at opening from the input (data): a later change of the tariff table does not move running clocks.
    rt.book.money = {
      ...(tariffs ? { costTerms: costTermsFor(tariffs, input.dispatch.terminal, input.agreement?.shippingLine, input.agreement?.detentionFreeDays) } : {}),
      ...(extraServices ? { extraServiceTerms: extraServices } : {}),
    };
  }
  return rt;
}

/**
 * The lifecycle features a new dispatch gets: each is a patch, so replaying a dispatch opened before a feature
 * existed answers false and keeps its old rules. Asked only when opening (a carried run keeps its state's list);
 * a run with a baseline patch has those it stands for (`implied`) without a marker each.
 */
function featuresAtOpening(implied: readonly LifecycleFeature[]): LifecycleFeature[] {
  return (Object.values(LIFECYCLE_FEATURES) as LifecycleFeature[]).filter((feature) => implied.includes(feature) || askPatch(feature));
}

async function announceOpening(rt: DispatchRuntime): Promise<void> {
  rt.syncSearchAttributes();
  const view = rt.view();
  const record = rt.readModel(view);
  rt.sameAsLastWrite(record);
  await rt.persist({
    activity: 'recordTransition',
    input: {
      record,
      status: { dispatchId: rt.input.dispatchId, status: view.status, at: rt.openedAt, actor: rt.input.openedBy, note: 'opened', idempotencyKey: rt.key('status/0') },
    },
  });
  await rt.notify('acknowledgement', ['client', 'executive'], { kind: 'acknowledgement' }, 'Acuse de recibo al cliente');
}

/** The clock loop: fire due notices, publish risk flags, sleep until the next notice or a change. */
async function superviseClocks(rt: DispatchRuntime): Promise<void> {
  for (;;) {
    const retryDue = !rt.sideEffectsWaiting();
    if (retryDue && rt.calendarReloadPending) rt.calendarDirty = true;
    if (rt.calendarDirty) {
      rt.calendarDirty = false;
      await loadCalendar(rt);
    }
    if (retryDue) {
      await rt.retryWaitingWrites();
      await rt.drainOutbox();
      rt.caughtUp();
    }
    // Only dispatches opened with money-clocks-2026-12 ever set fundsChanged (a deposit while a payment waits).
    if (rt.book.money?.fundsChanged) await retryWaitingPayments(rt);
    // Only a dispatch closed under money-clocks-2026-12 has a liquidation file to compile and send.
    if (rt.book.money?.liquidation?.pending && !rt.sideEffectsWaiting()) await compileLiquidationFile(rt);
    const fired = await fireDueNotices(rt);
    const view = rt.view();
    rt.syncSearchAttributes(view);
    if (fired > 0) await rt.changed();
    const next = pendingNotices(rt.scheduleContext())[0];
    const nothingWaits = rt.book.outbox.length === 0 && (rt.book.pendingWrites?.length ?? 0) === 0 && !rt.book.money?.liquidation?.pending;
    if (isTerminalStatus(rt.state.status) && !next && nothingWaits) return;
    if (shouldContinueAsNew(rt, fired)) {
      await condition(allHandlersFinished);
      return continueAsNew<typeof dispatchWorkflow>({
        dispatch: rt.input,
        openedAt: rt.openedAt,
        agreement: { policyOverrides: rt.policy },
        carried: { state: rt.state, book: rt.book, calendar: rt.calendar, searchAttributes: rt.searchAttributes },
      });
    }
    const seen = rt.version;
    const wake = () => rt.version !== seen || rt.calendarDirty || (rt.book.outbox.length > 0 && !rt.sideEffectsWaiting());
    const retryAt = rt.book.retrySideEffectsAt;
    if (retryAt && (!next || retryAt < next.dueAt)) {
      await condition(wake, Math.max(Date.parse(retryAt) - Date.now(), 1), { summary: 'Reintento de correos y registros pendientes' });
    } else if (next) await condition(wake, Math.max(Date.parse(next.dueAt) - Date.now(), 1), { summary: summaryOf(next) });
    else await condition(wake);
  }
}

/** Loads the business calendar; when the database stays down past the retries, keeps the one it has and retries later. */
async function loadCalendar(rt: DispatchRuntime): Promise<void> {
  try {
    const load = () => recorder().loadBusinessCalendar({ country: 'PE', aroundIso: nowIso() });
    rt.calendar = patched(PATCHES.serialLocalActivities) ? await rt.serially(load) : await load();
    rt.calendarReloadPending = false;
  } catch (err) {
    if (!outlastedRetries(err) || !patched(PATCHES.boundedSideEffects)) throw err;
    rt.calendarReloadPending = true;
    rt.fallBehind('carga del calendario de feriados', err);
  }
}

async function fireDueNotices(rt: DispatchRuntime): Promise<number> {
  const { send, skip } = dueNotices(pendingNotices(rt.scheduleContext()), nowIso());
  for (const n of skip) rt.book.firedNotices.push(n.key);
  for (const n of send) {
    await rt.notify(`notice/${n.key}`, n.audience, n.notification, summaryOf(n));
    rt.book.firedNotices.push(n.key);
  }
  return send.length + skip.length;
}

function summaryOf(n: PlannedNotice): string {
  const phase = { reminder: 'Recordatorio', missed: 'Alerta de vencimiento', legal_at_risk: 'Escalamiento: plazo legal en riesgo', escalation: 'Escalamiento al supervisor' }[n.phase];
  return `${phase}: ${CLOCK_LABEL_ES[n.clock]}`;
}

/**
 * A closed dispatch that still waits (regime expiry reminders over months) starts a fresh run after each
 * notice, so its history stays a few events long; any dispatch does when its history grows large.
 */
function shouldContinueAsNew(rt: DispatchRuntime, fired: number): boolean {
  const info = workflowInfo();
  if (info.continueAsNewSuggested || info.historyLength > HISTORY_EVENTS_BEFORE_CONTINUE_AS_NEW) return true;
  return isTerminalStatus(rt.state.status) && fired > 0;
}

async function cancelFromOutside(rt: DispatchRuntime): Promise<void> {
  if (isTerminalStatus(rt.state.status)) return;
  const reason = 'Anulado desde Temporal (cancelación del workflow)';
  await rt.transition({ type: 'cancelled', reason, at: nowIso() }, 'temporal', reason);
  rt.enqueue('cancelled', ['client', 'executive'], { kind: 'cancelled', reason }, 'Aviso de anulación');
  await rt.drainOutbox();
}
