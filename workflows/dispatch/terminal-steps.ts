import { ActivityFailure, ApplicationFailure } from '@temporalio/workflow';
import type { UpdateDefinition } from '@temporalio/common';
import { ErrorType } from '../../domain/errors';
import { hasFeature, LIFECYCLE_FEATURES, type WithdrawalStep } from '../../domain/lifecycle';
import { chooseSlots } from '../../domain/imports/truck-access';
import { targetContainers } from '../../domain/imports/containers';
import * as m from '../dispatch.messages';
import { TERMINAL_OPTIONS, terminals } from './activities';
import { eventTime, setAction } from './action-args';
import type { AppointmentEntry } from '../../activities/records/record-store';
import type { DispatchRuntime } from './runtime';

type Step = WithdrawalStep | 'container_return';

interface TerminalStep<A extends m.ActionBase> {
  def: UpdateDefinition<m.ActionResult, [A]>;
  step: Step;
  /** Spanish, for summaries, incidents and messages: "la cita de retiro". */
  label: string;
  call: (rt: DispatchRuntime, args: A, idempotencyKey: string, summary: string) => Promise<{ id: string }>;
  /** Extra precondition for steps that are not lifecycle events (container return booking). */
  precondition?: (rt: DispatchRuntime) => string | undefined;
}

const opts = (summary: string) => ({ ...TERMINAL_OPTIONS, summary });
const containers = (rt: DispatchRuntime) => rt.input.containers;
const base = (rt: DispatchRuntime, key: string) => ({ terminal: rt.input.terminal, idempotencyKey: key, bl: rt.input.bl, dispatchId: rt.input.dispatchId });

/** Each step is typed by its own arguments where it is declared, then kept in one list by its common shape. */
type AnyStep = TerminalStep<m.ActionBase>;
const step = <A extends m.ActionBase>(s: TerminalStep<A>): AnyStep => s as unknown as AnyStep;

const STEPS: AnyStep[] = [
  step({
    def: m.requestProforma,
    step: 'proforma',
    label: 'la proforma',
    call: (rt, _a: m.ActionBase, key, s) => terminals.requestProforma.executeWithOptions(opts(s), [{ ...base(rt, key), containers: containers(rt) }]),
  }),
  step({
    def: m.requestLiquidation,
    step: 'liquidation',
    label: 'la liquidación',
    call: (rt, _a: m.ActionBase, key, s) => terminals.requestLiquidation.executeWithOptions(opts(s), [{ ...base(rt, key), containers: containers(rt) }]),
  }),
  step({
    def: m.bookAppointment,
    step: 'appointment',
    label: 'la cita de retiro',
    call: (rt, a: m.AppointmentArgs, key, s) =>
      terminals.requestAppointment.executeWithOptions(opts(s), [
        {
          ...base(rt, key),
          date: a.date,
          slotId: a.slot,
          containerNumbers: a.containerNumber ? [a.containerNumber] : containers(rt).map((c) => c.containerNumber),
        },
      ]),
  }),
  step({
    def: m.assignBlToCarrier,
    step: 'bl_assignment',
    label: 'la asignación del BL al transportista',
    call: (rt, a: m.BlAssignmentArgs, key, s) =>
      terminals.assignBlToCarrier.executeWithOptions(opts(s), [{ ...base(rt, key), carrierRuc: a.carrierRuc, carrierName: a.carrierName }]),
  }),
  step({
    def: m.bookContainerReturn,
    step: 'container_return',
    label: 'la cita de devolución del contenedor vacío',
    precondition: (rt) =>
      !rt.state.deliveredAt
        ? 'No se puede reservar la devolución del contenedor: la carga aún no fue entregada. Registre primero la entrega.'
        : rt.book.terminalBookings.some((b) => b.step === 'container_return')
          ? 'La devolución del contenedor ya tiene cita reservada.'
          : undefined,
    call: (rt, a: m.ContainerReturnArgs, key, s) => {
      const containerNumber = a.containerNumber ?? containers(rt)[0]?.containerNumber;
      if (!containerNumber) throw ApplicationFailure.nonRetryable('El despacho no tiene contenedores.', ErrorType.InvalidInput);
      return terminals.requestContainerReturn.executeWithOptions(opts(s), [
        { ...base(rt, key), containerNumber, date: a.date, ...(a.slot ? { slotId: a.slot } : {}) },
      ]);
    },
  }),
];

/** Start of the booked slot (appointments, container returns): the weekend programming lists them by it. */
function slotOf(result: { id: string }): string | null {
  const start = (result as { start?: unknown }).start;
  return typeof start === 'string' ? start : null;
}

/** The booking's row in the appointments table (recorded with the transition it led to). */
function booking(rt: DispatchRuntime, key: string, kind: AppointmentEntry['kind'], result: { id: string }): AppointmentEntry {
  return { idempotencyKey: key, dispatchId: rt.input.dispatchId, terminal: rt.input.terminal, kind, reference: result.id, slot: slotOf(result), status: 'confirmed' };
}

function rejectionOf(err: unknown): ApplicationFailure | undefined {
  const cause = err instanceof ActivityFailure ? err.cause : undefined;
  return cause instanceof ApplicationFailure ? cause : undefined;
}

/**
 * Terminal-backed operator actions. One request per step at a time; the idempotency key is the workflow id,
 * the step and the attempt number, which only grows after a rejection, so retries never book twice.
 * A rejection (no slot, BL not found) or an outage that outlasts the retries becomes an incident, an email to
 * the executive, and a failed update that tells the operator what happened.
 */
export function registerTerminalSteps(rt: DispatchRuntime): void {
  const inFlight = new Set<Step>();
  for (const s of STEPS) {
    const guard = (args: m.ActionBase) => {
      const at = eventTime(args);
      if (inFlight.has(s.step)) {
        throw ApplicationFailure.nonRetryable(`Ya hay una solicitud de ${s.label} en curso. Espere su respuesta.`, ErrorType.InvalidTransition);
      }
      if (perContainer(rt, s.step)) {
        perContainerPlan(rt, s, args as m.AppointmentArgs & m.ContainerReturnArgs, at);
        return;
      }
      const problem = s.precondition?.(rt);
      if (problem) throw ApplicationFailure.nonRetryable(problem, ErrorType.InvalidTransition);
      if (s.step !== 'container_return') rt.assertAllowed({ type: 'withdrawalStep', step: s.step, at });
    };
    setAction(
      rt,
      s.def,
      async (args: m.ActionBase) => {
        guard(args);
        inFlight.add(s.step);
        try {
          if (perContainer(rt, s.step)) return await bookEachContainer(rt, s, args as m.AppointmentArgs & m.ContainerReturnArgs);
          const attempt = rt.book.terminalAttempts[s.step] ?? 0;
          const key = rt.key(`terminal/${s.step}/${attempt}`);
          // Dispatches opened before import-steps-2026-12 book as before: every container at once, any slot.
          const { containerNumber: _c, ...legacyArgs } = args as BookingArgs;
          const result = await callTerminal(rt, s, s.step === 'container_return' ? { ...legacyArgs, slot: undefined } : legacyArgs, key);
          const at = eventTime(args);
          rt.book.terminalBookings.push({ step: s.step, reference: result.id, at });
          const kind = s.step === 'pickup' ? undefined : s.step;
          const appointment = kind ? booking(rt, key, kind, result) : undefined;
          if (s.step === 'container_return') await rt.changed(appointment);
          else await rt.transition({ type: 'withdrawalStep', step: s.step, at }, args.actor, `${s.step} ${result.id}`, appointment);
          return rt.view();
        } finally {
          inFlight.delete(s.step);
        }
      },
      guard,
    );
  }
}

/**
 * Dispatches opened with import-steps-2026-12 book the APMTC withdrawal appointment and the empty-container
 * return for each container (seed 2.3.4, 2.3.11), in a slot outside Callao's truck restrictions.
 */
function perContainer(rt: DispatchRuntime, step: Step): boolean {
  return (step === 'appointment' || step === 'container_return') && hasFeature(rt.state, LIFECYCLE_FEATURES.importSteps);
}

type BookingArgs = m.AppointmentArgs & m.ContainerReturnArgs;

/** The containers to book and the terminal slot id; throws the Spanish reason when refused. */
function perContainerPlan(rt: DispatchRuntime, s: AnyStep, args: BookingArgs, at: string): { numbers: string[]; slotIds: string[] } {
  const isReturn = s.step === 'container_return';
  const targets = targetContainers(rt.state, isReturn ? 'returnAppointment' : 'appointment', args.containerNumber);
  const refuse = (reason: string): never => {
    throw ApplicationFailure.nonRetryable(reason, ErrorType.InvalidTransition);
  };
  if (typeof targets === 'string') refuse(`No se puede reservar ${s.label}: ${targets}.`);
  const numbers = (targets as { containerNumber: string; deliveredAt?: string }[]).filter((c) => !isReturn || c.deliveredAt).map((c) => c.containerNumber);
  if (numbers.length === 0) {
    refuse(isReturn
      ? `No se puede reservar ${s.label}: ningún contenedor entregado está pendiente de cita de devolución. Registre primero la entrega.`
      : `No se puede reservar ${s.label}: todos los contenedores ya tienen cita de retiro.`);
  }
  for (const containerNumber of numbers) {
    if (isReturn) rt.assertAllowed({ type: 'containerReturnBooked', at, containerNumber, reference: 'pendiente', depot: args.depot ?? '' });
    else rt.assertAllowed({ type: 'withdrawalStep', step: 'appointment', at, containerNumber });
  }
  const slots = chooseSlots(rt.input.terminal, args.date, args.slot, s.label);
  if ('refusal' in slots) refuse(slots.refusal);
  return { numbers, slotIds: (slots as { slotIds: string[] }).slotIds };
}

const NO_SLOT = 'NO_SLOT';
const rejectionCode = (err: unknown) => (rejectionOf(err)?.details?.[0] as { code?: string } | undefined)?.code;

/**
 * Books in the first of the slots with room: a full slot (NO_SLOT, which records nothing at the terminal) moves
 * on to the next; any other failure, or the last slot full, is the step's failure (incident, email, refusal).
 * Each slot has its own idempotency key, so a retry never books twice.
 */
async function bookFirstFree(rt: DispatchRuntime, s: AnyStep, args: BookingArgs, slotIds: string[], key: string, attemptKey: string): Promise<{ id: string }> {
  for (const [i, slotId] of slotIds.entries()) {
    const slotKey = slotIds.length > 1 ? `${key}/${slotId.slice(-4)}` : key;
    const attempt = { ...args, slot: slotId } as BookingArgs;
    if (i === slotIds.length - 1) return callTerminal(rt, s, attempt, slotKey, attemptKey);
    try {
      return await s.call(rt, attempt, slotKey, `${rt.input.terminal}: ${s.label} (${slotId.slice(-4, -2)}:${slotId.slice(-2)})`);
    } catch (err) {
      if (rejectionCode(err) === NO_SLOT) continue;
      return callTerminal(rt, s, attempt, slotKey, attemptKey, err);
    }
  }
  throw ApplicationFailure.nonRetryable(`No se puede reservar ${s.label}: no hay turnos permitidos ese día.`, ErrorType.InvalidTransition);
}

/** One booking per container, each with its own idempotency key; each recorded on its container as it succeeds. */
async function bookEachContainer(rt: DispatchRuntime, s: AnyStep, args: BookingArgs): Promise<m.ActionResult> {
  const at = eventTime(args);
  const { numbers, slotIds } = perContainerPlan(rt, s, args, at);
  for (const containerNumber of numbers) {
    const attemptKey = `${s.step}/${containerNumber}`;
    const key = rt.key(`terminal/${attemptKey}/${rt.book.terminalAttempts[attemptKey] ?? 0}`);
    const result = await bookFirstFree(rt, s, { ...args, containerNumber }, slotIds, key, attemptKey);
    const slot = slotOf(result);
    rt.book.terminalBookings.push({ step: s.step, reference: result.id, at });
    const appointment = booking(rt, key, s.step as 'appointment' | 'container_return', result);
    const note = `${s.step} ${containerNumber} ${result.id}`;
    if (s.step === 'container_return') {
      await rt.transition({ type: 'containerReturnBooked', at, containerNumber, reference: result.id, depot: args.depot, ...(slot ? { slot } : {}) }, args.actor, note, appointment);
    } else {
      await rt.transition({ type: 'withdrawalStep', step: 'appointment', at, containerNumber, reference: result.id, ...(slot ? { slot } : {}) }, args.actor, note, appointment);
    }
  }
  return rt.view();
}

/** Calls the terminal (or takes the failure of a call already made) and turns a failure into an incident and a refusal. */
async function callTerminal(rt: DispatchRuntime, s: AnyStep, args: m.ActionBase, key: string, attemptKey: string = s.step, failed?: unknown): Promise<{ id: string }> {
  const terminal = rt.input.terminal;
  try {
    if (failed !== undefined) throw failed;
    return await s.call(rt, args, key, `${terminal}: ${s.label}`);
  } catch (err) {
    const failure = rejectionOf(err);
    const rejected = failure?.type === ErrorType.TerminalRejected;
    if (rejected) rt.book.terminalAttempts[attemptKey] = (rt.book.terminalAttempts[attemptKey] ?? 0) + 1;
    const reason = rejected
      ? (failure?.message ?? 'rechazo del terminal')
      : `el terminal no respondió tras varios reintentos (${failure?.message ?? String(err)})`;
    await recordTerminalIncident(rt, s, args.actor, reason);
    const message = rejected
      ? `${terminal} rechazó ${s.label}: ${reason}. Se registró una incidencia; elija otra fecha u opción y vuelva a intentarlo.`
      : `No se pudo obtener ${s.label} en ${terminal}: ${reason}. Se registró una incidencia; vuelva a intentarlo más tarde.`;
    throw ApplicationFailure.nonRetryable(message, ErrorType.TerminalRejected);
  }
}

async function recordTerminalIncident(rt: DispatchRuntime, s: AnyStep, actor: string, reason: string): Promise<void> {
  const id = `INC-${rt.nextSeq()}`;
  const at = new Date().toISOString();
  const description = `${rt.input.terminal}: ${s.label} — ${reason}`;
  rt.book.incidents.push({ id, kind: 'terminal', description, at, actor });
  await rt.changed();
  await rt.persist({ activity: 'recordIncident', input: { dispatchId: rt.input.dispatchId, kind: 'terminal_rejection', description, actor, at, idempotencyKey: rt.key(`incident/${id}`) } });
  rt.enqueue(`terminal-rejected/${id}`, ['executive'], { kind: 'terminal_rejected', terminal: rt.input.terminal, step: s.label, reason }, 'Aviso de rechazo del terminal');
}
