/**
 * Board forms of the export steps with structured payloads (lifecycle feature export-dam-2026-12): the DAM's key
 * data (documents and draft), a container's seal, the red channel's inspection, the CLAVE SOL transmission.
 */
import type { DispatchView } from '../../../domain/dispatch-view';
import type { BoardAction, FormField } from './board-actions';

const KEY_DATA = ['partyRuc', 'bl', 'grossWeightKg', 'packages', 'invoiceValue', 'currency', 'tariffLines'] as const;
const keyDataFields = (required: boolean): FormField[] => [
  { name: 'partyRuc', label: 'RUC del importador o exportador', kind: 'text', required },
  { name: 'bl', label: 'BL', kind: 'text', required },
  { name: 'grossWeightKg', label: 'Peso bruto (kg, p. ej. 18250.500)', kind: 'text', required },
  { name: 'packages', label: 'Número de bultos', kind: 'number', required },
  { name: 'invoiceValue', label: 'Valor de la factura (p. ej. 48250.00)', kind: 'text', required },
  // Optional (the draft of an import without documents' data): an empty first choice, left out of the body.
  { name: 'currency', label: 'Moneda de la factura', kind: 'select', options: [...(required ? [] : [['', '—'] as const]), ['USD', 'Dólares (USD)'], ['PEN', 'Soles (PEN)'], ['EUR', 'Euros (EUR)']], required },
  { name: 'tariffLines', label: 'Número de series', kind: 'number', required },
];
/** Moves the key-data fields under `key` (left out when none was filled: an import without documents' data). */
const nestKeyData = (key: 'data' | 'dam') => (flat: Record<string, unknown>) => {
  const rest = Object.fromEntries(Object.entries(flat).filter(([k]) => !(KEY_DATA as readonly string[]).includes(k)));
  const data = Object.fromEntries(Object.entries(flat).filter(([k]) => (KEY_DATA as readonly string[]).includes(k)));
  return Object.keys(data).length ? { ...rest, [key]: data } : rest;
};
export const EXPORT_ACTIONS: Record<string, BoardAction> = {
  'document-data': { name: 'document-data', label: 'Registrar datos clave de los documentos', fields: keyDataFields(true), shape: nestKeyData('data') },
  'draft-emitted': { name: 'draft-emitted', label: 'Registrar borrador de DAM emitido', fields: keyDataFields(false), shape: nestKeyData('dam') },
  seals: {
    name: 'seals',
    label: 'Registrar precinto de un contenedor',
    fields: [
      { name: 'containerNumber', label: 'Contenedor', kind: 'select', options: [], required: true },
      { name: 'sealNumber', label: 'Número de precinto', kind: 'text', required: true },
      { name: 'sintadReference', label: 'Referencia del registro en SINTAD', kind: 'text', required: true },
    ],
    shape: ({ containerNumber, sealNumber, ...rest }) => ({ ...rest, seals: [{ containerNumber, sealNumber }] }),
  },
  'physical-inspection-scheduled': {
    name: 'physical-inspection-scheduled',
    label: 'Programar reconocimiento físico',
    fields: [
      { name: 'scheduledFor', label: 'Fecha y hora (p. ej. 2026-12-18T09:00:00-05:00)', kind: 'text', required: true },
      { name: 'place', label: 'Lugar', kind: 'text', required: true },
    ],
  },
  'physical-inspection-recorded': { name: 'physical-inspection-recorded', label: 'Registrar reconocimiento físico', fields: [{ name: 'result', label: 'Resultado (obligatorio en exportaciones)', kind: 'textarea' }, { name: 'notes', label: 'Observaciones', kind: 'textarea' }] },
  regularized: {
    name: 'regularized',
    label: 'Registrar regularización',
    fields: [
      { name: 'transmissionNumber', label: 'N.º de transmisión CLAVE SOL (exportación)', kind: 'text' },
      { name: 'transmittedAt', label: 'Fecha y hora de la transmisión (p. ej. 2026-12-20T10:00:00-05:00)', kind: 'text' },
    ],
    shape: ({ transmissionNumber, transmittedAt, ...rest }) => (transmissionNumber || transmittedAt ? { ...rest, claveSol: { transmissionNumber, transmittedAt } } : rest),
  },
};

/** The seals form offers the containers still without a seal; an export opened before the feature has no seal data. */
export function sealsFor(v: DispatchView, action: BoardAction): BoardAction {
  const rec = v.milestones.exportDam;
  if (!rec) return { name: 'seals', label: 'Registrar precintos', fields: [] };
  const unsealed = rec.containers.filter((c) => !rec.seals.some((seal) => seal.containerNumber === c));
  return { ...action, fields: action.fields.map((f) => (f.name === 'containerNumber' ? { ...f, options: unsealed.map((c) => [c, c] as const) } : f)) };
}
