/**
 * DAM content check (seed 2.2.5), for dispatches opened with lifecycle feature `export-dam-2026-12`: before the DAM
 * draft goes to the client, its key data are compared with those registered from the commercial documents.
 *
 * Assumption (where the data come from): the executive records the key data read from the commercial documents
 * (invoice, BL, packing list) with the `documentKeyDataRecorded` action (API `document-data`); the `draftEmitted`
 * action carries the same key data as typed in the DAM draft. A difference refuses the draft with the list of
 * differences. For an export both are required before the draft; for an import the check runs as soon as the
 * documents' key data were recorded (then the draft must carry its data), so imports whose documents' data are
 * not recorded keep emitting drafts as before. Weights and amounts are decimal strings, compared exactly (never
 * as floats): "1250.5" equals "1250.50".
 */
import type { Direction } from '../dispatch';

/** Currencies of a commercial invoice. */
export const INVOICE_CURRENCIES = ['USD', 'PEN', 'EUR'] as const;
export type InvoiceCurrency = (typeof INVOICE_CURRENCIES)[number];

/** The key data of a DAM, as declared in the draft or as read from the commercial documents. */
export interface DamKeyData {
  /** RUC of the importer (import) or exporter (export). */
  partyRuc: string;
  /** Bill of lading number. */
  bl: string;
  /** Gross weight in kilograms, decimal string (up to 3 decimals). */
  grossWeightKg: string;
  /** Number of packages (bultos). */
  packages: number;
  /** FOB/invoice value, decimal string with up to 2 decimals. */
  invoiceValue: string;
  currency: InvoiceCurrency;
  /** Number of tariff lines (series) of the declaration. */
  tariffLines: number;
}

/** Documents' data and the draft's data, as recorded on the dispatch. */
export interface DamCheckRecord {
  documents?: DamKeyData & { recordedAt: string };
  draft?: DamKeyData;
}

export const DECIMAL = /^(0|[1-9][0-9]{0,11})(\.[0-9]{1,3})?$/;

/** A decimal string without trailing zeros ("1250.50" → "1250.5", "12.000" → "12"). */
function canonicalDecimal(v: string): string {
  const t = v.trim();
  if (!t.includes('.')) return t;
  return t.replace(/0+$/, '').replace(/\.$/, '');
}

/** Problems with the key data themselves (Spanish), or undefined. */
export function keyDataProblem(d: DamKeyData | undefined, what: string): string | undefined {
  if (!d) return `faltan los datos clave de ${what}`;
  if (!/^[0-9]{11}$/.test(d.partyRuc ?? '')) return `el RUC de ${what} debe tener 11 dígitos`;
  if (!d.bl?.trim()) return `falta el BL de ${what}`;
  if (!DECIMAL.test(d.grossWeightKg ?? '')) return `el peso bruto de ${what} debe ser un número decimal (p. ej. "1250.500")`;
  if (!DECIMAL.test(d.invoiceValue ?? '') || (d.invoiceValue.split('.')[1]?.length ?? 0) > 2) return `el valor de la factura de ${what} debe ser un importe decimal con 2 decimales como máximo (p. ej. "48250.00")`;
  if (!Number.isInteger(d.packages) || d.packages < 1) return `el número de bultos de ${what} debe ser un entero positivo`;
  if (!Number.isInteger(d.tariffLines) || d.tariffLines < 1) return `el número de series de ${what} debe ser un entero positivo`;
  if (!(INVOICE_CURRENCIES as readonly string[]).includes(d.currency)) return `la moneda de ${what} debe ser ${INVOICE_CURRENCIES.join(', ')}`;
  return undefined;
}

/** The differences between the draft and the documents, in Spanish; empty when they agree. */
export function damDifferences(draft: DamKeyData, documents: DamKeyData, direction: Direction): string[] {
  const party = direction === 'export' ? 'RUC del exportador' : 'RUC del importador';
  const rows: [string, string, string][] = [
    [party, draft.partyRuc, documents.partyRuc],
    ['BL', draft.bl.trim().toUpperCase(), documents.bl.trim().toUpperCase()],
    ['peso bruto (kg)', canonicalDecimal(draft.grossWeightKg), canonicalDecimal(documents.grossWeightKg)],
    ['número de bultos', String(draft.packages), String(documents.packages)],
    ['valor de la factura', canonicalDecimal(draft.invoiceValue), canonicalDecimal(documents.invoiceValue)],
    ['moneda de la factura', draft.currency, documents.currency],
    ['número de series (líneas arancelarias)', String(draft.tariffLines), String(documents.tariffLines)],
  ];
  return rows.filter(([, a, b]) => a !== b).map(([field, a, b]) => `${field}: en la DAM «${a}», en los documentos «${b}»`);
}

/**
 * Why the draft cannot go to the client (Spanish, after "No se puede registrar la emisión del borrador de la DAM: "),
 * or undefined. `required`: the documents' data must have been recorded (exports).
 */
export function draftCheckProblem(check: DamCheckRecord | undefined, draft: DamKeyData | undefined, direction: Direction, required: boolean): string | undefined {
  const documents = check?.documents;
  if (!documents) {
    if (required) return 'faltan los datos clave de los documentos comerciales (RUC, BL, peso bruto, bultos, valor y moneda de la factura, número de series). Regístrelos primero para poder compararlos con la DAM.';
    if (!draft) return undefined;
    return 'se enviaron datos de la DAM pero no se registraron los datos clave de los documentos con los que compararlos. Regístrelos primero.';
  }
  if (!draft) return 'indique los datos clave del borrador de la DAM (RUC, BL, peso bruto, bultos, valor y moneda de la factura, número de series) para compararlos con los documentos registrados.';
  const invalid = keyDataProblem(draft, 'la DAM');
  if (invalid) return `${invalid}.`;
  const diffs = damDifferences(draft, documents, direction);
  if (diffs.length === 0) return undefined;
  return `los datos de la DAM no coinciden con los documentos registrados — ${diffs.join('; ')}. Corrija el borrador (o los datos de los documentos) antes de enviarlo al cliente.`;
}
