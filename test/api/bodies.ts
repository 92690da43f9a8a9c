/** Request bodies for API tests: a valid dispatch, unique per call. */
import { sampleDispatch } from '../support/fixtures';
import { CLIENT_RUC } from './api-stack';

export function dispatchBody(overrides: Record<string, unknown> = {}) {
  const { openedBy: _openedBy, ...body } = sampleDispatch({
    client: { ruc: CLIENT_RUC, name: 'Importadora Andina S.A.C.', contacts: [{ name: 'Lucía Ramos', email: 'lucia.ramos@andina.example.pe' }] },
    bl: 'MSCU1234567',
  });
  return { ...body, ...overrides };
}

export const IMPORT_DOCUMENTS = ['commercial_invoice', 'bill_of_lading', 'packing_list', 'insurance'];
