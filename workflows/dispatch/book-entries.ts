import { outboundKind } from '../../domain/exports/outbound-regimes';
import { ErrorType } from '../../domain/errors';
import { isTerminalStatus } from '../../domain/lifecycle';
import * as m from '../dispatch.messages';
import type { JsonValue } from '../../activities/records/record-store';
import { eventTime, reject, setAction } from './action-args';
import type { DispatchRuntime } from './runtime';
import { penAmount } from '../../domain/money/extra-services';
import { withMoney } from './money-steps';

function text(value: unknown, what: string): void {
  if (typeof value !== 'string' || value.trim().length < 3) reject(`Describa ${what} (al menos 3 caracteres).`);
}

/**
 * Entries that do not move the lifecycle: glosas (40025 status, 10110 billable service), incidents,
 * complaints and their report to the supervisor, conclusion of a temporary regime. Allowed while the
 * dispatch is not cancelled (a closed dispatch can still get a complaint or a late billable service).
 */
export function registerBookEntries(rt: DispatchRuntime): void {
  const notCancelled = () => {
    if (rt.state.status === 'cancelled') reject('El despacho está anulado: no admite más registros.', ErrorType.InvalidTransition);
  };
  const glosa = (code: '40025' | '10110', payload: { [key: string]: JsonValue }, actor: string, at: string, seq: number) =>
    rt.persist({ activity: 'recordGlosa', input: { dispatchId: rt.input.dispatchId, code, payload, actor, at, idempotencyKey: rt.key(`glosa-${code}/${seq}`) } });

  setAction(
    rt,
    m.recordStatusGlosa,
    async (a) => {
      const at = eventTime(a);
      if (a.eta) rt.book.eta = new Date(a.eta).toISOString();
      if (a.vessel) rt.book.vessel = a.vessel;
      const seq = rt.nextSeq();
      await rt.changed();
      await glosa('40025', { status: rt.state.status, eta: rt.book.eta, vessel: rt.book.vessel, note: a.note }, a.actor, at, seq);
      return rt.view();
    },
    (a) => {
      eventTime(a);
      notCancelled();
      text(a.note, 'el estado para el cliente');
      if (a.eta !== undefined && Number.isNaN(Date.parse(a.eta))) reject('ETA inválida: use formato ISO 8601.');
    },
  );

  setAction(
    rt,
    m.recordExtraordinaryService,
    async (a) => {
      const at = eventTime(a);
      const id = `SRV-${rt.nextSeq()}`;
      // Dispatches opened with money-clocks-2026-12 keep the amount as an exact decimal string (a number is converted).
      const amountPen = a.amountPen !== undefined && withMoney(rt) ? penAmount(a.amountPen)! : a.amountPen;
      rt.book.extraordinaryServices.push({ id, description: a.description, reason: a.reason, amountPen, at, actor: a.actor });
      await rt.changed();
      await glosa('10110', { serviceId: id, description: a.description, reason: a.reason, amountPen: amountPen ?? null }, a.actor, at, rt.book.seq);
      return rt.view();
    },
    (a) => {
      eventTime(a);
      notCancelled();
      text(a.description, 'el servicio extraordinario');
      if (a.reason !== 'out_of_hours' && a.reason !== 'out_of_scope') reject('Motivo inválido: use out_of_hours (fuera de horario) u out_of_scope (fuera del alcance pactado).');
      if (typeof a.amountPen === 'string') {
        if (!withMoney(rt)) reject('Este despacho se abrió antes de los montos exactos: envíe el monto como número.');
        if (penAmount(a.amountPen) === null) reject('Monto inválido: use un texto decimal con hasta 2 decimales, p. ej. "150.00".');
      } else if (a.amountPen !== undefined && !(a.amountPen >= 0)) reject('El monto debe ser un número mayor o igual a cero.');
    },
  );

  setAction(
    rt,
    m.logIncident,
    async (a) => {
      const at = eventTime(a);
      const id = `INC-${rt.nextSeq()}`;
      rt.book.incidents.push({ id, kind: a.kind, description: a.description, at, actor: a.actor });
      await rt.changed();
      await rt.persist({ activity: 'recordIncident', input: { dispatchId: rt.input.dispatchId, kind: 'other', description: `[${a.kind}] ${a.description}`, actor: a.actor, at, idempotencyKey: rt.key(`incident/${id}`) } });
      return rt.view();
    },
    (a) => {
      eventTime(a);
      notCancelled();
      text(a.description, 'la incidencia');
    },
  );

  setAction(
    rt,
    m.logComplaint,
    async (a) => {
      const at = eventTime(a);
      const id = `REC-${rt.nextSeq()}`;
      rt.book.complaints.push({ id, category: a.category, description: a.description, at, actor: a.actor });
      await rt.changed();
      await rt.persist({ activity: 'recordIncident', input: { dispatchId: rt.input.dispatchId, kind: a.category === 'complaint' ? 'complaint' : 'cost_contingency', description: `${a.category}: ${a.description}`, actor: a.actor, at, idempotencyKey: rt.key(`incident/${id}`) } });
      return rt.view();
    },
    (a) => { eventTime(a); text(a.description, 'el reclamo o contingencia'); },
  );

  setAction(
    rt,
    m.complaintReported,
    async (a) => {
      const complaint = rt.book.complaints.find((c) => c.id === a.complaintId);
      if (complaint) complaint.reportedAt = eventTime(a);
      await rt.changed();
      return rt.view();
    },
    (a) => {
      eventTime(a);
      const complaint = rt.book.complaints.find((c) => c.id === a.complaintId);
      if (!complaint) reject(`No existe el reclamo ${a.complaintId} en este despacho.`, ErrorType.NotFound);
      if (complaint.reportedAt) reject(`El reclamo ${a.complaintId} ya fue informado al supervisor.`, ErrorType.InvalidTransition);
    },
  );

  setAction(
    rt,
    m.regimeConcluded,
    async (a) => {
      rt.book.regimeConcludedAt = eventTime(a);
      await rt.changed();
      return rt.view();
    },
    (a) => {
      eventTime(a);
      // A temporary export (41, outbound-regimes-2026-12) concludes with the re-import; its term runs from the shipment.
      const temporaryExport = outboundKind(rt.state) === 'temporary_export';
      if (rt.input.regime !== '20' && rt.input.regime !== '70' && !temporaryExport) reject('Solo los regímenes 20, 70 y 41 tienen plazo de vigencia que concluir.', ErrorType.InvalidTransition);
      if (temporaryExport && !rt.state.shipmentEndedAt) reject('El plazo de reimportación aún no empezó: registre primero el embarque de la exportación temporal.', ErrorType.InvalidTransition);
      if (!temporaryExport && !rt.state.levanteAt) reject('El régimen aún no empezó: registre primero el levante.', ErrorType.InvalidTransition);
      if (rt.book.regimeConcludedAt) reject('El régimen ya fue concluido.', ErrorType.InvalidTransition);
      if (isTerminalStatus(rt.state.status) && rt.state.status === 'cancelled') reject('El despacho está anulado.', ErrorType.InvalidTransition);
    },
  );
}
