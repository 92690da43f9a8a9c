/**
 * The money of a dispatch inside its workflow (lifecycle feature money-clocks-2026-12): third-party payments
 * behind the funds gate. A refusal asks the client for funds at once and leaves the payment waiting; a deposit
 * or a credit change (signal `fundsChanged`) makes the main loop ask the gate again, and the payment goes on by
 * itself. Every attempt carries the same idempotency key (workflow id + step): the ledger records it once.
 */
import { proxyActivities, setHandler } from '@temporalio/workflow';
import type { Activities } from '../../activities';
import { addBusinessDayTime, localDate } from '../../domain/calendar';
import { ErrorType } from '../../domain/errors';
import { hasFeature, isTerminalStatus, LIFECYCLE_FEATURES } from '../../domain/lifecycle';
import { AMOUNT_PATTERN, CURRENCIES, money } from '../../domain/money/money';
import { waitingPayments, type BookedPayment, type MoneyBook } from '../../domain/money/money-book';
import { automaticDescription, automaticExtraService, penAmount } from '../../domain/money/extra-services';
import { originalsPendingReason, pendingOriginals, type LiquidationFacts } from '../../domain/money/liquidation';
import { DOCUMENT_LABEL_ES } from '../../domain/documents';
import type { FundsNotice } from '../../domain/notifications';
import * as m from '../dispatch.messages';
import { eventTime, reject, setAction } from './action-args';
import { RECORD_OPTIONS } from './activities';
import { nowIso, outlastedRetries, type DispatchRuntime } from './runtime';

// The gate is a short PostgreSQL transaction: the record writes' bounded retries.
const moneyActivities = proxyActivities<Activities>(RECORD_OPTIONS);

const DEFAULT_FUNDS_WAIT_MS = 24 * 3_600_000;

export function moneyBook(rt: DispatchRuntime): MoneyBook {
  rt.book.money ??= {};
  return rt.book.money;
}

export const withMoney = (rt: DispatchRuntime) => hasFeature(rt.state, LIFECYCLE_FEATURES.moneyClocks);

function notice(p: BookedPayment): FundsNotice {
  return {
    amount: p.amount,
    payee: p.payee,
    concept: p.concept,
    reference: p.reference,
    ...(p.reason ? { reason: p.reason } : {}),
    ...(p.shortfall ? { shortfall: p.shortfall } : {}),
    ...(p.waitingSince ? { waitingSince: p.waitingSince } : {}),
    ...(p.fundsDueAt ? { dueAt: p.fundsDueAt } : {}),
  };
}

/**
 * Asks the funds gate for one payment. Allowed: recorded, the executive told. Refused: waiting, and on the first
 * refusal the client (and the executive) asked for funds at once. Returns false when the gate could not be asked
 * (database down past the retries): the payment keeps waiting for the next change.
 */
async function attempt(rt: DispatchRuntime, p: BookedPayment): Promise<boolean> {
  p.attempts += 1;
  let result: Awaited<ReturnType<Activities['requestThirdPartyPayment']>>;
  try {
    result = await moneyActivities.requestThirdPartyPayment({
      dispatchId: rt.input.dispatchId,
      clientRuc: rt.input.client.ruc,
      amount: p.amount,
      payee: p.payee,
      concept: p.concept,
      reference: p.reference,
      actor: p.actor,
      date: localDate(rt.calendar, nowIso()),
      idempotencyKey: rt.key(p.step),
    });
  } catch (err) {
    if (!outlastedRetries(err)) throw err;
    rt.fallBehind(`solicitud de pago a ${p.payee}`, err);
    return false;
  }
  if (result.answer.allowed) {
    p.status = 'recorded';
    p.recordedAt = nowIso();
    p.entryId = result.entry?.id;
    p.reason = undefined;
    p.shortfall = undefined;
    rt.enqueue(`${p.step}/recorded`, ['executive'], { kind: 'third_party_payment_recorded', ...notice(p) }, 'Pago a terceros registrado');
    return true;
  }
  const first = p.status !== 'waiting_funds' || !p.waitingSince;
  p.status = 'waiting_funds';
  p.reason = result.answer.reason;
  p.shortfall = result.answer.shortfall;
  if (first) {
    p.waitingSince = nowIso();
    p.fundsDueAt = addBusinessDayTime(rt.calendar, p.waitingSince, rt.policy.fundsWaitBusinessMs ?? DEFAULT_FUNDS_WAIT_MS);
    rt.enqueue(`${p.step}/funds-request`, ['client', 'executive'], { kind: 'funds_request', ...notice(p) }, 'Solicitud de fondos al cliente');
  }
  return true;
}

/** Called by the main loop: after a deposit or a credit change, the waiting payments are asked again, in order. */
export async function retryWaitingPayments(rt: DispatchRuntime): Promise<void> {
  const book = rt.book.money;
  if (!book?.fundsChanged) return;
  book.fundsChanged = false;
  for (const p of waitingPayments(rt.book)) {
    if (!(await attempt(rt, p))) break;
  }
  await rt.changed();
}

/**
 * After an operator action: one automatic 10110 when it was done out of hours (night shift, weekend, holiday) or
 * outside the client's agreed scope, priced from the client's terms; its glosa key is the service's own step.
 */
async function billExtraordinaryAction(rt: DispatchRuntime, action: string, args: { actor: string; occurredAt?: string }): Promise<boolean> {
  const terms = rt.book.money?.extraServiceTerms;
  if (!terms || rt.state.status === 'cancelled') return false;
  const at = args.occurredAt ? new Date(Date.parse(args.occurredAt)).toISOString() : nowIso();
  const service = automaticExtraService(terms, rt.calendar, action, at);
  if (!service) return false;
  const id = `SRV-${rt.nextSeq()}`;
  const description = automaticDescription(service.reason, `acción «${action}» de ${args.actor}`);
  rt.book.extraordinaryServices.push({ id, description, reason: service.reason, amountPen: service.amount.amount, at, actor: 'levante', automatic: true, action });
  await rt.changed();
  await rt.persist({
    activity: 'recordGlosa',
    input: {
      dispatchId: rt.input.dispatchId,
      code: '10110',
      payload: { serviceId: id, description, reason: service.reason, amountPen: service.amount.amount, automatic: true, action, operator: args.actor },
      actor: 'levante',
      at,
      idempotencyKey: rt.key(`glosa-10110/${id}`),
    },
  });
  return true;
}

/** What the workflow knows for the liquidation file (the activity adds the ledger). */
function liquidationFacts(rt: DispatchRuntime): LiquidationFacts {
  const s = rt.state;
  const costs = rt.costs();
  return {
    dispatchId: rt.input.dispatchId,
    client: { ruc: rt.input.client.ruc, name: rt.input.client.name },
    regime: rt.input.regime,
    modality: rt.input.modality,
    terminal: rt.input.terminal,
    bl: rt.input.bl,
    dam: { number: s.damNumber ?? null, channel: s.channel ?? null, numberedAt: s.damNumberedAt ?? null, levanteAt: s.levanteAt ?? null },
    documents: s.requiredDocuments.map((kind) => ({ kind, receivedAt: s.documentsReceived[kind] ?? null, originalDeliveredAt: rt.book.money?.originals?.[kind] ?? null })),
    costClocks: (costs?.clocks ?? []).map((c) => ({ kind: c.kind, containerNumber: c.containerNumber, size: c.size, lastFreeDay: c.lastFreeDay, stoppedOn: c.stoppedOn ?? null, chargeableDays: c.accruedDays, cost: c.accruedCost, source: c.source })),
    extraServices: rt.book.extraordinaryServices.map((x) => ({ id: x.id, description: x.description, reason: x.reason, amountPen: penAmount(x.amountPen), automatic: x.automatic === true, voided: Boolean(x.voided), at: x.at })),
    closedAt: s.closedAt ?? nowIso(),
  };
}

/** Called by the main loop after the closing: compiles and sends the liquidation file; after an outage, later. */
export async function compileLiquidationFile(rt: DispatchRuntime): Promise<void> {
  try {
    const { compiledAt } = await moneyActivities.compileLiquidation({ idempotencyKey: rt.key('liquidation'), facts: liquidationFacts(rt) });
    rt.book.money!.liquidation = { pending: false, compiledAt };
  } catch (err) {
    if (!outlastedRetries(err)) throw err;
    rt.fallBehind('expediente de liquidación', err);
    return;
  }
  await rt.changed();
}

/**
 * Closing under money-clocks-2026-12: refused while originals are pending for the Archive; once closed, the main
 * loop compiles the liquidation file. (Replaces the plain closing handler for these dispatches only.)
 */
function registerClosing(rt: DispatchRuntime): void {
  setAction(
    rt,
    m.closeDispatch,
    async (a) => {
      // Marked before the transition: the main loop, woken by it, must not complete the workflow first.
      const book = moneyBook(rt);
      book.liquidation = { pending: true };
      try {
        await rt.transition({ type: 'closed', at: eventTime(a) }, a.actor);
      } catch (err) {
        if (rt.state.status !== 'closed') book.liquidation = undefined;
        throw err;
      }
      return rt.view();
    },
    (a) => {
      rt.assertAllowed({ type: 'closed', at: eventTime(a) });
      const pending = pendingOriginals(rt.state.requiredDocuments, rt.book.money?.originals);
      if (pending.length > 0) reject(originalsPendingReason(pending), ErrorType.InvalidTransition);
    },
  );

  setAction(
    rt,
    m.originalsDelivered,
    async (a) => {
      const at = eventTime(a);
      const originals = (moneyBook(rt).originals ??= {});
      for (const kind of a.documents) originals[kind] ??= at;
      await rt.changed();
      return rt.view();
    },
    (a) => {
      eventTime(a);
      if (rt.state.status === 'cancelled') reject('El despacho está anulado.', ErrorType.InvalidTransition);
      if (!Array.isArray(a.documents) || a.documents.length === 0) reject('Indique al menos un documento cuyo original se entregó al Archivo.');
      const notReceived = a.documents.filter((k) => !rt.state.documentsReceived[k]);
      if (notReceived.length > 0) reject(`No se puede registrar el original de ${notReceived.map((k) => DOCUMENT_LABEL_ES[k] ?? k).join(', ')}: el documento no fue recibido en este despacho.`, ErrorType.InvalidTransition);
    },
  );
}

/** Registers the money actions and the funds signal. */
export function registerMoneySteps(rt: DispatchRuntime): void {
  // Only dispatches opened with the feature get the hook: older ones run exactly the code they were recorded with.
  if (withMoney(rt)) {
    rt.afterAction = (action, args) => billExtraordinaryAction(rt, action, args);
    registerClosing(rt);
  }

  setAction(
    rt,
    m.voidExtraordinaryService,
    async (a) => {
      const service = rt.book.extraordinaryServices.find((s) => s.id === a.serviceId)!;
      const at = eventTime(a);
      service.voided = { at, by: a.actor, reason: a.reason.trim() };
      const seq = rt.nextSeq();
      await rt.changed();
      // Glosas are append-only: the void is its own 10110 row, and reports leave the voided service out.
      await rt.persist({
        activity: 'recordGlosa',
        input: { dispatchId: rt.input.dispatchId, code: '10110', payload: { serviceId: service.id, voids: true, reason: a.reason.trim() }, actor: a.actor, at, idempotencyKey: rt.key(`glosa-10110/void-${seq}`) },
      });
      return rt.view();
    },
    (a) => {
      eventTime(a);
      if (!withMoney(rt)) reject('Este despacho se abrió antes de la anulación de servicios extraordinarios.', ErrorType.InvalidTransition);
      const service = rt.book.extraordinaryServices.find((s) => s.id === a.serviceId);
      if (!service) reject(`No existe el servicio extraordinario ${a.serviceId} en este despacho.`, ErrorType.NotFound);
      if (service.voided) reject(`El servicio ${a.serviceId} ya fue anulado.`, ErrorType.InvalidTransition);
      if (typeof a.reason !== 'string' || a.reason.trim().length < 3) reject('Indique el motivo de la anulación del servicio (al menos 3 caracteres).');
    },
  );

  setHandler(m.fundsChanged, () => {
    if (!withMoney(rt) || waitingPayments(rt.book).length === 0) return;
    moneyBook(rt).fundsChanged = true;
    rt.touch();
  });

  setAction(
    rt,
    m.requestThirdPartyPayment,
    async (a) => {
      const p: BookedPayment = {
        step: `payment/${rt.nextSeq()}`,
        amount: money(a.amount, a.currency),
        payee: a.payee.trim(),
        concept: a.concept.trim(),
        reference: a.reference.trim(),
        actor: a.actor,
        requestedAt: eventTime(a),
        status: 'waiting_funds',
        attempts: 0,
      };
      (moneyBook(rt).payments ??= []).push(p);
      await attempt(rt, p);
      await rt.changed();
      return rt.view();
    },
    (a) => {
      eventTime(a);
      if (!withMoney(rt)) reject('Este despacho se abrió antes del control de fondos en el flujo: registre el pago con POST /dispatches/{id}/payment-requests.', ErrorType.InvalidTransition);
      if (isTerminalStatus(rt.state.status)) reject('El despacho está cerrado o anulado: no admite pagos a terceros.', ErrorType.InvalidTransition);
      if (typeof a.amount !== 'string' || !AMOUNT_PATTERN.test(a.amount) || a.amount.startsWith('-') || !/[1-9]/.test(a.amount)) reject('Monto inválido: use un texto decimal positivo con hasta 2 decimales, p. ej. "850.50".');
      if (!(CURRENCIES as readonly string[]).includes(a.currency)) reject('Moneda inválida: use PEN o USD.');
      for (const [v, what] of [[a.payee, 'el beneficiario'], [a.concept, 'el concepto'], [a.reference, 'la referencia']] as const) {
        if (typeof v !== 'string' || v.trim().length < 2) reject(`Indique ${what} del pago.`);
      }
    },
  );
}
