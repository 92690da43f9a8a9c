/**
 * The operator actions as the board offers them: a Spanish button and the few fields each needs, over the same
 * action specs (and Updates) as the API's `/dispatches/:id/actions/<name>`. Which ones are "next" comes from
 * the state machine's expected events (DispatchView.nextActions).
 */
import { CHANNELS } from '../../../domain/dispatch';
import { DOCUMENT_KINDS, DOCUMENT_LABEL_ES } from '../../../domain/documents';
import type { DispatchView } from '../../../domain/dispatch-view';
import { pendingWithdrawalSteps, type DispatchState } from '../../../domain/state-machine';
import { CHANNEL_LABEL } from './format';
import { EXPORT_ACTIONS, sealsFor } from './export-board-actions';

export interface FormField {
  name: string;
  label: string;
  kind: 'text' | 'textarea' | 'date' | 'number' | 'select' | 'checkboxes' | 'hidden';
  options?: readonly (readonly [string, string])[];
  required?: boolean;
  value?: string;
}

export interface BoardAction {
  /** The API action name (path segment). */
  name: string;
  /** The button's text. */
  label: string;
  fields: FormField[];
  /** Turns the flat form body into the action's body when it nests (exports: DAM data, seals, CLAVE SOL). */
  shape?: (flat: Record<string, unknown>) => Record<string, unknown>;
}

const plain = (name: string, label: string): BoardAction => ({ name, label, fields: [] });

const ACTIONS: Record<string, BoardAction> = {
  'documents-received': { name: 'documents-received', label: 'Registrar documentos recibidos', fields: [{ name: 'documents', label: 'Documentos recibidos', kind: 'checkboxes', options: DOCUMENT_KINDS.map((d) => [d, DOCUMENT_LABEL_ES[d]] as const), required: true }] },
  'documents-reviewed': plain('documents-reviewed', 'Registrar revisión de documentos'),
  'draft-approved': plain('draft-approved', 'Registrar borrador de DAM aprobado'),
  'dam-numbered': { name: 'dam-numbered', label: 'Registrar numeración de la DAM', fields: [{ name: 'damNumber', label: 'Número de DAM (118-AAAA-RR-NNNNNN)', kind: 'text', required: true }] },
  'channel-assigned': { name: 'channel-assigned', label: 'Registrar canal de control', fields: [{ name: 'channel', label: 'Canal', kind: 'select', options: CHANNELS.map((c) => [c, CHANNEL_LABEL[c]!] as const), required: true }] },
  'senasa-report': plain('senasa-report', 'Registrar informe de SENASA'),
  levante: plain('levante', 'Registrar levante'),
  'discharge-ended': plain('discharge-ended', 'Registrar término de la descarga'),
  proforma: plain('proforma', 'Solicitar proforma al terminal'),
  liquidation: plain('liquidation', 'Solicitar liquidación al terminal'),
  appointment: { name: 'appointment', label: 'Reservar cita de retiro (APMTC)', fields: [{ name: 'date', label: 'Fecha de la cita', kind: 'date', required: true }] },
  'bl-assignment': { name: 'bl-assignment', label: 'Asignar BL al transportista (DPWC)', fields: [{ name: 'carrierRuc', label: 'RUC del transportista', kind: 'text', required: true }, { name: 'carrierName', label: 'Razón social del transportista', kind: 'text', required: true }] },
  pickup: plain('pickup', 'Registrar recojo coordinado'),
  delivered: {
    name: 'delivered',
    label: 'Registrar entrega de la carga (cargo de entrega)',
    fields: [
      { name: 'receipt.receivedBy', label: 'Recibido por', kind: 'text', required: true },
      { name: 'receipt.documentRef', label: 'Documento firmado (guía, acta)', kind: 'text', required: true },
    ],
  },
  'container-return': { name: 'container-return', label: 'Reservar devolución del contenedor', fields: [{ name: 'date', label: 'Fecha de devolución', kind: 'date', required: true }, { name: 'depot', label: 'Depósito', kind: 'text', required: true }] },
  'container-returned': plain('container-returned', 'Registrar contenedor devuelto'),
  'cargo-entry': plain('cargo-entry', 'Registrar ingreso de la carga'),
  shipped: plain('shipped', 'Registrar embarque'),
  close: plain('close', 'Cerrar el despacho'),
  cancel: { name: 'cancel', label: 'Anular el despacho', fields: [{ name: 'reason', label: 'Motivo de la anulación', kind: 'textarea', required: true }] },
  'status-glosa': { name: 'status-glosa', label: 'Registrar glosa 40025 (estado para el cliente)', fields: [{ name: 'note', label: 'Nota para el cliente', kind: 'textarea', required: true }] },
  'extraordinary-service': {
    name: 'extraordinary-service',
    label: 'Registrar glosa 10110 (servicio extraordinario)',
    fields: [
      { name: 'description', label: 'Servicio', kind: 'text', required: true },
      { name: 'reason', label: 'Motivo', kind: 'select', options: [['out_of_hours', 'Fuera de horario'], ['out_of_scope', 'Fuera del alcance pactado']], required: true },
      { name: 'amountPen', label: 'Monto (S/)', kind: 'number' },
    ],
  },
  incident: {
    name: 'incident',
    label: 'Registrar incidencia',
    fields: [
      { name: 'kind', label: 'Tipo', kind: 'select', options: [['terminal', 'Terminal'], ['customs', 'Aduana'], ['transport', 'Transporte'], ['client', 'Cliente'], ['other', 'Otra']], required: true },
      { name: 'description', label: 'Descripción', kind: 'textarea', required: true },
    ],
  },
  complaint: {
    name: 'complaint',
    label: 'Registrar reclamo o contingencia de costos',
    fields: [
      { name: 'category', label: 'Categoría', kind: 'select', options: [['complaint', 'Reclamo'], ['demurrage', 'Sobreestadía (demurrage)'], ['storage', 'Almacenaje'], ['fine', 'Multa'], ['transport_overcost', 'Sobrecosto de transporte'], ['other', 'Otro']], required: true },
      { name: 'description', label: 'Descripción', kind: 'textarea', required: true },
    ],
  },
  'complaint-reported': plain('complaint-reported', 'Informado al supervisor'),
  ...EXPORT_ACTIONS,
  // import-steps-2026-12 (docs/imports.md)
  'senasa-inspection': {
    name: 'senasa-inspection',
    label: 'Programar inspección de SENASA',
    fields: [
      { name: 'scheduledFor', label: 'Fecha y hora (p. ej. 2026-12-05T09:00:00-05:00)', kind: 'text', required: true },
      { name: 'place', label: 'Lugar', kind: 'text', required: true },
      { name: 'inspector', label: 'Inspector', kind: 'text', required: true },
    ],
  },
};
// Per-container steps: an optional container number (empty = every container pending that step).
const CONTAINER_FIELD: FormField = { name: 'containerNumber', label: 'Contenedor (vacío = todos los pendientes)', kind: 'text' };
for (const name of ['appointment', 'pickup', 'delivered', 'container-return', 'container-returned']) ACTIONS[name] = { ...ACTIONS[name]!, fields: [...ACTIONS[name]!.fields, CONTAINER_FIELD] };
ACTIONS.appointment!.fields.push({ name: 'slot', label: 'Turno (hora de inicio, p. ej. 10:00)', kind: 'text' });

export function boardAction(name: string): BoardAction | undefined {
  return ACTIONS[name];
}

const STEP_ACTION = { proforma: 'proforma', liquidation: 'liquidation', appointment: 'appointment', bl_assignment: 'bl-assignment', pickup: 'pickup' } as const;

/** The actions the dispatch expects next, as board buttons (documents offered: the missing ones). */
export function nextBoardActions(v: DispatchView): BoardAction[] {
  const names = v.nextActions.flatMap((event): string[] => {
    switch (event) {
      case 'documentsReceived': return ['documents-received'];
      case 'documentsReviewed': return ['documents-reviewed'];
      case 'draftEmitted': return ['draft-emitted'];
      case 'draftApproved': return ['draft-approved'];
      case 'damNumbered': return ['dam-numbered'];
      case 'channelAssigned': return ['channel-assigned'];
      case 'senasaReportReceived': return ['senasa-report'];
      case 'levanteGranted': return ['levante'];
      case 'dischargeEnded': return ['discharge-ended'];
      case 'withdrawalStep': {
        const state = { ...v.milestones, status: v.status, requiredDocuments: v.requiredDocuments, documentsReceived: v.documentsReceived } as DispatchState;
        return pendingWithdrawalSteps(state).map((step) => STEP_ACTION[step]);
      }
      case 'delivered': return ['delivered'];
      case 'containerReturned': return ['container-return', 'container-returned'];
      case 'cargoEntryRegistered': return ['cargo-entry'];
      case 'sealsRegistered': return ['seals'];
      case 'shipped': return ['shipped'];
      case 'regularized': return ['regularized'];
      case 'closed': return ['close'];
      case 'documentKeyDataRecorded': return ['document-data'];
      case 'senasaInspectionScheduled': return ['senasa-inspection'];
      case 'physicalInspectionScheduled': return ['physical-inspection-scheduled'];
      case 'physicalInspectionRecorded': return ['physical-inspection-recorded'];
      default: return [];
    }
  });
  return names.map((n) => {
    const action = ACTIONS[n]!;
    if (n === 'seals') return sealsFor(v, action);
    if (n !== 'documents-received' || v.missingDocuments.length === 0) return action;
    return { ...action, fields: [{ ...action.fields[0]!, options: v.missingDocuments.map((d) => [d, DOCUMENT_LABEL_ES[d]] as const) }] };
  });
}

/** Actions offered at any time (recording facts, or asking for what the state may refuse, with its reason). */
export const OTHER_ACTIONS = ['status-glosa', 'incident', 'complaint', 'extraordinary-service', 'close', 'cancel'].map((n) => ACTIONS[n]!);

/** The form's fields as the action's JSON body (empty fields left out; numbers and lists typed). */
export function formToBody(action: BoardAction, form: Record<string, unknown>, extra: Record<string, string> = {}): Record<string, unknown> {
  const body: Record<string, unknown> = { ...extra };
  for (const field of action.fields) {
    const value = form[field.name];
    if (field.kind === 'checkboxes') {
      const list = (Array.isArray(value) ? value : value === undefined ? [] : [value]).filter((x): x is string => typeof x === 'string' && x !== '');
      if (list.length) body[field.name] = list;
    } else if (typeof value === 'string' && value.trim() !== '') {
      const typed = field.kind === 'number' ? Number(value.replace(',', '.')) : value;
      // A dotted name fills a nested object: receipt.receivedBy → { receipt: { receivedBy } }.
      const [outer, inner] = field.name.split('.', 2) as [string, string | undefined];
      if (inner) body[outer] = { ...(body[outer] as Record<string, unknown> | undefined), [inner]: typed };
      else body[field.name] = typed;
    }
  }
  return action.shape ? action.shape(body) : body;
}
