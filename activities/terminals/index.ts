/** Terminal activities (APMTC, DPWC): the factory, the port and the HTTP adapter. */
export { createTerminalActivities } from './terminal.activities';
export type {
  AssignBlToCarrierInput,
  RequestAppointmentInput,
  RequestContainerReturnInput,
  RequestLiquidationInput,
  RequestProformaInput,
  TerminalActivities,
  TerminalActivitiesDeps,
  TerminalCall,
} from './terminal.activities';
export type * from './terminal-client';
export { createHttpTerminalClient, createHttpTerminalClients, type HttpTerminalClientOptions } from './http-terminal.client';
export type { TerminalRejectionDetails } from './terminal-errors';
export { createPrismaChargeDocumentStore, decimalText, storedChargeDocument, type ChargeDocumentStore, type StoredChargeDocument } from './charge-documents';
