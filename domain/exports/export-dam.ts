/**
 * Definitive export (regime 40) with its own DAM — lifecycle feature `export-dam-2026-12` (issue #13, part A).
 *
 * A dispatch opened with the feature follows SUNAT's order for a definitive export: documents reviewed → DAM draft
 * emitted (the dam_draft clock) → approved → DAM numbered (regime 40, before the cargo enters) → cargo entry at the
 * terminal or warehouse → control channel (rojo: the physical inspection — reconocimiento físico — is scheduled and
 * recorded before shipment) → one seal (precinto) per container, registered in SINTAD → shipment → regularization
 * with the digitized documents sent through SUNAT's CLAVE SOL (transmission number and time) → close.
 * A vessel's cargo cut-off (the last moment the terminal receives export cargo) is a clock of its own.
 * Dispatches opened before the feature keep the old export path (cargo entry → seals → shipped, no DAM).
 *
 * Pure data and rules, safe in the workflow sandbox.
 */
import { formatAtOffset, LIMA_UTC_OFFSET_MINUTES, parseInstant } from '../calendar';
import { directionOf, type DispatchInput } from '../dispatch';
import { hasFeature, LIFECYCLE_FEATURES, type DispatchState, type LifecycleFeature } from '../lifecycle';

/** The lifecycle feature id (also the patch id in Temporal's history: never rename). */
export const EXPORT_DAM = LIFECYCLE_FEATURES.exportDam;

/** A seal (precinto) placed on one container, as registered in SINTAD (the broker's customs software). */
export interface ContainerSeal {
  containerNumber: string;
  sealNumber: string;
  /** SINTAD's reference of the registration. */
  sintadReference: string;
  registeredAt: string;
}

/** The physical inspection (reconocimiento físico) of a red channel: scheduled, then recorded. */
export interface PhysicalInspection {
  /** When the inspection takes place (ISO). */
  scheduledFor: string;
  place: string;
  scheduledAt: string;
  recordedAt?: string;
  /** What the inspector found, as the operator wrote it. */
  result?: string;
}

/** The transmission of the digitized documents through SUNAT's CLAVE SOL that regularizes the export. */
export interface ClaveSolTransmission {
  transmissionNumber: string;
  transmittedAt: string;
}

/** What an export opened with the feature records beyond the common milestones. */
export interface ExportDamRecord {
  /** Container numbers declared at opening: each needs its seal before shipment. */
  containers: string[];
  /** The latest seal of each container. */
  seals: ContainerSeal[];
  /** The vessel's cargo cut-off (ISO): cargo entry and seals must be recorded before it. */
  cargoCutoffAt?: string;
  physicalInspection?: PhysicalInspection;
  claveSol?: ClaveSolTransmission;
}

/** Whether the dispatch is an export following the DAM lifecycle of this feature. */
export function isExportDam(s: Pick<DispatchState, 'features' | 'direction'>): boolean {
  return s.direction === 'export' && hasFeature(s, EXPORT_DAM);
}

/** Containers still without a seal, in the order declared. */
export function unsealedContainers(s: DispatchState): string[] {
  const rec = s.exportDam;
  if (!rec) return [];
  return rec.containers.filter((c) => !rec.seals.some((seal) => seal.containerNumber === c));
}

/** Cargo entry recorded and every container sealed: what the cargo cut-off waits for. */
export function readyForCutoff(s: DispatchState): boolean {
  return Boolean(s.cargoEntryRegisteredAt) && unsealedContainers(s).length === 0;
}

const lima = (iso: string) => formatAtOffset(iso, LIMA_UTC_OFFSET_MINUTES);
const list = (items: string[]) => (items.length === 1 ? items[0]! : `${items.slice(0, -1).join(', ')} y ${items[items.length - 1]}`);

/** Guard of the shipment: a red channel's inspection recorded, and a seal on every container (named when missing). */
export function shipmentRefusal(s: DispatchState): string | undefined {
  const inspection = s.exportDam?.physicalInspection;
  if (s.channel === 'rojo' && !inspection?.recordedAt) {
    return inspection
      ? `No se puede registrar el embarque: el canal es rojo y falta registrar el resultado del reconocimiento físico programado para el ${lima(inspection.scheduledFor)}.`
      : 'No se puede registrar el embarque: el canal es rojo y falta programar y registrar el reconocimiento físico de la mercancía.';
  }
  const unsealed = unsealedContainers(s);
  if (unsealed.length === 1) return `No se puede registrar el embarque: el contenedor ${unsealed[0]} no tiene precinto registrado. Registre primero su precinto (número y referencia SINTAD).`;
  if (unsealed.length > 1) return `No se puede registrar el embarque: los contenedores ${list(unsealed)} no tienen precinto registrado. Registre primero sus precintos (número y referencia SINTAD).`;
  return undefined;
}

/** Guard of the physical inspection's steps: only a red channel has one; scheduled before recorded, once each. */
export function inspectionScheduleRefusal(s: DispatchState): string | undefined {
  if (s.channel !== 'rojo') return `No se puede programar el reconocimiento físico: solo corresponde al canal rojo y este despacho tiene canal ${s.channel ?? 'sin asignar'}.`;
  if (s.exportDam?.physicalInspection?.recordedAt) return `No se puede programar el reconocimiento físico: ya se registró su resultado el ${lima(s.exportDam.physicalInspection.recordedAt)}.`;
  return undefined;
}

export function inspectionRecordRefusal(s: DispatchState): string | undefined {
  if (s.channel !== 'rojo') return `No se puede registrar el reconocimiento físico: solo corresponde al canal rojo y este despacho tiene canal ${s.channel ?? 'sin asignar'}.`;
  const inspection = s.exportDam?.physicalInspection;
  if (!inspection) return 'No se puede registrar el reconocimiento físico: antes debe programarlo (fecha, hora y lugar).';
  if (inspection.recordedAt) return `No se puede registrar el reconocimiento físico: ya se registró el ${lima(inspection.recordedAt)}.`;
  return undefined;
}

/** Problems with a seals payload (Spanish), against the dispatch's containers. */
export function sealsProblem(s: DispatchState, seals: { containerNumber: string; sealNumber: string }[] | undefined, sintadReference: string | undefined): string | undefined {
  const action = 'No se puede registrar los precintos';
  const containers = s.exportDam?.containers ?? [];
  if (!seals || seals.length === 0) return `${action}: indique el número de precinto de cada contenedor (${containers.length ? list(containers) : 'sin contenedores'}).`;
  if (!sintadReference?.trim()) return `${action}: falta la referencia del registro en SINTAD.`;
  const unknown = seals.map((x) => x.containerNumber).filter((c) => !containers.includes(c));
  if (unknown.length) return `${action}: ${unknown.length === 1 ? 'el contenedor' : 'los contenedores'} ${list(unknown)} no ${unknown.length === 1 ? 'pertenece' : 'pertenecen'} a este despacho (contenedores: ${containers.length ? list(containers) : 'ninguno'}).`;
  const repeated = seals.map((x) => x.containerNumber).filter((c, i, all) => all.indexOf(c) !== i);
  if (repeated.length) return `${action}: el contenedor ${repeated[0]} figura más de una vez. Indique un precinto por contenedor.`;
  const blank = seals.find((x) => !x.sealNumber?.trim());
  if (blank) return `${action}: falta el número de precinto del contenedor ${blank.containerNumber}.`;
  return undefined;
}

/** Problems with the regularization of an export with DAM: the CLAVE SOL transmission is required. */
export function claveSolProblem(s: DispatchState, claveSol: ClaveSolTransmission | undefined): string | undefined {
  const action = 'No se puede registrar la regularización';
  if (!claveSol || !claveSol.transmissionNumber?.trim()) return `${action}: falta el número de la transmisión por CLAVE SOL de los documentos digitalizados.`;
  let t: number;
  try {
    t = parseInstant(claveSol.transmittedAt);
  } catch {
    return `${action}: falta la fecha y hora de la transmisión por CLAVE SOL (ISO 8601 con zona horaria).`;
  }
  if (s.shipmentEndedAt && t < parseInstant(s.shipmentEndedAt)) return `${action}: la transmisión por CLAVE SOL (${lima(claveSol.transmittedAt)}) no puede ser anterior al término del embarque (${lima(s.shipmentEndedAt)}).`;
  return undefined;
}

/** What a new dispatch opened with the feature starts with: an export, its containers and cut-off. */
export function exportDamAtOpening(input: DispatchInput, features: readonly LifecycleFeature[]): { exportDam?: ExportDamRecord } {
  if (!features.includes(EXPORT_DAM) || directionOf(input.regime) !== 'export') return {};
  const cargoCutoffAt = input.cargoCutoffAt ? new Date(parseInstant(input.cargoCutoffAt)).toISOString() : undefined;
  return { exportDam: { containers: input.containers.map((c) => c.containerNumber), seals: [], ...(cargoCutoffAt ? { cargoCutoffAt } : {}) } };
}

/** The seals recorded, replacing an earlier seal of the same container (a seal replaced at the terminal). */
export function withSeals(rec: ExportDamRecord, seals: { containerNumber: string; sealNumber: string }[], sintadReference: string, at: string): ExportDamRecord {
  const fresh = seals.map((x) => ({ containerNumber: x.containerNumber, sealNumber: x.sealNumber.trim(), sintadReference: sintadReference.trim(), registeredAt: at }));
  return { ...rec, seals: [...rec.seals.filter((old) => !fresh.some((x) => x.containerNumber === old.containerNumber)), ...fresh] };
}
