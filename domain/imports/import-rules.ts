/**
 * The import path as it really runs (lifecycle feature import-steps-2026-12), as rules added to the transition
 * table of `state-machine.ts` for dispatches opened with the feature: every container has its own steps, the
 * red channel's physical inspection and SENASA's scheduled inspection gate the levante, SADA regularization
 * follows the levante and the discharge whatever happens to the empty container, withdrawal planning is recorded.
 */
import { formatAtOffset, LIMA_UTC_OFFSET_MINUTES, localDate, parseInstant, peruCalendar } from '../calendar';
import { DISPATCH_STATUSES, isTerminalStatus, type DispatchEvent, type DispatchState, type DispatchStatus } from '../lifecycle';
import type { Rule } from '../state-machine';
import { allContainers, containerList, targetContainers, updateContainers, whenAll, type ContainerStage } from './containers';
import { initialPlan, replan } from './plan';

type EventType = DispatchEvent['type'];
const lima = (iso: string) => formatAtOffset(iso, LIMA_UTC_OFFSET_MINUTES);
const CALENDAR = peruCalendar([]);

const senasaNotScheduled = (s: DispatchState) =>
  !s.restrictedGoods
    ? 'No se puede programar la inspección de SENASA: la mercancía de este despacho no es restringida.'
    : s.senasaReportAt ? 'No se puede programar la inspección de SENASA: su informe ya fue registrado.' : undefined;
const senasaReport = (s: DispatchState) =>
  !s.restrictedGoods
    ? 'No se puede registrar el informe de SENASA: la mercancía de este despacho no es restringida y no requiere inspección de SENASA. Registre el levante cuando SUNAT lo otorgue.'
    : !s.inspections?.senasa
      ? 'No se puede registrar el informe de SENASA: la inspección aún no fue programada. Programe primero la inspección (fecha, lugar e inspector).'
      : undefined;
const notRed = (s: DispatchState) =>
  s.channel !== 'rojo' ? `No se puede registrar el reconocimiento físico: solo corresponde al canal rojo y este despacho tiene canal ${s.channel ?? 'sin asignar'}.` : undefined;
const physicalSchedulable = (s: DispatchState) =>
  notRed(s) ?? (s.inspections?.physical?.recordedAt ? `No se puede programar el reconocimiento físico: ya fue realizado y registrado el ${lima(s.inspections.physical.recordedAt)}.` : undefined);
const physicalRecordable = (s: DispatchState) =>
  notRed(s) ?? (!s.inspections?.physical
    ? 'No se puede registrar el reconocimiento físico: aún no fue programado. Prográmelo primero (fecha y lugar).'
    : s.inspections.physical.recordedAt ? `No se puede registrar el reconocimiento físico: ya fue registrado el ${lima(s.inspections.physical.recordedAt)}.` : undefined);
const levanteGate = (s: DispatchState) =>
  s.restrictedGoods && !s.senasaReportAt
    ? s.inspections?.senasa
      ? `No se puede registrar el levante: falta el informe de inspección de SENASA (inspección programada el ${lima(s.inspections.senasa.scheduledFor)}). Registre primero el informe de SENASA.`
      : 'No se puede registrar el levante: falta el informe de inspección de SENASA (mercancía restringida). Programe la inspección y registre su informe.'
    : s.channel === 'rojo' && !s.inspections?.physical?.recordedAt
      ? 'No se puede registrar el levante: el canal rojo exige el reconocimiento físico. Prográmelo y regístrelo antes del levante.'
      : undefined;
const sadaEarly = (s: DispatchState) =>
  s.modality !== 'anticipado'
    ? `No se puede registrar la regularización: solo aplica a despachos anticipados (SADA) y este despacho es de modalidad «${s.modality}».`
    : s.regularizedAt ? `No se puede registrar la regularización: ya fue registrada el ${lima(s.regularizedAt)}.`
      : !s.dischargeEndedAt ? 'No se puede registrar la regularización: falta el término de la descarga, desde el que se cuenta el plazo de regularización. Regístrelo primero.'
        : undefined;
const closeNeedsRegularization = (s: DispatchState) =>
  s.modality === 'anticipado' && !s.regularizedAt
    ? 'No se puede cerrar el despacho: un despacho anticipado (SADA) debe regularizarse antes del cierre. Registre primero la regularización.'
    : undefined;
const hasPlan = (s: DispatchState) => (s.plan ? undefined : 'No se puede reprogramar: el despacho no tiene plan de hitos.');
const beforeDelivery = (s: DispatchState) => !allContainers(s, 'pickup');

const stay = (extra: Partial<Rule> = {}): Rule => ({ to: 'stay', ...extra });
const planning: Partial<Record<EventType, Rule>> = {
  preExitCoordinated: stay({ pending: () => false }),
  mobilizationRequested: stay({ pending: () => false, when: (s) => (beforeDelivery(s) ? undefined : 'No se puede registrar la movilización: todos los contenedores ya fueron recogidos.') }),
};
const earlyRegularization: Partial<Record<EventType, Rule>> = {
  regularized: stay({ when: sadaEarly, pending: (s) => s.modality === 'anticipado' && !s.regularizedAt && Boolean(s.dischargeEndedAt) }),
};

/** Rules added to (or replacing) the base table's, per status, for dispatches opened with the feature. */
export const IMPORT_STEPS_RULES: Partial<Record<DispatchStatus, Partial<Record<EventType, Rule>>>> = {
  dam_numbered: {
    senasaInspectionScheduled: stay({ when: senasaNotScheduled, pending: (s) => s.restrictedGoods && !s.inspections?.senasa }),
    mobilizationRequested: planning.mobilizationRequested,
  },
  channel_assigned: {
    senasaInspectionScheduled: stay({ when: senasaNotScheduled, pending: (s) => s.restrictedGoods && !s.inspections?.senasa }),
    senasaReportReceived: { to: 'senasa_inspected', when: senasaReport },
    physicalInspectionScheduled: stay({ when: physicalSchedulable, pending: (s) => s.channel === 'rojo' && !s.inspections?.physical }),
    physicalInspectionRecorded: stay({ when: physicalRecordable, pending: (s) => s.channel === 'rojo' && Boolean(s.inspections?.physical) && !s.inspections?.physical?.recordedAt }),
    levanteGranted: { to: 'released', when: levanteGate },
    mobilizationRequested: planning.mobilizationRequested,
  },
  senasa_inspected: {
    physicalInspectionScheduled: stay({ when: physicalSchedulable, pending: (s) => s.channel === 'rojo' && !s.inspections?.physical }),
    physicalInspectionRecorded: stay({ when: physicalRecordable, pending: (s) => s.channel === 'rojo' && Boolean(s.inspections?.physical) && !s.inspections?.physical?.recordedAt }),
    levanteGranted: { to: 'released', when: levanteGate },
    mobilizationRequested: planning.mobilizationRequested,
  },
  released: { ...planning, ...earlyRegularization },
  withdrawal_in_progress: {
    delivered: { to: (r) => (allContainers(r, 'delivery') ? 'delivered' : 'withdrawal_in_progress'), pending: (s) => containerList(s).some((c) => c.pickedUpAt && !c.deliveredAt) },
    containerReturned: stay({ pending: (s) => containerList(s).some((c) => c.deliveredAt && !c.returnedAt) }),
    containerReturnBooked: stay({ pending: () => false }),
    ...planning,
    ...earlyRegularization,
  },
  delivered: {
    containerReturned: { to: (r) => (allContainers(r, 'return') ? 'container_returned' : 'delivered') },
    containerReturnBooked: stay({ pending: () => false }),
    ...earlyRegularization,
  },
  container_returned: {
    regularized: { to: 'regularized', when: sadaEarly },
    closed: { to: 'closed', when: closeNeedsRegularization },
  },
};
// A re-plan is possible at every open status of an import.
for (const status of DISPATCH_STATUSES) {
  if (isTerminalStatus(status)) continue;
  IMPORT_STEPS_RULES[status] = { ...IMPORT_STEPS_RULES[status], replanned: stay({ when: hasPlan, pending: () => false }) };
}

/** Events of the feature that only imports record. */
export const IMPORT_STEPS_EVENT_DIRECTION: Partial<Record<EventType, 'import'>> = {
  senasaInspectionScheduled: 'import',
  preExitCoordinated: 'import', mobilizationRequested: 'import', replanned: 'import', containerReturnBooked: 'import',
};

const validInstant = (iso: string) => {
  try {
    parseInstant(iso);
    return true;
  } catch {
    return false;
  }
};
const blank = (x: string | undefined) => !x || x.trim() === '';

/** Problems with a per-container event's containers; `null` when the base rules decide. */
function containerProblem(s: DispatchState, e: DispatchEvent, action: string): string | undefined | null {
  const check = (stage: ContainerStage, n: string | undefined, each: (c: NonNullable<DispatchState['containers']>[string]) => string | undefined) => {
    const targets = targetContainers(s, stage, n);
    if (typeof targets === 'string') return `No se puede ${action}: ${targets}.`;
    if (targets.length === 0 && containerList(s).length > 0) return `No se puede ${action}: todos los contenedores ya lo tienen registrado.`;
    for (const c of targets) {
      const problem = each(c);
      if (problem) return `No se puede ${action}: ${problem}.`;
    }
    return undefined;
  };
  switch (e.type) {
    case 'withdrawalStep':
      if (e.step === 'appointment' && s.terminal === 'APMTC') return check('appointment', e.containerNumber, () => undefined);
      if (e.step === 'pickup') {
        return check('pickup', e.containerNumber, (c) =>
          s.terminal === 'APMTC' && !c.appointment ? `el contenedor ${c.containerNumber} aún no tiene cita de retiro en APMTC; resérvela primero`
            : s.terminal === 'DPWC' && !s.withdrawal.blAssignedAt ? 'antes debe registrar la asignación del BL al transportista en DPWC'
              : undefined);
      }
      return null;
    case 'delivered':
      // Seed 2.3.9: each delivery leaves its delivery receipt (cargo de entrega).
      if (!e.receipt && containerList(s).length > 0) {
        return `No se puede ${action}: falta el cargo de entrega (quién recibió la carga y la referencia del documento firmado).`;
      }
      if (e.receipt && (blank(e.receipt.receivedBy) || blank(e.receipt.documentRef) || (e.receipt.receivedAt !== undefined && !validInstant(e.receipt.receivedAt)))) {
        return `No se puede ${action}: el cargo de entrega debe indicar quién recibió, la referencia del documento firmado y, si se indica, cuándo (fecha ISO 8601).`;
      }
      if (containerList(s).length === 0 && !s.withdrawal.pickupAt) return `No se puede ${action}: el retiro no está completo. Antes debe registrar el recojo de la carga.`;
      return check('delivery', e.containerNumber, (c) => (c.pickedUpAt ? undefined : `el contenedor ${c.containerNumber} aún no fue recogido del terminal; registre primero su recojo`));
    case 'containerReturnBooked':
      return check('returnAppointment', e.containerNumber, (c) => (c.deliveredAt ? undefined : `el contenedor ${c.containerNumber} aún no fue entregado; registre primero su entrega`));
    case 'containerReturned':
      if (containerList(s).length === 0 && !s.deliveredAt) return `No se puede ${action}: la carga aún no fue entregada. Registre primero la entrega.`;
      return check('return', e.containerNumber, (c) => (c.deliveredAt ? undefined : `el contenedor ${c.containerNumber} aún no fue entregado; registre primero su entrega`));
    case 'preExitCoordinated': {
      if (blank(e.warehouse)) return `No se puede ${action}: indique el almacén.`;
      if (!/^\d{4}-\d{2}-\d{2}$/.test(e.pickupDate)) return `No se puede ${action}: la fecha de la pre-salida «${e.pickupDate}» no es válida (AAAA-MM-DD).`;
      // Seed 2.3.8: the 06:00 pre-exit is coordinated with the warehouse the day before (Lima dates).
      if (localDate(CALENDAR, e.at) >= e.pickupDate) return `No se puede ${action}: la pre-salida de las 06:00 del ${e.pickupDate} debe coordinarse con el almacén a más tardar el día anterior.`;
      return check('pickup', e.containerNumber, () => undefined);
    }
    case 'mobilizationRequested':
      if (blank(e.warehouse)) return `No se puede ${action}: indique el depósito temporal de destino.`;
      return check('pickup', e.containerNumber, () => undefined);
    case 'senasaInspectionScheduled':
      if (!validInstant(e.scheduledFor)) return `No se puede ${action}: la fecha «${e.scheduledFor}» no es válida (ISO 8601 con zona horaria).`;
      return blank(e.place) || blank(e.inspector) ? `No se puede ${action}: indique el lugar y el inspector.` : undefined;
    case 'physicalInspectionScheduled':
      if (!validInstant(e.scheduledFor)) return `No se puede ${action}: la fecha «${e.scheduledFor}» no es válida (ISO 8601 con zona horaria).`;
      return blank(e.place) ? `No se puede ${action}: indique el lugar del reconocimiento.` : undefined;
    case 'replanned': {
      const dates = Object.values(e.change);
      if (blank(e.reason)) return `No se puede ${action}: indique el motivo de la reprogramación.`;
      if (dates.length === 0) return `No se puede ${action}: indique al menos una fecha del plan.`;
      const bad = dates.find((d) => typeof d !== 'string' || !validInstant(d));
      return bad === undefined ? undefined : `No se puede ${action}: la fecha «${String(bad)}» no es válida (ISO 8601 con zona horaria).`;
    }
    default:
      return null;
  }
}
export { containerProblem as importPayloadProblem };

/** The event's data recorded on the state for a dispatch with the feature; `null` when the base record applies. */
export function recordImportEvent(s: DispatchState, e: DispatchEvent): DispatchState | null {
  const numbers = (stage: ContainerStage, n?: string) => {
    const t = targetContainers(s, stage, n);
    return typeof t === 'string' ? [] : t.map((c) => c.containerNumber);
  };
  switch (e.type) {
    case 'withdrawalStep': {
      if (e.step === 'appointment') {
        const r = updateContainers(s, numbers('appointment', e.containerNumber), (c) => ({ ...c, appointment: { at: e.at, ...(e.reference ? { reference: e.reference } : {}), ...(e.slot ? { slot: e.slot } : {}) } }));
        return { ...r, withdrawal: { ...s.withdrawal, appointmentAt: whenAll(r, (c) => c.appointment?.at) ?? (containerList(r).length ? undefined : e.at) } };
      }
      if (e.step === 'pickup') {
        const r = updateContainers(s, numbers('pickup', e.containerNumber), (c) => ({ ...c, pickedUpAt: e.at }));
        return { ...r, withdrawal: { ...s.withdrawal, pickupAt: whenAll(r, (c) => c.pickedUpAt) ?? (containerList(r).length ? undefined : e.at) } };
      }
      return null;
    }
    case 'delivered': {
      const receipt = e.receipt && { receivedBy: e.receipt.receivedBy.trim(), receivedAt: e.receipt.receivedAt ? new Date(parseInstant(e.receipt.receivedAt)).toISOString() : e.at, documentRef: e.receipt.documentRef.trim() };
      const r = updateContainers(s, numbers('delivery', e.containerNumber), (c) => ({ ...c, deliveredAt: e.at, ...(receipt ? { delivery: receipt } : {}) }));
      return { ...r, deliveredAt: whenAll(r, (c) => c.deliveredAt) ?? (containerList(r).length ? undefined : e.at) };
    }
    case 'containerReturned': {
      const r = updateContainers(s, numbers('return', e.containerNumber), (c) => ({ ...c, returnedAt: e.at }));
      return { ...r, containerReturnedAt: whenAll(r, (c) => c.returnedAt) ?? (containerList(r).length ? undefined : e.at) };
    }
    case 'containerReturnBooked':
      return updateContainers(s, [e.containerNumber], (c) => ({ ...c, returnAppointment: { at: e.at, reference: e.reference, depot: e.depot, ...(e.slot ? { slot: e.slot } : {}) } }));
    case 'preExitCoordinated':
      return updateContainers(s, numbers('pickup', e.containerNumber), (c) => ({ ...c, preExit: { coordinatedAt: e.at, warehouse: e.warehouse.trim(), pickupAt: `${e.pickupDate}T06:00:00-05:00` } }));
    case 'mobilizationRequested':
      return updateContainers(s, numbers('pickup', e.containerNumber), (c) => ({ ...c, mobilization: { requestedAt: e.at, warehouse: e.warehouse.trim(), ...(e.reference ? { reference: e.reference } : {}) } }));
    case 'senasaInspectionScheduled':
      return { ...s, inspections: { ...s.inspections, senasa: { scheduledAt: e.at, scheduledFor: new Date(parseInstant(e.scheduledFor)).toISOString(), place: e.place.trim(), inspector: e.inspector.trim() } } };
    case 'physicalInspectionScheduled':
      return { ...s, inspections: { ...s.inspections, physical: { scheduledAt: e.at, scheduledFor: new Date(parseInstant(e.scheduledFor)).toISOString(), place: e.place.trim() } } };
    case 'physicalInspectionRecorded':
      return { ...s, inspections: { ...s.inspections, physical: { ...s.inspections!.physical!, recordedAt: e.at, ...(e.notes ? { notes: e.notes.trim() } : {}) } } };
    case 'replanned':
      return { ...s, plan: replan(s.plan ?? initialPlan(e.at), e.change, e.reason.trim()) };
    default:
      return null;
  }
}
