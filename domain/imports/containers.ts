/**
 * Each container of an import has its own steps (seed 2.3.4, 2.3.8–2.3.11): appointment, pre-exit, pickup,
 * delivery receipt and empty return, on different days. Pure functions over `DispatchState.containers`.
 */
import type { DispatchInput } from '../dispatch';
import type { DispatchState } from '../lifecycle';
import type { ContainerSteps } from './import-types';

/** The containers of a new dispatch, each with no step done yet. */
export function initialContainers(input: Pick<DispatchInput, 'containers'>): Record<string, ContainerSteps> {
  return Object.fromEntries(input.containers.map((c) => [c.containerNumber, { containerNumber: c.containerNumber, size: c.size }]));
}

/** The dispatch's containers in their input order. */
export function containerList(s: Pick<DispatchState, 'containers'>): ContainerSteps[] {
  return Object.values(s.containers ?? {});
}

/** Per-container facts for the storage and detention cost clocks (issue 14): discharge, pickup, return. */
export interface ContainerFact {
  containerNumber: string;
  size: '20' | '40';
  dischargeEndedAt?: string;
  pickedUpAt?: string;
  returnedAt?: string;
}

/**
 * The facts the money engineer's storage (discharge → pickup) and detention (pickup → empty return) clocks read.
 * Discharge ends once for the vessel, so every container shares it. Empty for dispatches opened before
 * import-steps-2026-12 (they keep no per-container facts).
 */
export function containerFacts(state: Pick<DispatchState, 'containers' | 'dischargeEndedAt'>): ContainerFact[] {
  return containerList(state).map((c) => ({
    containerNumber: c.containerNumber,
    size: c.size,
    ...(state.dischargeEndedAt ? { dischargeEndedAt: state.dischargeEndedAt } : {}),
    ...(c.pickedUpAt ? { pickedUpAt: c.pickedUpAt } : {}),
    ...(c.returnedAt ? { returnedAt: c.returnedAt } : {}),
  }));
}

/** Which step of a container an action needs done, and whether it is done already. */
export type ContainerStage = 'appointment' | 'pickup' | 'delivery' | 'returnAppointment' | 'return';
export const isDone: Record<ContainerStage, (c: ContainerSteps) => boolean> = {
  appointment: (c) => Boolean(c.appointment),
  pickup: (c) => Boolean(c.pickedUpAt),
  delivery: (c) => Boolean(c.deliveredAt),
  returnAppointment: (c) => Boolean(c.returnAppointment),
  return: (c) => Boolean(c.returnedAt),
};

/** Spanish, as "ya tiene …" / "aún no tiene …". */
export const STAGE_ES: Record<ContainerStage, string> = {
  appointment: 'cita de retiro',
  pickup: 'recojo registrado',
  delivery: 'entrega registrada',
  returnAppointment: 'cita de devolución',
  return: 'devolución registrada',
};

/**
 * The containers an action applies to: the one named, or every container whose `stage` is not done yet.
 * A Spanish reason instead when the named container is unknown or has that stage done already.
 */
export function targetContainers(s: DispatchState, stage: ContainerStage, containerNumber?: string): ContainerSteps[] | string {
  const all = containerList(s);
  if (containerNumber === undefined) return all.filter((c) => !isDone[stage](c));
  const c = s.containers?.[containerNumber];
  if (!c) return `el contenedor ${containerNumber} no pertenece a este despacho (contenedores: ${all.map((x) => x.containerNumber).join(', ') || 'ninguno'})`;
  if (isDone[stage](c)) return `el contenedor ${containerNumber} ya tiene ${STAGE_ES[stage]}`;
  return [c];
}

/** Whether every container has the stage done (true for a dispatch without containers). */
export function allContainers(s: Pick<DispatchState, 'containers'>, stage: ContainerStage): boolean {
  return containerList(s).every(isDone[stage]);
}

/** The latest time among the containers' `pick`, once every container has it. */
export function whenAll(s: Pick<DispatchState, 'containers'>, pick: (c: ContainerSteps) => string | undefined): string | undefined {
  const times = containerList(s).map(pick);
  if (times.length === 0 || times.some((t) => !t)) return undefined;
  return (times as string[]).sort().at(-1);
}

/** The state with the listed containers changed by `change`. */
export function updateContainers(s: DispatchState, numbers: string[], change: (c: ContainerSteps) => ContainerSteps): DispatchState {
  const containers = { ...(s.containers ?? {}) };
  for (const n of numbers) if (containers[n]) containers[n] = change(containers[n]);
  return { ...s, containers };
}
