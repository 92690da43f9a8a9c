/** Tiny JSON-over-HTTP helper for simulator tests (real fetch against a real server). */
import type { FaultReason } from '../../simulator/faults';
import type { Slot } from '../../simulator/slots';
import type { AppointmentBooking, BlAssignmentBooking, Booking, ChargeDocument, ContainerReturnBooking, FaultConfig, RejectionRule, SimTerminal } from '../../simulator/state';

/** The simulator's error envelope (simulator/errors.ts): a stable code, a message, and what the code adds. */
export interface SimulatorErrorBody {
  code: string;
  message: string;
  /** Only on 503 TERMINAL_UNAVAILABLE: why the fault was injected. */
  reason: FaultReason;
  /** Only on 400 VALIDATION_ERROR: one entry per zod issue, so never empty. */
  fields: [{ path: string; message: string }, ...{ path: string; message: string }[]];
}

/**
 * Every envelope the simulator answers with (simulator/CONTRACT.md), on one type as the assertions read it: a
 * response carries only its own envelope, which the test's expectations check; a misspelt field is a type error.
 */
export interface SimulatorBody {
  error: SimulatorErrorBody;
  appointment: AppointmentBooking;
  containerReturn: ContainerReturnBooking;
  assignment: BlAssignmentBooking;
  proforma: ChargeDocument;
  liquidation: ChargeDocument;
  terminal: SimTerminal;
  date: string;
  slots: Slot[];
  count: number;
  bookings: Booking[];
  proformas: ChargeDocument[];
  liquidations: ChargeDocument[];
  faults: Record<SimTerminal, FaultConfig>;
  rejections: RejectionRule[];
  ok: boolean;
}

export interface JsonResponse {
  status: number;
  headers: Headers;
  body: SimulatorBody;
}

/** Sends a request with an optional JSON body and returns status, headers and the parsed body. */
export async function http(
  baseUrl: string,
  method: 'GET' | 'POST',
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<JsonResponse> {
  const res = await fetch(`${baseUrl}${path}`, {
    method,
    headers: body === undefined ? headers : { 'content-type': 'application/json', ...headers },
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await res.text();
  // Every simulator route answers JSON; an empty body stays undefined and fails the assertion that reads it.
  return { status: res.status, headers: res.headers, body: (text ? JSON.parse(text) : undefined) as SimulatorBody };
}

/** A valid appointment request for a date. */
export function appointmentBody(date: string, extra: Record<string, unknown> = {}) {
  return { bl: 'MAEU240001234', date, containerNumbers: ['MSKU1234565'], ...extra };
}

/** Shortcut for the Idempotency-Key header. */
export const key = (value: string) => ({ 'Idempotency-Key': value });
