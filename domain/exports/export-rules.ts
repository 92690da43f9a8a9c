/**
 * Transition rules of lifecycle feature `export-dam-2026-12`, read by the state machine instead of (exports) or
 * on top of (imports: the documents' key data) the base table of `state-machine.ts`, only for dispatches opened
 * with the feature. Keyed like TRANSITIONS; a status × event pair not listed is refused.
 */
import { hasFeature, type DispatchEventType, type DispatchState, type DispatchStatus } from '../lifecycle';
import type { TransitionRule } from '../state-machine';
import { EXPORT_DAM, inspectionRecordRefusal, inspectionScheduleRefusal, shipmentRefusal, unsealedContainers } from './export-dam';

type Rules = Partial<Record<DispatchEventType, TransitionRule>>;

const documentsDataFirst = (s: DispatchState) =>
  s.damCheck?.documents
    ? undefined
    : 'No se puede registrar la emisión del borrador de la DAM: faltan los datos clave de los documentos comerciales (RUC, BL, peso bruto, bultos, valor y moneda de la factura, número de series). Regístrelos primero para poder compararlos con la DAM.';
const keyData = (required: boolean): TransitionRule => ({ to: 'stay', pending: (s) => required && !s.damCheck?.documents });
const cutoff: TransitionRule = { to: 'stay', pending: () => false };
const cancel: TransitionRule = { to: 'cancelled' };
const shipment: TransitionRule = { to: 'shipped', when: shipmentRefusal };
const inspection: Rules = {
  physicalInspectionScheduled: { to: 'stay', when: inspectionScheduleRefusal, pending: (s) => s.channel === 'rojo' && !s.exportDam?.physicalInspection },
  physicalInspectionRecorded: { to: 'stay', when: inspectionRecordRefusal, pending: (s) => Boolean(s.exportDam?.physicalInspection && !s.exportDam.physicalInspection.recordedAt) },
};

/** The export's path with its own DAM (the base table's export path skips the DAM and the channel). */
const EXPORT_TRANSITIONS: Partial<Record<DispatchStatus, Rules>> = {
  documents_reviewed: { documentKeyDataRecorded: keyData(true), draftEmitted: { to: 'draft_emitted', when: documentsDataFirst }, cargoCutoffSet: cutoff, cancelled: cancel },
  draft_emitted: { draftApproved: { to: 'draft_approved' }, cargoCutoffSet: cutoff, cancelled: cancel },
  draft_approved: { damNumbered: { to: 'dam_numbered' }, cargoCutoffSet: cutoff, cancelled: cancel },
  dam_numbered: { cargoEntryRegistered: { to: 'cargo_entry_registered' }, cargoCutoffSet: cutoff, cancelled: cancel },
  cargo_entry_registered: { channelAssigned: { to: 'channel_assigned' }, cargoCutoffSet: cutoff, cancelled: cancel },
  channel_assigned: { ...inspection, sealsRegistered: { to: 'seals_registered' }, shipped: shipment, cargoCutoffSet: cutoff, cancelled: cancel },
  seals_registered: {
    ...inspection,
    sealsRegistered: { to: 'stay', pending: (s) => unsealedContainers(s).length > 0 },
    shipped: shipment,
    cargoCutoffSet: cutoff,
    cancelled: cancel,
  },
  shipped: { regularized: { to: 'regularized' }, cancelled: cancel },
  regularized: { closed: { to: 'closed' }, cancelled: cancel },
};

/** Statuses before the draft, where the documents' key data may be recorded. */
const BEFORE_DRAFT: DispatchStatus[] = ['opened', 'documents_complete', 'documents_reviewed'];

/**
 * The rules for this dispatch's status under the feature, or undefined when the base table applies unchanged
 * (dispatches opened before the feature). `base` is the base table's row for the status.
 */
export function exportDamRules(s: DispatchState, base: Rules): Rules | undefined {
  if (!hasFeature(s, EXPORT_DAM)) return undefined;
  const isExport = s.direction === 'export';
  if (isExport && EXPORT_TRANSITIONS[s.status]) return EXPORT_TRANSITIONS[s.status];
  if (!BEFORE_DRAFT.includes(s.status)) return undefined;
  return { ...base, documentKeyDataRecorded: keyData(false), ...(isExport ? { cargoCutoffSet: cutoff } : {}) };
}

/** Events of the import path that an export with its own DAM also goes through. */
export const EXPORT_DAM_SHARED_EVENTS: readonly DispatchEventType[] = ['draftEmitted', 'draftApproved', 'damNumbered', 'channelAssigned'];
