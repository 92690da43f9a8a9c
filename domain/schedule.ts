/**
 * From a dispatch's state to its open deadlines and the notices they call for (reminder before, alert at,
 * escalation of legal deadlines). Pure: the workflow sleeps until the earliest notice not yet fired,
 * so adding a non-working day or recording an action simply re-plans.
 */
import type { Audience, Notification } from './notifications';
import type { DispatchState } from './state-machine';
import type { DispatchBook } from './dispatch-book';
import type { BusinessCalendar } from './calendar';
import { exportDeadlines } from './exports/export-clocks';
import { outboundClocks, outboundDeadlines, reimportDueAt } from './exports/outbound-clocks';
import { isReshipment, outboundKind } from './exports/outbound-regimes';
import { importClocks, importDeadlines } from './imports/import-clocks';
import { hasFeature, LIFECYCLE_FEATURES } from './lifecycle';
import type { DispatchInput } from './dispatch';
import { containerCostClocks, type ContainerCostClock } from './money/dispatch-costs';
import { waitingPayments } from './money/money-book';
import { pendingOriginals } from './money/liquidation';
import { addBusinessDayTime } from './calendar';
import { CLOCK_LABEL_ES, complaintEscalationDueAt, regimeExpiryAt, regularizationDeadlines, type ClockName, type Deadline, type DispatchPolicy } from './clocks';

export interface ScheduleContext {
  state: DispatchState;
  book: DispatchBook;
  policy: DispatchPolicy;
  calendar: BusinessCalendar;
  /** The dispatch's containers (cost clocks); absent where no cost clock is planned. */
  input?: Pick<DispatchInput, 'containers'>;
}

const COST_CLOCK_NAME = { storage: 'storage_free_time', detention: 'detention_free_time' } as const;
const costRef = (c: Pick<ContainerCostClock, 'kind' | 'containerNumber'>) => `${c.kind}-${c.containerNumber}`;

/** Running cost clocks of a dispatch opened with money-clocks-2026-12 and tariffs (none otherwise). */
function runningCostClocks({ state, book, calendar, input }: ScheduleContext): ContainerCostClock[] {
  const terms = book.money?.costTerms;
  if (!terms || !input || !hasFeature(state, LIFECYCLE_FEATURES.moneyClocks) || state.status === 'cancelled') return [];
  return containerCostClocks(state, input, terms, calendar, state.updatedAt).filter((c) => !c.stoppedOn);
}

/** A notice planned at `dueAt`; `key` is unique within the dispatch and stable across re-plans. */
export interface PlannedNotice {
  key: string;
  dueAt: string;
  clock: ClockName;
  phase: 'reminder' | 'missed' | 'legal_at_risk' | 'escalation';
  /** When the deadline itself falls due: a reminder found after it is skipped, not sent. */
  deadlineAt: string;
  audience: Audience[];
  notification: Notification;
}

const at = (iso: string, deltaMs: number) => new Date(Date.parse(iso) + deltaMs).toISOString();

function deadline(clock: ClockName, dueAt: string, ref: string): Deadline {
  return { clock, dueAt, label: CLOCK_LABEL_ES[clock], ref };
}

/** Every deadline still open (its clock not stopped by the action it waits for). */
export function openDeadlines({ state, book, policy, calendar, input }: ScheduleContext): Deadline[] {
  if (state.status === 'cancelled') return [];
  const list: Deadline[] = [];
  book.receipts.forEach((receipt, i) => {
    if (book.lastReviewAt && book.lastReviewAt >= receipt.at) return;
    list.push(deadline('document_review', at(receipt.at, policy.documentReviewMs), `receipt-${i + 1}`));
  });
  if (state.documentsReviewedAt && ['documents_reviewed'].includes(state.status)) {
    list.push(deadline('dam_draft', at(state.documentsReviewedAt, policy.damDraftMs), 'draft'));
  }
  for (const c of book.complaints) {
    if (c.reportedAt) continue;
    list.push(deadline('complaint_escalation', complaintEscalationDueAt(calendar, c.at, policy), c.id));
  }
  if (state.direction === 'import' && state.modality === 'diferido' && state.dischargeEndedAt && !state.damNumber) {
    list.push(deadline('deferred_numbering', at(state.dischargeEndedAt, policy.deferredNumberingLegalMs), 'dam'));
  }
  if (!state.regularizedAt) list.push(...regularizationDeadlines(state, policy));
  list.push(...exportDeadlines(state, policy));
  if (state.levanteAt && !book.regimeConcludedAt && (state.regime === '20' || state.regime === '70')) {
    list.push(deadline('regime_expiry', regimeExpiryAt(state.levanteAt, state.regime, policy)!, `regime-${state.regime}`));
  }
  list.push(...outboundDeadlines(state, policy));
  // A temporary export (41) must be re-imported within its term from the end of shipment: the regime-expiry reminders.
  if (outboundKind(state) === 'temporary_export' && state.shipmentEndedAt && !book.regimeConcludedAt) {
    list.push({ clock: 'regime_expiry', dueAt: reimportDueAt(state.shipmentEndedAt, outboundClocks(policy)), label: 'Reimportación de la exportación temporal (régimen 41)', ref: 'reimport-41' });
  }
  for (const d of importDeadlines(state, policy)) list.push(deadline(d.clock, d.dueAt, d.ref));
  if (hasFeature(state, LIFECYCLE_FEATURES.moneyClocks)) {
    for (const p of waitingPayments(book)) if (p.fundsDueAt) list.push(deadline('funds_wait', p.fundsDueAt, p.step));
    // Once the dispatch could close (empty container returned; regularized for an export or a SADA import),
    // the originals must reach the Archive.
    // A reshipment (outbound-regimes-2026-12) is not regularized: its operations end with the shipment.
    const regularizes = state.direction === 'export' || state.modality === 'anticipado';
    const opsEnded = isReshipment(state) ? state.shipmentEndedAt : regularizes ? state.regularizedAt : state.containerReturnedAt;
    if (opsEnded && state.status !== 'closed' && pendingOriginals(state.requiredDocuments, book.money?.originals).length > 0) {
      list.push(deadline('archive_originals', addBusinessDayTime(calendar, opsEnded, policy.archiveOriginalsBusinessMs ?? 48 * 3_600_000), 'archive'));
    }
  }
  for (const c of runningCostClocks({ state, book, policy, calendar, input })) {
    list.push({ ...deadline(COST_CLOCK_NAME[c.kind], c.accruesAt, costRef(c)), label: `${CLOCK_LABEL_ES[COST_CLOCK_NAME[c.kind]]} ${c.containerNumber}` });
  }
  return list.sort((a, b) => a.dueAt.localeCompare(b.dueAt));
}

function noticesFor(d: Deadline, ctx: ScheduleContext): PlannedNotice[] {
  const { policy, book, state } = ctx;
  const base = { clock: d.clock, deadlineAt: d.dueAt };
  const key = (phase: string) => `${d.clock}/${d.ref ?? 'main'}/${phase}`;
  const info = { clock: d.clock, dueAt: d.dueAt, label: d.label };
  const reminder = (beforeMs: number, audience: Audience[]): PlannedNotice => ({
    ...base,
    key: key('reminder'),
    dueAt: at(d.dueAt, -beforeMs),
    phase: 'reminder',
    audience,
    notification: { kind: 'deadline_reminder', ...info },
  });
  const missed = (audience: Audience[]): PlannedNotice => ({
    ...base,
    key: key('missed'),
    dueAt: d.dueAt,
    phase: 'missed',
    audience,
    notification: { kind: 'deadline_missed', ...info },
  });
  switch (d.clock) {
    case 'document_review':
    case 'dam_draft':
      return [reminder(policy.reviewReminderBeforeMs, ['executive']), missed(['executive', 'supervisors'])];
    case 'regularization_target':
      return [reminder(policy.regularizationReminderBeforeMs, ['executive']), missed(['executive', 'supervisors'])];
    case 'parent_regime_expiry':
    case 'reshipment_term': {
      // outbound-regimes-2026-12: reminder to the executive, then the supervisor's at-risk escalation, then the alert.
      const clocks = outboundClocks(policy);
      const before = d.clock === 'reshipment_term' ? clocks.reshipmentReminderBeforeMs : clocks.reexportExpiryReminderBeforeMs;
      return [
        reminder(before, ['executive']),
        { ...base, key: key('at-risk'), dueAt: at(d.dueAt, -clocks.outboundAtRiskBeforeMs), phase: 'legal_at_risk', audience: ['supervisors', 'executive'], notification: { kind: 'legal_deadline_at_risk', ...info } },
        missed(['supervisors', 'executive']),
      ];
    }
    case 'regularization_legal':
    case 'deferred_numbering':
      return [
        {
          ...base,
          key: key('at-risk'),
          dueAt: at(d.dueAt, -policy.regularizationReminderBeforeMs),
          phase: 'legal_at_risk',
          audience: ['supervisors', 'executive'],
          notification: { kind: 'legal_deadline_at_risk', ...info },
        },
        missed(['supervisors', 'executive']),
      ];
    case 'complaint_escalation': {
      const c = book.complaints.find((x) => x.id === d.ref);
      if (!c) return [];
      const notification: Notification = {
        kind: 'complaint_escalation',
        complaint: c.description,
        category: c.category,
        reportedAt: c.at,
        dueAt: d.dueAt,
      };
      return [{ ...missed(['supervisors', 'executive']), phase: 'escalation', notification }];
    }
    case 'cargo_cutoff':
      return [reminder(policy.cargoCutoffReminderBeforeMs, ['executive']), missed(['executive', 'supervisors'])];
    case 'export_shipment':
      return [reminder(policy.reviewReminderBeforeMs, ['executive']), missed(['executive', 'supervisors'])];
    case 'levante_follow_up':
      return [reminder(importClocks(policy).levanteReminderBeforeMs, ['executive']), missed(['executive', 'supervisors'])];
    case 'senasa_inspection': {
      // The reminder comes the day before the inspection itself; the alert when its report is late.
      const senasa = state.inspections?.senasa;
      const clocks = importClocks(policy);
      if (!senasa) return [];
      const before = reminder(clocks.senasaReportMs + clocks.senasaReminderBeforeMs, ['executive']);
      const label = `Inspección de SENASA programada en ${senasa.place} con ${senasa.inspector}`;
      return [{ ...before, notification: { kind: 'deadline_reminder', clock: d.clock, dueAt: senasa.scheduledFor, label } }, missed(['executive', 'supervisors'])];
    }
    case 'regime_expiry':
      return policy.regimeExpiryRemindersDays.map((days) => ({
        ...base,
        key: key(`${days}d`),
        dueAt: at(d.dueAt, -days * 86_400_000),
        phase: 'reminder' as const,
        // Seed 2.1.13: also the client's assigned executive, whoever numbered the DAM (import-steps-2026-12). A
        // temporary export's re-import reminders go to the executives (outbound-regimes-2026-12).
        audience: (d.ref === 'reimport-41' ? ['executive', 'numbering_executive']
          : hasFeature(state, LIFECYCLE_FEATURES.importSteps) ? ['client', 'executive', 'numbering_executive'] : ['client', 'executive']) as Audience[],
        notification: { kind: 'regime_expiry_reminder', expiresAt: d.dueAt, daysBefore: days },
      }));
    case 'storage_free_time':
    case 'detention_free_time':
      return costClockNotices(d, ctx, base, key);
    case 'funds_wait': {
      const p = waitingPayments(book).find((x) => x.step === d.ref);
      if (!p) return [];
      const figures = { amount: p.amount, payee: p.payee, concept: p.concept, reference: p.reference, reason: p.reason, shortfall: p.shortfall, waitingSince: p.waitingSince, dueAt: d.dueAt };
      return [{ ...base, key: key('escalation'), dueAt: d.dueAt, phase: 'escalation', audience: ['supervisors', 'executive'], notification: { kind: 'funds_wait_escalation', ...figures } }];
    }
    case 'archive_originals':
      // A reminder that chases the originals: the closing is refused until they reach the Archive.
      return [missed(['executive'])];
  }
}

/**
 * A container's cost clock: the executive is warned with the cost if nothing is done at 09:00 of the last business
 * day before free time ends; when it has ended and cost accrues, the supervisor (and the executive) are told.
 */
function costClockNotices(d: Deadline, ctx: ScheduleContext, base: Pick<PlannedNotice, 'clock' | 'deadlineAt'>, key: (phase: string) => string): PlannedNotice[] {
  const c = runningCostClocks(ctx).find((x) => costRef(x) === d.ref);
  if (!c) return [];
  const figures = {
    clock: d.clock,
    label: d.label,
    containerNumber: c.containerNumber,
    size: c.size,
    lastFreeDay: c.lastFreeDay,
    firstChargeableDay: c.firstChargeableDay,
    estimatedUntil: c.estimatedUntil,
    estimatedDays: c.estimatedDays,
    dailyRate: c.dailyRate,
    estimatedCost: c.estimatedCost,
    source: c.source,
  };
  return [
    { ...base, key: key('warning'), dueAt: c.warnAt < c.accruesAt ? c.warnAt : c.accruesAt, phase: 'reminder', audience: ['executive'], notification: { kind: 'cost_clock_warning', ...figures } },
    { ...base, key: key('accruing'), dueAt: c.accruesAt, phase: 'escalation', audience: ['supervisors', 'executive'], notification: { kind: 'cost_clock_accruing', ...figures } },
  ];
}

/** Notices of the open deadlines that have not fired yet, earliest first. */
export function pendingNotices(ctx: ScheduleContext): PlannedNotice[] {
  const fired = new Set(ctx.book.firedNotices);
  return openDeadlines(ctx)
    .flatMap((d) => noticesFor(d, ctx))
    .filter((n) => !fired.has(n.key))
    .sort((a, b) => a.dueAt.localeCompare(b.dueAt));
}

/**
 * Splits the notices due at `now` into those to send and stale reminders to skip (a reminder found after
 * its deadline already passed, for example after a long outage, would only confuse: the alert goes instead).
 */
export function dueNotices(pending: PlannedNotice[], now: string): { send: PlannedNotice[]; skip: PlannedNotice[] } {
  const due = pending.filter((n) => n.dueAt <= now);
  const stale = (n: PlannedNotice) => n.phase === 'reminder' && n.clock !== 'regime_expiry' && n.deadlineAt <= now;
  return { send: due.filter((n) => !stale(n)), skip: due.filter(stale) };
}

/** At risk: inside a reminder window of an open deadline. Overdue: an open deadline has passed. */
export function riskFlags(ctx: ScheduleContext, now: string): { atRisk: boolean; overdue: boolean; next?: Deadline } {
  const deadlines = openDeadlines(ctx);
  const overdue = deadlines.some((d) => d.dueAt <= now);
  const planned = deadlines.flatMap((d) => noticesFor(d, ctx));
  const atRisk = overdue || planned.some((n) => n.phase !== 'missed' && n.clock !== 'regime_expiry' && n.dueAt <= now && n.deadlineAt > now);
  return { atRisk, overdue, next: deadlines.find((d) => d.dueAt > now) ?? deadlines[0] };
}
