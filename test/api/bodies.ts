/** Request bodies for API tests: a valid dispatch, unique per call. */
import { uniqueId } from '../support/env';
import { CLIENT_RUC } from './api-stack';

export function dispatchBody(overrides: Record<string, unknown> = {}) {
  return {
    dispatchId: uniqueId('DSP').toUpperCase(),
    client: { ruc: CLIENT_RUC, name: 'Importadora Andina S.A.C.', contacts: [{ name: 'Lucía Ramos', email: 'lucia.ramos@andina.example.pe' }] },
    regime: '10',
    modality: 'diferido',
    terminal: 'APMTC',
    vessel: 'MSC Callao Express',
    eta: '2026-12-01T10:00:00.000Z',
    bl: 'MSCU1234567',
    goods: 'Repuestos de maquinaria',
    containers: [{ containerNumber: 'MSCU7654321', size: '40' }],
    restrictedGoods: false,
    executive: { id: 'ESC-07', name: 'Jorge Salas', email: 'jorge.salas@agencia.example.pe' },
    ...overrides,
  };
}

export const IMPORT_DOCUMENTS = ['commercial_invoice', 'bill_of_lading', 'packing_list', 'insurance'];
