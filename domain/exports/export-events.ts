/**
 * The event data of lifecycle feature `export-dam-2026-12`: payload rules (Spanish reasons) and what each event
 * records on the state. Called by the state machine; nothing here applies to dispatches opened before the feature.
 */
import { parseInstant } from '../calendar';
import { hasFeature, type DispatchEvent, type DispatchState } from '../lifecycle';
import { draftCheckProblem, keyDataProblem } from './dam-check';
import { claveSolProblem, EXPORT_DAM, isExportDam, sealsProblem, withSeals } from './export-dam';

/** Payload rules of lifecycle feature export-dam-2026-12 (nothing for dispatches opened before it). */
export function exportDamPayloadProblem(s: DispatchState, e: DispatchEvent, action: string): string | undefined {
  if (!hasFeature(s, EXPORT_DAM)) return undefined;
  const instantProblem = (iso: string, what: string) => {
    try {
      parseInstant(iso);
      return undefined;
    } catch {
      return `No se puede ${action}: ${what} «${iso}» no es una fecha válida. Use ISO 8601 con zona horaria, p. ej. 2026-12-10T18:00:00-05:00.`;
    }
  };
  switch (e.type) {
    case 'documentKeyDataRecorded': {
      const problem = keyDataProblem(e.data, 'los documentos');
      return problem ? `No se puede ${action}: ${problem}.` : undefined;
    }
    case 'draftEmitted': {
      const problem = draftCheckProblem(s.damCheck, e.dam, s.direction, s.direction === 'export');
      return problem ? `No se puede ${action}: ${problem}` : undefined;
    }
    case 'sealsRegistered':
      return isExportDam(s) ? sealsProblem(s, e.seals, e.sintadReference) : undefined;
    case 'regularized':
      return isExportDam(s) ? claveSolProblem(s, e.claveSol) : undefined;
    case 'physicalInspectionScheduled':
      return instantProblem(e.scheduledFor, 'la fecha del reconocimiento') ?? (e.place?.trim() ? undefined : `No se puede ${action}: indique el lugar del reconocimiento.`);
    case 'physicalInspectionRecorded':
      // An export's result is part of its file; an import (import-steps-2026-12) may add notes instead.
      return s.direction !== 'export' || e.result?.trim() ? undefined : `No se puede ${action}: indique el resultado del reconocimiento físico.`;
    case 'cargoCutoffSet':
      return instantProblem(e.cutoffAt, 'el corte de carga');
    default:
      return undefined;
  }
}

/**
 * `next` (the common fields already recorded) with the feature's data of the event: the DAM check's data, seals,
 * inspection, cut-off, CLAVE SOL.
 */
export function recordExportDamEvent(s: DispatchState, next: DispatchState, e: DispatchEvent): DispatchState {
  if (!hasFeature(s, EXPORT_DAM)) return next;
  const rec = s.exportDam;
  switch (e.type) {
    case 'draftEmitted': return e.dam ? { ...next, damCheck: { ...s.damCheck, draft: e.dam } } : next;
    case 'documentKeyDataRecorded': return { ...next, damCheck: { ...s.damCheck, documents: { ...e.data, recordedAt: e.at } } };
    case 'sealsRegistered': return isExportDam(s) && rec ? { ...next, exportDam: withSeals(rec, e.seals!, e.sintadReference!, e.at) } : next;
    case 'regularized': {
      if (!isExportDam(s) || !rec || !e.claveSol) return next;
      const claveSol = { transmissionNumber: e.claveSol.transmissionNumber.trim(), transmittedAt: new Date(parseInstant(e.claveSol.transmittedAt)).toISOString() };
      return { ...next, exportDam: { ...rec, claveSol } };
    }
    case 'physicalInspectionScheduled':
      return { ...next, exportDam: { ...rec!, physicalInspection: { scheduledFor: e.scheduledFor, place: e.place.trim(), scheduledAt: e.at } } };
    case 'physicalInspectionRecorded':
      return { ...next, exportDam: { ...rec!, physicalInspection: { ...rec!.physicalInspection!, recordedAt: e.at, result: (e.result ?? '').trim() } } };
    case 'cargoCutoffSet': return { ...next, exportDam: { ...rec!, cargoCutoffAt: new Date(parseInstant(e.cutoffAt)).toISOString() } };
    default: return next;
  }
}
