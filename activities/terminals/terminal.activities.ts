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
import { storedChargeDocument, type ChargeDocumentKind, type ChargeDocumentStore } from './charge-documents';

/** Which terminal to call and the key that makes the call idempotent (workflow id + step). */
export interface TerminalCall {
  terminal: Terminal;
  idempotencyKey: string;
  /** The dispatch the call is for: its proformas and liquidations are kept with it (absent in older histories). */
  dispatchId?: string;
}

export type RequestAppointmentInput = TerminalCall & AppointmentRequest;
export type RequestProformaInput = TerminalCall & ProformaRequest;
export type AssignBlToCarrierInput = TerminalCall & BlAssignmentRequest;
export type RequestContainerReturnInput = TerminalCall & ContainerReturnRequest;
export type RequestLiquidationInput = TerminalCall & LiquidationRequest;

/** The narrow dependencies of the terminal activities: one client per Callao terminal, and where charges are kept. */
export interface TerminalActivitiesDeps {
  terminals: Record<Terminal, TerminalClient>;
  charges?: ChargeDocumentStore;
}

/** Builds the terminal activities once per worker. */
export function createTerminalActivities({ terminals, charges }: TerminalActivitiesDeps) {
  /** Keeps a proforma or liquidation with its dispatch, amounts exact; then returns it as the terminal sent it. */
  async function kept(kind: ChargeDocumentKind, dispatchId: string | undefined, doc: ChargeDocument): Promise<ChargeDocument> {
    if (charges && dispatchId) await charges.recordChargeDocument(storedChargeDocument(dispatchId, kind, doc));
    return doc;
  }

  function clientFor(terminal: Terminal): TerminalClient {
    const client = terminals[terminal] as TerminalClient | undefined;
    if (!client) throw ApplicationFailure.nonRetryable(`Terminal desconocido: ${terminal}`, ErrorType.InvalidInput);
    return client;
  }

  return {
    /** Books the withdrawal appointment (cita); retries reuse the key so the terminal never books twice. */
    async requestAppointment({ terminal, idempotencyKey, dispatchId: _d, ...req }: RequestAppointmentInput): Promise<Appointment> {
      return clientFor(terminal).requestAppointment(req, idempotencyKey);
    },
    /** Asks the terminal for a proforma (quote of charges) of the BL's containers. */
    async requestProforma({ terminal, idempotencyKey, dispatchId, ...req }: RequestProformaInput): Promise<ChargeDocument> {
      return kept('proforma', dispatchId, await clientFor(terminal).getProforma(req, idempotencyKey));
    },
    /** Assigns the BL to the carrier that will withdraw the cargo (DP World's flow). */
    async assignBlToCarrier({ terminal, idempotencyKey, dispatchId: _d, ...req }: AssignBlToCarrierInput): Promise<BlAssignment> {
      return clientFor(terminal).assignBlToCarrier(req, idempotencyKey);
    },
    /** Books the return of an empty container. */
    async requestContainerReturn({ terminal, idempotencyKey, dispatchId: _d, ...req }: RequestContainerReturnInput): Promise<ContainerReturn> {
      return clientFor(terminal).requestContainerReturn(req, idempotencyKey);
    },
    /** Asks the terminal for the liquidation (settlement) of the BL's charges. */
    async requestLiquidation({ terminal, idempotencyKey, dispatchId, ...req }: RequestLiquidationInput): Promise<ChargeDocument> {
      return kept('liquidation', dispatchId, await clientFor(terminal).liquidate(req, idempotencyKey));
    },
  };
}

/** The activity functions the workflows proxy. */
export type TerminalActivities = ReturnType<typeof createTerminalActivities>;
