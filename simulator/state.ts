/** The simulator's in-memory state: plain data, no I/O. Persistence (persistence.ts) snapshots part of it. */

/** Terminals the simulator stands in for. */
export const SIM_TERMINALS = ['APMTC', 'DPWC'] as const;
export type SimTerminal = (typeof SIM_TERMINALS)[number];

/** Kinds of booking that consume an idempotency key. */
export const BOOKING_KINDS = ['appointment', 'container-return', 'bl-assignment'] as const;
export type BookingKind = (typeof BOOKING_KINDS)[number];

interface BookingBase {
  id: string;
  terminal: SimTerminal;
  bl: string;
  idempotencyKey: string;
  createdAt: string;
}

/** A gate window taken by an appointment or a container return. */
export interface SlotRef {
  slotId: string;
  date: string;
  start: string;
  end: string;
}

/** Appointment (cita) to withdraw containers of a BL. */
export interface AppointmentBooking extends BookingBase, SlotRef {
  kind: 'appointment';
  containerNumbers: string[];
}

/** Appointment to return an empty container. */
export interface ContainerReturnBooking extends BookingBase, SlotRef {
  kind: 'container-return';
  containerNumber: string;
}

/** Assignment of a BL to the carrier (transportista) that will withdraw it. */
export interface BlAssignmentBooking extends BookingBase {
  kind: 'bl-assignment';
  carrierRuc: string;
  carrierName: string;
}

export type Booking = AppointmentBooking | ContainerReturnBooking | BlAssignmentBooking;

/** One charge line of a proforma or liquidation, amounts in USD. */
export interface ChargeLine {
  code: string;
  description: string;
  quantity: number;
  unitPrice: number;
  amount: number;
}

/** A quote (proforma) or a settlement (liquidación): same shape, different lifecycle. */
export interface ChargeDocument {
  id: string;
  terminal: SimTerminal;
  bl: string;
  containerNumbers: string[];
  currency: 'USD';
  lines: ChargeLine[];
  subtotal: number;
  igv: number;
  total: number;
  issuedAt: string;
  /** Liquidations only: the proforma they settle, when the caller named one. */
  proformaId?: string;
}

/** Fault injection for one terminal. */
export interface FaultConfig {
  latencyMs: number;
  errorRate: number;
  failNext: number;
  outages: { from: string; to: string }[];
}

/** "Reject the next `remaining` new bookings (matching terminal/kind) with `code`." */
export interface RejectionRule {
  code: 'NO_SLOT' | 'BL_NOT_FOUND';
  remaining: number;
  terminal?: SimTerminal;
  kind?: BookingKind;
}

/** What persistence keeps: business records only; faults and rejections are test control and reset on start. */
export interface PersistedState {
  counter: number;
  bookings: Booking[];
  proformas: ChargeDocument[];
  liquidations: ChargeDocument[];
  /** scope ("terminal|kind|key") → request fingerprint and the id of the resource it created. */
  idempotency: Record<string, { fingerprint: string; resourceId: string }>;
}

export interface SimulatorState extends PersistedState {
  faults: Record<SimTerminal, FaultConfig>;
  rejections: RejectionRule[];
  /** mulberry32 state, advanced on every random draw. */
  rng: number;
}

/** A fault configuration that injects nothing. */
export function noFaults(): FaultConfig {
  return { latencyMs: 0, errorRate: 0, failNext: 0, outages: [] };
}

/** Empty state for a seed. */
export function createState(seed: number): SimulatorState {
  return {
    counter: 0,
    bookings: [],
    proformas: [],
    liquidations: [],
    idempotency: {},
    faults: { APMTC: noFaults(), DPWC: noFaults() },
    rejections: [],
    rng: seed >>> 0,
  };
}

/** Clears everything in place (same object, so routers holding it see the reset). */
export function resetState(state: SimulatorState, seed: number): void {
  Object.assign(state, createState(seed));
}

/** Next deterministic id, e.g. "APMTC-APT-000001". */
export function nextId(state: SimulatorState, terminal: SimTerminal, prefix: string): string {
  state.counter += 1;
  return `${terminal}-${prefix}-${String(state.counter).padStart(6, '0')}`;
}

/** Next number in [0, 1) from the seeded generator (mulberry32). */
export function nextRandom(state: SimulatorState): number {
  state.rng = (state.rng + 0x6d2b79f5) >>> 0;
  let t = state.rng;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}

/** The persistable part of the state. */
export function snapshot(state: SimulatorState): PersistedState {
  const { counter, bookings, proformas, liquidations, idempotency } = state;
  return { counter, bookings, proformas, liquidations, idempotency };
}
