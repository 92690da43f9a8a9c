/**
 * Documents a dispatch needs before the DAM can be prepared: a checklist per regime, plus the SENASA permit
 * when the goods are restricted and whatever extra the client's agreement asks for.
 */
import type { Regime } from './dispatch';

export const DOCUMENT_KINDS = [
  'commercial_invoice',
  'bill_of_lading',
  'packing_list',
  'insurance',
  'certificate_of_origin',
  'senasa_permit',
  'export_invoice',
  'booking_confirmation',
] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

/** Document names for emails and the control board (es-PE). */
export const DOCUMENT_LABEL_ES: Record<DocumentKind, string> = {
  commercial_invoice: 'Factura comercial',
  bill_of_lading: 'Conocimiento de embarque (BL)',
  packing_list: 'Lista de empaque (packing list)',
  insurance: 'Póliza o certificado de seguro',
  certificate_of_origin: 'Certificado de origen',
  senasa_permit: 'Permiso fitosanitario o zoosanitario de SENASA',
  export_invoice: 'Factura de exportación',
  booking_confirmation: 'Confirmación de reserva (booking)',
};

/**
 * Base checklist per regime. Imports (10 consumption, 20 temporary admission, 70 customs warehouse) need the
 * invoice, BL, packing list and insurance (the insurance enters the customs value). The certificate of origin
 * is only needed to claim a trade-agreement preference, so it comes through the client's extra documents.
 * Definitive export (40) needs the export invoice, packing list and the shipping line's booking; re-export (60),
 * reshipment (89) and temporary export (41) are assumptions of outbound-regimes-2026-12.
 */
export const REGIME_DOCUMENTS: Record<Regime, readonly DocumentKind[]> = {
  '10': ['commercial_invoice', 'bill_of_lading', 'packing_list', 'insurance'],
  '20': ['commercial_invoice', 'bill_of_lading', 'packing_list', 'insurance'],
  '70': ['commercial_invoice', 'bill_of_lading', 'packing_list', 'insurance'],
  '40': ['export_invoice', 'packing_list', 'booking_confirmation'],
  // outbound-regimes-2026-12 (ASSUMPTION, domain/exports/outbound-regimes.ts): a re-export and a temporary export
  // ship like a definitive export; a reshipment also needs the arrival BL of the goods it sends back.
  '60': ['export_invoice', 'packing_list', 'booking_confirmation'],
  '89': ['commercial_invoice', 'bill_of_lading', 'booking_confirmation'],
  '41': ['export_invoice', 'packing_list', 'booking_confirmation'],
};

export function isDocumentKind(value: unknown): value is DocumentKind {
  return typeof value === 'string' && (DOCUMENT_KINDS as readonly string[]).includes(value);
}

/** The checklist of a dispatch, without duplicates, in the canonical order of DOCUMENT_KINDS. */
export function requiredDocuments(
  d: { regime: Regime; restrictedGoods: boolean },
  clientExtra: DocumentKind[] = [],
): DocumentKind[] {
  const wanted = new Set<DocumentKind>([...REGIME_DOCUMENTS[d.regime], ...clientExtra]);
  if (d.restrictedGoods) wanted.add('senasa_permit');
  return DOCUMENT_KINDS.filter((kind) => wanted.has(kind));
}

/** Required documents with no receipt time yet, in the order they were required. */
export function missingDocuments(
  required: DocumentKind[],
  received: Partial<Record<DocumentKind, string>>,
): DocumentKind[] {
  return required.filter((kind) => !received[kind]);
}
