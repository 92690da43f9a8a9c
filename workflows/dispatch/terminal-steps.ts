import { ActivityFailure, ApplicationFailure } from '@temporalio/workflow';
import type { UpdateDefinition } from '@temporalio/common';
import { ErrorType } from '../../domain/errors';
import type { WithdrawalStep } from '../../domain/lifecycle';
import * as m from '../dispatch.messages';
import { TERMINAL_OPTIONS, terminals } from './activities';
import { eventTime, setAction } from './action-args';
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
const base = (rt: DispatchRuntime, key: string) => ({ terminal: rt.input.terminal, idempotencyKey: key, bl: rt.input.bl });

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
        { ...base(rt, key), date: a.date, slotId: a.slot, containerNumbers: containers(rt).map((c) => c.containerNumber) },
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
      const container = containers(rt)[0];
      if (!container) throw ApplicationFailure.nonRetryable('El despacho no tiene contenedores.', ErrorType.InvalidInput);
      return terminals.requestContainerReturn.executeWithOptions(opts(s), [{ ...base(rt, key), containerNumber: container.containerNumber, date: a.date }]);
    },
  }),
];

/** Start of the booked slot (appointments, container returns): the weekend programming lists them by it. */
function slotOf(result: { id: string }): string | null {
  const start = (result as { start?: unknown }).start;
  return typeof start === 'string' ? start : null;
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
          const attempt = rt.book.terminalAttempts[s.step] ?? 0;
          const key = rt.key(`terminal/${s.step}/${attempt}`);
          const result = await callTerminal(rt, s, args, key);
          const at = eventTime(args);
          rt.book.terminalBookings.push({ step: s.step, reference: result.id, at });
          const kind = s.step === 'pickup' ? undefined : s.step;
          if (kind) {
            await rt.persist({ activity: 'recordAppointment', input: { idempotencyKey: key, dispatchId: rt.input.dispatchId, terminal: rt.input.terminal, kind, reference: result.id, slot: slotOf(result), status: 'confirmed' } });
          }
          if (s.step === 'container_return') await rt.changed();
          else await rt.transition({ type: 'withdrawalStep', step: s.step, at }, args.actor, `${s.step} ${result.id}`);
          return rt.view();
        } finally {
          inFlight.delete(s.step);
        }
      },
      guard,
    );
  }
}

async function callTerminal(rt: DispatchRuntime, s: AnyStep, args: m.ActionBase, key: string): Promise<{ id: string }> {
  const terminal = rt.input.terminal;
  try {
    return await s.call(rt, args, key, `${terminal}: ${s.label}`);
  } catch (err) {
    const failure = rejectionOf(err);
    const rejected = failure?.type === ErrorType.TerminalRejected;
    if (rejected) rt.book.terminalAttempts[s.step] = (rt.book.terminalAttempts[s.step] ?? 0) + 1;
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
