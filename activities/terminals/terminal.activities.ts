/** Terminal activities: one verb-first function per side effect, built over the TerminalClient port. */
import { ApplicationFailure } from '@temporalio/common';
import type { Terminal } from '../../domain/dispatch';
import { ErrorType } from '../../domain/errors';
import type {
  Appointment,
  AppointmentRequest,
  BlAssignment,
  BlAssignmentRequest,
  ChargeDocument,
  ContainerReturn,
  ContainerReturnRequest,
  LiquidationRequest,
  ProformaRequest,
  TerminalClient,
} from './terminal-client';

/** Which terminal to call and the key that makes the call idempotent (workflow id + step). */
export interface TerminalCall {
  terminal: Terminal;
  idempotencyKey: string;
}

export type RequestAppointmentInput = TerminalCall & AppointmentRequest;
export type RequestProformaInput = TerminalCall & ProformaRequest;
export type AssignBlToCarrierInput = TerminalCall & BlAssignmentRequest;
export type RequestContainerReturnInput = TerminalCall & ContainerReturnRequest;
export type RequestLiquidationInput = TerminalCall & LiquidationRequest;

/** The narrow dependencies of the terminal activities: one client per Callao terminal. */
export interface TerminalActivitiesDeps {
  terminals: Record<Terminal, TerminalClient>;
}

/** Builds the terminal activities once per worker. */
export function createTerminalActivities({ terminals }: TerminalActivitiesDeps) {
  function clientFor(terminal: Terminal): TerminalClient {
    const client = terminals[terminal] as TerminalClient | undefined;
    if (!client) throw ApplicationFailure.nonRetryable(`Terminal desconocido: ${terminal}`, ErrorType.InvalidInput);
    return client;
  }

  return {
    /** Books the withdrawal appointment (cita); retries reuse the key so the terminal never books twice. */
    async requestAppointment({ terminal, idempotencyKey, ...req }: RequestAppointmentInput): Promise<Appointment> {
      return clientFor(terminal).requestAppointment(req, idempotencyKey);
    },
    /** Asks the terminal for a proforma (quote of charges) of the BL's containers. */
    async requestProforma({ terminal, idempotencyKey, ...req }: RequestProformaInput): Promise<ChargeDocument> {
      return clientFor(terminal).getProforma(req, idempotencyKey);
    },
    /** Assigns the BL to the carrier that will withdraw the cargo (DP World's flow). */
    async assignBlToCarrier({ terminal, idempotencyKey, ...req }: AssignBlToCarrierInput): Promise<BlAssignment> {
      return clientFor(terminal).assignBlToCarrier(req, idempotencyKey);
    },
    /** Books the return of an empty container. */
    async requestContainerReturn({ terminal, idempotencyKey, ...req }: RequestContainerReturnInput): Promise<ContainerReturn> {
      return clientFor(terminal).requestContainerReturn(req, idempotencyKey);
    },
    /** Asks the terminal for the liquidation (settlement) of the BL's charges. */
    async requestLiquidation({ terminal, idempotencyKey, ...req }: RequestLiquidationInput): Promise<ChargeDocument> {
      return clientFor(terminal).liquidate(req, idempotencyKey);
    },
  };
}

/** The activity functions the workflows proxy. */
export type TerminalActivities = ReturnType<typeof createTerminalActivities>;
