import { DOCUMENT_KINDS, DOCUMENT_LABEL_ES, missingDocuments, requiredDocuments, type DocumentKind } from '../../domain/documents';
import { DISPATCH_STATUSES, STATUS_LABEL_ES, isTerminalStatus } from '../../domain/lifecycle';

describe('requiredDocuments', () => {
  it.each<[string, Parameters<typeof requiredDocuments>[0], DocumentKind[] | undefined, DocumentKind[]]>([
    ['consumption import', { regime: '10', restrictedGoods: false }, undefined, ['commercial_invoice', 'bill_of_lading', 'packing_list', 'insurance']],
    ['restricted import adds the SENASA permit', { regime: '10', restrictedGoods: true }, undefined, ['commercial_invoice', 'bill_of_lading', 'packing_list', 'insurance', 'senasa_permit']],
    ['temporary admission', { regime: '20', restrictedGoods: false }, undefined, ['commercial_invoice', 'bill_of_lading', 'packing_list', 'insurance']],
    ['customs warehouse with certificate of origin from the client', { regime: '70', restrictedGoods: false }, ['certificate_of_origin'], ['commercial_invoice', 'bill_of_lading', 'packing_list', 'insurance', 'certificate_of_origin']],
    ['export', { regime: '40', restrictedGoods: false }, undefined, ['packing_list', 'export_invoice', 'booking_confirmation']],
    ['extras are not duplicated', { regime: '10', restrictedGoods: true }, ['senasa_permit', 'insurance'], ['commercial_invoice', 'bill_of_lading', 'packing_list', 'insurance', 'senasa_permit']],
  ])('%s', (_label, dispatch, extra, expected) => {
    expect(requiredDocuments(dispatch, extra)).toEqual(expected);
  });
});

describe('missingDocuments', () => {
  it('lists the required documents without a receipt time, in order', () => {
    const required: DocumentKind[] = ['commercial_invoice', 'bill_of_lading', 'packing_list'];
    expect(missingDocuments(required, {})).toEqual(required);
    expect(missingDocuments(required, { bill_of_lading: '2026-07-06T14:00:00Z', insurance: '2026-07-06T14:00:00Z' })).toEqual(['commercial_invoice', 'packing_list']);
    expect(missingDocuments(required, { commercial_invoice: 'x', bill_of_lading: 'y', packing_list: 'z' })).toEqual([]);
  });
});

describe('labels', () => {
  it('has a Spanish label for every document and status', () => {
    for (const kind of DOCUMENT_KINDS) expect(DOCUMENT_LABEL_ES[kind]).toMatch(/\S/);
    for (const status of DISPATCH_STATUSES) expect(STATUS_LABEL_ES[status]).toMatch(/\S/);
    expect(STATUS_LABEL_ES.released).toBe('Levante otorgado');
  });

  it('treats only closed and cancelled as terminal', () => {
    expect(DISPATCH_STATUSES.filter(isTerminalStatus)).toEqual(['closed', 'cancelled']);
  });
});
