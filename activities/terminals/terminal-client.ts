/**
 * The narrow port Levante uses to talk to a Callao terminal (APMTC or DPWC). One instance per terminal.
 * Payloads are plain JSON (ISO date strings). Implementations throw a non-retryable ApplicationFailure of type
 * TerminalRejected for business rejections and a plain Error for transient faults (left to the retry policy).
 */
import type { Terminal } from '../../domain/dispatch';

/** A container and its nominal size, as terminals price them. */
export interface ContainerRef {
  containerNumber: string;
  size: '20' | '40';
}

/** Charges quote request: the BL's containers and the storage days expected at withdrawal. */
export interface ProformaRequest {
  bl: string;
  containers: ContainerRef[];
  storageDays?: number;
}

/** Settlement request; `proformaId` ties it to an earlier quote. */
export interface LiquidationRequest extends ProformaRequest {
  proformaId?: string;
}

/** Withdrawal appointment (cita) request: a day (YYYY-MM-DD, Lima) and optionally a specific slot. */
export interface AppointmentRequest {
  bl: string;
  date: string;
  slotId?: string;
  containerNumbers: string[];
}

/** Assignment of a BL to the carrier (transportista) that withdraws it. */
export interface BlAssignmentRequest {
  bl: string;
  carrierRuc: string;
  carrierName: string;
}

/** Appointment to return an empty container. */
export interface ContainerReturnRequest {
  bl: string;
  containerNumber: string;
  date: string;
  slotId?: string;
}

/** One charge line in USD. */
export interface ChargeLine {
  code: string;
  description: string;
  quantity: number;
  unitPrice: number;
  amount: number;
}

/** A proforma or a liquidation as issued by the terminal. */
export interface ChargeDocument {
  id: string;
  terminal: Terminal;
  bl: string;
  containerNumbers: string[];
  currency: 'USD';
  lines: ChargeLine[];
  subtotal: number;
  igv: number;
  total: number;
  issuedAt: string;
  proformaId?: string;
}

/** Fields every booking shares; `replayed` is true when the terminal returned an earlier booking for the key. */
interface BookingResult {
  id: string;
  terminal: Terminal;
  bl: string;
  idempotencyKey: string;
  createdAt: string;
  replayed: boolean;
}

/** The gate window a booking holds (ISO 8601 with -05:00 offset). */
interface SlotWindow {
  slotId: string;
  date: string;
  start: string;
  end: string;
}

/** A confirmed withdrawal appointment. */
export interface Appointment extends BookingResult, SlotWindow {
  containerNumbers: string[];
}

/** A confirmed empty-container return appointment. */
export interface ContainerReturn extends BookingResult, SlotWindow {
  containerNumber: string;
}

/** A confirmed BL-to-carrier assignment. */
export interface BlAssignment extends BookingResult {
  carrierRuc: string;
  carrierName: string;
}

/** What activities need from a terminal, nothing more. */
export interface TerminalClient {
  /** Quotes the charges of a BL (proforma); the key is optional, quotes are harmless to repeat. */
  getProforma(req: ProformaRequest, idempotencyKey?: string): Promise<ChargeDocument>;
  /** Books a withdrawal appointment; the same key always yields the same booking. */
  requestAppointment(req: AppointmentRequest, idempotencyKey: string): Promise<Appointment>;
  /** Assigns the BL to a carrier; the same key always yields the same assignment. */
  assignBlToCarrier(req: BlAssignmentRequest, idempotencyKey: string): Promise<BlAssignment>;
  /** Books an empty-container return; the same key always yields the same booking. */
  requestContainerReturn(req: ContainerReturnRequest, idempotencyKey: string): Promise<ContainerReturn>;
  /** Settles the charges of a BL (liquidación); idempotent when a key is given. */
  liquidate(req: LiquidationRequest, idempotencyKey?: string): Promise<ChargeDocument>;
}
