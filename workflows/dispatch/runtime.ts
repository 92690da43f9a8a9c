import { ActivityFailure, ApplicationFailure, TimeoutFailure, workflowInfo } from '@temporalio/workflow';
import type { DispatchInput } from '../../domain/dispatch';
import type { BusinessCalendar } from '../../domain/calendar';
import type { DispatchBook } from '../../domain/dispatch-book';
import type { DispatchPolicy } from '../../domain/clocks';
import type { DispatchView } from '../../domain/dispatch-view';
import { toDispatchView } from '../../domain/dispatch-view';
import { ErrorType } from '../../domain/errors';
import type { AppointmentEntry, DispatchRecord } from '../../activities/records/record-store';
import { sideEffectKey } from '../../domain/ids';
import { hasFeature, LIFECYCLE_FEATURES, STATUS_LABEL_ES } from '../../domain/lifecycle';
import { containerCostClocks, dispatchCostsView, type DispatchCostsView } from '../../domain/money/dispatch-costs';
import { moneyReadModel, moneyView } from '../../domain/money/money-view';
import type { DispatchSnapshot, Notification, Audience } from '../../domain/notifications';
import { openDeadlines, riskFlags, type ScheduleContext } from '../../domain/schedule';
import { applyEvent, canApply, type DispatchEvent, type DispatchState } from '../../domain/state-machine';
import { EMAIL_OPTIONS, PATCHES, RETRY_SIDE_EFFECTS_AFTER_MS, email, patched } from './activities';
import { runWrite, type RecordWrite } from './record-writes';
import { syncSearchAttributes } from './search-attributes';

/**
 * A side effect that failed after its retries for a reason that may heal (an outage), as opposed to a business
 * rejection or a bug (non-retryable). An activity's failure arrives as ActivityFailure; a local activity's as
 * the ApplicationFailure (or TimeoutFailure) of its last attempt.
 */
export function outlastedRetries(err: unknown): boolean {
  if (err instanceof ActivityFailure) return !(err.cause instanceof ApplicationFailure && err.cause.nonRetryable);
  if (err instanceof ApplicationFailure) return !err.nonRetryable;
  return err instanceof TimeoutFailure;
}

/** Workflow time as ISO (deterministic inside the workflow sandbox). */
export const nowIso = () => new Date().toISOString();

/**
 * The live dispatch inside its workflow: lifecycle state, book, calendar, and the only way to change them.
 * Every transition goes through the pure state machine, then is persisted in order (read model, status
 * history, glosa 40025) by activities whose idempotency keys come from workflow state.
 */
export class DispatchRuntime {
  /** Bumped on every change; the main loop wakes on it to re-plan its timers. */
  version = 0;
  calendarDirty = false;
  /** The calendar could not be loaded (database down past the retries): reload at the next retry. */
  calendarReloadPending = false;
  private persistChain: Promise<void> = Promise.resolve();
  /** The last read-model row handed to persist (lean-history-2026-12 skips writing the same row again). */
  private lastRecord = '';
  readonly workflowId = workflowInfo().workflowId;
  /** Runs after every operator action (money-steps.ts); true when it changed the dispatch. */
  afterAction?: (action: string, args: { actor: string; occurredAt?: string }) => Promise<boolean>;

  constructor(
    readonly input: DispatchInput,
    readonly openedAt: string,
    readonly policy: DispatchPolicy,
    public state: DispatchState,
    public book: DispatchBook,
    public calendar: BusinessCalendar,
    public searchAttributes = '',
  ) {}

  scheduleContext(): ScheduleContext {
    return { state: this.state, book: this.book, policy: this.policy, calendar: this.calendar, input: this.input };
  }

  view(): DispatchView {
    const ctx = this.scheduleContext();
    return toDispatchView({
      input: this.input,
      openedAt: this.openedAt,
      state: this.state,
      book: this.book,
      deadlines: openDeadlines(ctx),
      flags: riskFlags(ctx, nowIso()),
      now: nowIso(),
      costs: this.costs(),
      money: hasFeature(this.state, LIFECYCLE_FEATURES.moneyClocks) ? moneyView(this.book) : undefined,
    });
  }

  /** Accrued and projected costs of the containers' clocks (dispatches opened with money-clocks-2026-12 and tariffs). */
  costs(): DispatchCostsView | undefined {
    const terms = this.book.money?.costTerms;
    if (!terms || !hasFeature(this.state, LIFECYCLE_FEATURES.moneyClocks)) return undefined;
    const now = nowIso();
    return dispatchCostsView(containerCostClocks(this.state, this.input, terms, this.calendar, now), now);
  }

  snapshot(): DispatchSnapshot {
    return {
      dispatchId: this.input.dispatchId,
      client: this.input.client,
      executive: this.input.executive,
      regime: this.input.regime,
      terminal: this.input.terminal,
      vessel: this.book.vessel,
      eta: this.book.eta,
      bl: this.input.bl,
      status: STATUS_LABEL_ES[this.state.status],
      damNumber: this.state.damNumber,
      channel: this.state.channel,
      ...(this.state.damNumberedBy ? { damNumberedBy: this.state.damNumberedBy } : {}),
    };
  }

  /** Next sequence number: ids of complaints, incidents, glosas and services, unique within the dispatch. */
  nextSeq(): number {
    this.book.seq += 1;
    return this.book.seq;
  }

  key(step: string): string {
    return sideEffectKey(this.workflowId, step);
  }

  /** Throws the state machine's Spanish reason when the event is not allowed now (used by update validators). */
  assertAllowed(event: DispatchEvent): void {
    const verdict = canApply(this.state, event);
    if (!verdict.ok) throw ApplicationFailure.nonRetryable(verdict.reason, ErrorType.InvalidTransition);
  }

  /** Whether the dispatch was opened with lean-history-2026-12 (a booking in its transition's write, same rows not rewritten). */
  get lean(): boolean {
    return hasFeature(this.state, LIFECYCLE_FEATURES.leanHistory);
  }

  /**
   * Applies an event and waits until it is persisted. A terminal booking that led to it (`appointment`) is
   * recorded in the same write for lean dispatches, in a write of its own before it for the others.
   */
  async transition(event: DispatchEvent, actor: string, note?: string, appointment?: AppointmentEntry): Promise<void> {
    if (appointment && !this.lean) await this.persist({ activity: 'recordAppointment', input: appointment });
    this.assertAllowed(event); // the state may have moved while an update handler awaited an activity
    const before = this.state.status;
    this.state = applyEvent(this.state, event);
    this.touch();
    const seq = this.nextSeq();
    const status = this.state.status;
    const view = this.view();
    const snapshot = this.snapshot();
    const changed = status !== before;
    const record = this.readModel(view);
    if (this.sameAsLastWrite(record) && !changed && !appointment) return this.persistChain;
    await this.persist({
      activity: 'recordTransition',
      input: {
        record,
        ...(appointment && this.lean ? { appointment } : {}),
        status: changed
          ? { dispatchId: this.input.dispatchId, status, at: event.at, actor, note: note ?? event.type, idempotencyKey: this.key(`status/${seq}`) }
          : undefined,
        glosa: changed
          ? {
              dispatchId: this.input.dispatchId,
              code: '40025',
              payload: { status, statusLabel: snapshot.status, eta: snapshot.eta, vessel: snapshot.vessel, damNumber: snapshot.damNumber ?? null, channel: snapshot.channel ?? null },
              actor,
              at: event.at,
              idempotencyKey: this.key(`glosa-40025/${seq}`),
            }
          : undefined,
      },
    });
  }

  /** Marks a change that is not a status transition (book entries) and refreshes the read model. */
  async changed(appointment?: AppointmentEntry): Promise<void> {
    if (appointment && !this.lean) await this.persist({ activity: 'recordAppointment', input: appointment });
    this.touch();
    const record = this.readModel(this.view());
    const same = this.sameAsLastWrite(record);
    if (appointment && this.lean) return this.persist({ activity: 'recordTransition', input: { record, appointment } });
    if (same) return this.persistChain;
    await this.persist({ activity: 'recordDispatch', input: record });
  }

  /**
   * For lean dispatches: true when `record` is the row last handed to persist, so writing it alone again would
   * change nothing (an action that only touched what the read model does not show, such as a document received).
   * Remembers it as the last row; never true for other dispatches, nor for the first write of a run.
   */
  sameAsLastWrite(record: DispatchRecord): boolean {
    if (!this.lean) return false;
    const fingerprint = JSON.stringify(record);
    const same = fingerprint === this.lastRecord;
    this.lastRecord = fingerprint;
    return same;
  }

  touch(): void {
    this.version += 1;
  }

  /**
   * Runs record writes strictly in order, so an older snapshot never overwrites a newer one. A write that
   * outlasts its retries (PostgreSQL down for minutes) waits in the book with every write after it, the
   * dispatch shows an incident, and the main loop tries them again later: the action that caused it still
   * answers, and nothing is lost.
   */
  persist(write: RecordWrite): Promise<void> {
    const next = this.persistChain.then(async () => {
      const waiting = this.waitingWrites();
      if (waiting.length > 0) {
        waiting.push(write);
        return;
      }
      try {
        await runWrite(write);
      } catch (err) {
        if (!outlastedRetries(err) || !patched(PATCHES.boundedSideEffects)) throw err;
        this.book.pendingWrites = [write];
        this.fallBehind('registro en la base de datos', err);
      }
    });
    this.persistChain = next.catch(() => undefined);
    return next;
  }

  /**
   * Runs `fn` after every record write queued before it, and holds later writes until it is done: at most one
   * local activity of the dispatch is in flight at a time. Two at once (an update's write and the main loop's
   * calendar load) could complete in either order on first execution but resolve in scheduling order on replay,
   * and the code after them would then issue its commands in another order (non-determinism).
   */
  serially<T>(fn: () => Promise<T>): Promise<T> {
    const next = this.persistChain.then(fn);
    this.persistChain = next.then(
      () => undefined,
      () => undefined,
    );
    return next;
  }

  /** The book's waiting writes, typed (only persist() puts them there). */
  private waitingWrites(): RecordWrite[] {
    return (this.book.pendingWrites ?? []) as RecordWrite[];
  }

  /** True while side effects that outlasted their retries wait for their next attempt. */
  sideEffectsWaiting(): boolean {
    return Boolean(this.book.retrySideEffectsAt) && nowIso() < this.book.retrySideEffectsAt!;
  }

  /**
   * Something outlasted its retries: try again after RETRY_SIDE_EFFECTS_AFTER_MS, and open one incident per
   * outage that the executive sees on the dispatch (it names what is waiting).
   */
  fallBehind(what: string, err: unknown): void {
    const firstOfOutage = !this.book.retrySideEffectsAt;
    this.book.retrySideEffectsAt = new Date(Date.now() + RETRY_SIDE_EFFECTS_AFTER_MS).toISOString();
    if (firstOfOutage) {
      const cause = err instanceof ActivityFailure && err.cause ? err.cause.message : err instanceof Error ? err.message : String(err);
      this.book.incidents.push({
        id: `INC-${this.nextSeq()}`,
        kind: 'infrastructure',
        description: `No se pudo completar: ${what} (${cause}). Quedó pendiente y se reintenta automáticamente cada ${RETRY_SIDE_EFFECTS_AFTER_MS / 60_000} minutos.`,
        at: nowIso(),
        actor: 'levante',
      });
    }
    this.touch();
  }

  /** After an outage: the waiting record writes, in order; stops at the first that fails again. */
  async retryWaitingWrites(): Promise<void> {
    const waiting = this.waitingWrites();
    while (waiting.length > 0) {
      try {
        await runWrite(waiting[0]!);
      } catch (err) {
        if (!outlastedRetries(err)) throw err;
        this.fallBehind('registro en la base de datos', err);
        return;
      }
      waiting.shift();
    }
  }

  /** Called by the main loop once nothing waits any more: the outage is over. */
  caughtUp(): void {
    if (!this.book.retrySideEffectsAt || (this.book.pendingWrites?.length ?? 0) > 0 || this.book.outbox.length > 0) return;
    this.book.retrySideEffectsAt = undefined;
  }

  /** Queues an email for the main loop and returns at once (an update must not wait for the mail server). */
  enqueue(step: string, audience: Audience[], notification: Notification, summary: string): void {
    this.book.outbox.push({ step, audience, notification, summary, firedAt: nowIso() });
    this.touch();
  }

  /** Sends the queued emails in order; each leaves the queue once sent. Stops when one outlasts its retries. */
  async drainOutbox(): Promise<void> {
    while (this.book.outbox.length > 0) {
      if (!(await this.send(this.book.outbox[0]!))) return;
      this.book.outbox.shift();
    }
  }

  /**
   * Sends one notification; `step` makes its Message-ID (a retry never sends twice). One that outlasts its
   * retries (mail server down) is queued in the outbox for the main loop to send later.
   */
  async notify(step: string, audience: Audience[], notification: Notification, summary: string): Promise<void> {
    const item = { step, audience, notification, summary, firedAt: nowIso() };
    if (!(await this.send(item))) this.book.outbox.push(item);
  }

  private async send(item: DispatchBook['outbox'][number]): Promise<boolean> {
    try {
      await email.sendDispatchEmail.executeWithOptions({ ...EMAIL_OPTIONS, summary: item.summary }, [
        // firedAt is input payload only (replay-safe): the activity routes to whoever is on duty at that instant.
        { idempotencyKey: this.key(item.step), audience: item.audience, dispatch: this.snapshot(), notification: item.notification, firedAt: item.firedAt },
      ]);
      return true;
    } catch (err) {
      if (!outlastedRetries(err) || !patched(PATCHES.boundedSideEffects)) throw err;
      this.fallBehind(`correo «${item.summary}»`, err);
      return false;
    }
  }

  syncSearchAttributes(view: DispatchView = this.view()): void {
    this.searchAttributes = syncSearchAttributes(view, this.input.executive.id, this.searchAttributes);
  }

  readModel(view: DispatchView): DispatchRecord {
    return {
      dispatchId: view.dispatchId,
      workflowId: this.workflowId,
      clientRuc: view.client.ruc,
      clientName: view.client.name,
      direction: view.direction,
      regime: view.regime,
      modality: view.modality,
      terminal: view.terminal,
      status: view.status,
      channel: view.channel ?? null,
      damNumber: view.damNumber ?? null,
      vessel: view.vessel,
      eta: view.eta,
      bl: view.bl,
      goods: this.input.goods,
      restrictedGoods: view.restrictedGoods,
      executiveId: this.input.executive.id,
      executiveName: view.executive.name,
      executiveEmail: view.executive.email,
      nextDeadlineAt: view.nextDeadline?.dueAt ?? null,
      nextDeadlineClock: view.nextDeadline?.clock ?? null,
      atRisk: view.atRisk,
      overdue: view.overdue,
      openedAt: view.openedAt,
      closedAt: this.state.closedAt ?? this.state.cancelledAt ?? null,
      ...(view.plan.length > 0 ? { plan: view.plan } : {}),
      ...(view.money ? moneyReadModel(view) : {}),
    };
  }
}
