/**
 * Operator actions on a dispatch: one route per workflow Update, `POST /dispatches/:id/actions/<name>`.
 * Bodies never carry the actor: it comes from the credential. `occurredAt` records a fact that happened earlier.
 */
import { z } from 'zod';
import type { UpdateDefinition } from '@temporalio/common';
import { CHANNELS } from '../../domain/dispatch';
import { DOCUMENT_KINDS } from '../../domain/documents';
import * as m from '../../workflows/dispatch.messages';
import { day, instant, line, ruc, text } from './common.schemas';
import { amount, currency } from './money.schemas';

const base = { occurredAt: instant.optional() };
const plain = z.strictObject(base);

export interface ActionSpec {
  /** Kebab-case path segment after /actions/. */
  name: string;
  /** The workflow Update. Its argument type differs per action: what reaches it is the body `body` validated. */
  update: UpdateDefinition<m.ActionResult, [unknown], string>;
  body: z.ZodObject;
  /** Spanish one-liner for the API docs and the audit trail. */
  summary: string;
}

const spec = (name: string, update: ActionSpec['update'], summary: string, body: z.ZodObject = plain): ActionSpec => ({ name, update, body, summary });

/** Money of the dispatch (issue #14, dispatches opened with money-clocks-2026-12; docs/money.md). */
const MONEY_ACTIONS: readonly ActionSpec[] = [
  spec('third-party-payment', m.requestThirdPartyPayment,
    'Pedir un pago a terceros con control de fondos: se registra si los fondos o el crédito del cliente lo cubren; si no, se pide el abono al cliente y el despacho espera y reintenta solo',
    z.strictObject({ ...base, amount, currency, payee: line(200).meta({ example: 'APM Terminals Callao S.A.' }), concept: line(200).meta({ example: 'Liquidación de almacenaje' }), reference: line(120).meta({ example: 'FAC F001-000123' }) })),
  spec('void-extraordinary-service', m.voidExtraordinaryService, 'Anular un servicio extraordinario (glosa 10110), p. ej. uno automático que no corresponde facturar, con su motivo',
    z.strictObject({ ...base, serviceId: z.string().regex(/^SRV-[0-9]{1,9}$/, { error: 'Código de servicio inválido (p. ej. SRV-4).' }), reason: text(3, 500) })),
  spec('originals-delivered', m.originalsDelivered, 'Registrar la entrega de originales de documentos al Archivo (el cierre los exige)',
    z.strictObject({ ...base, documents: z.array(z.enum(DOCUMENT_KINDS)).min(1).max(DOCUMENT_KINDS.length) })),
];

export const ACTIONS: readonly ActionSpec[] = [
  spec('documents-received', m.documentsReceived, 'Registrar documentos recibidos del cliente (inicia el plazo de revisión de 48 h)',
    z.strictObject({ ...base, documents: z.array(z.enum(DOCUMENT_KINDS)).min(1).max(DOCUMENT_KINDS.length) })),
  spec('documents-reviewed', m.documentsReviewed, 'Registrar la revisión de los documentos recibidos'),
  spec('draft-emitted', m.draftEmitted, 'Registrar la emisión del borrador de la DAM'),
  spec('draft-approved', m.draftApproved, 'Registrar la aprobación del borrador de la DAM'),
  spec('dam-numbered', m.damNumbered, 'Registrar la numeración de la DAM',
    z.strictObject({ ...base, damNumber: z.string().regex(/^[0-9]{3}-[0-9]{4}-[0-9]{2}-[0-9]{6}$/, { error: 'Número de DAM inválido: use AAA-AAAA-RR-NNNNNN, p. ej. 118-2026-10-000123.' }) })),
  spec('channel-assigned', m.channelAssigned, 'Registrar el canal de control asignado por SUNAT', z.strictObject({ ...base, channel: z.enum(CHANNELS) })),
  spec('senasa-report', m.senasaReportReceived, 'Registrar el informe de inspección de SENASA'),
  spec('levante', m.levanteGranted, 'Registrar el levante otorgado por la aduana'),
  spec('discharge-ended', m.dischargeEnded, 'Registrar el término de la descarga de la nave'),
  spec('proforma', m.requestProforma, 'Solicitar la proforma al terminal'),
  spec('liquidation', m.requestLiquidation, 'Solicitar la liquidación al terminal'),
  spec('appointment', m.bookAppointment, 'Reservar la cita de retiro en APMTC',
    z.strictObject({ ...base, date: day, slot: line(60).optional() })),
  spec('bl-assignment', m.assignBlToCarrier, 'Asignar el BL al transportista en DPWC',
    z.strictObject({ ...base, carrierRuc: ruc, carrierName: line(200) })),
  spec('pickup', m.pickupCoordinated, 'Registrar el recojo coordinado con el almacén'),
  spec('delivered', m.delivered, 'Registrar la entrega de la carga al cliente'),
  spec('container-return', m.bookContainerReturn, 'Reservar la devolución del contenedor vacío',
    z.strictObject({ ...base, date: day, depot: line(120) })),
  spec('container-returned', m.containerReturned, 'Registrar la devolución del contenedor vacío'),
  spec('cargo-entry', m.cargoEntryRegistered, 'Exportación: registrar el ingreso de la carga al terminal o almacén'),
  spec('seals', m.sealsRegistered, 'Exportación: registrar los precintos'),
  spec('shipped', m.shipped, 'Exportación: registrar el embarque'),
  spec('regularized', m.regularized, 'Registrar la regularización de la declaración'),
  spec('regime-concluded', m.regimeConcluded, 'Registrar la conclusión del régimen temporal (20 o 70)'),
  spec('close', m.closeDispatch, 'Cerrar el despacho'),
  spec('cancel', m.cancelDispatch, 'Anular el despacho (el cliente lo retira)', z.strictObject({ ...base, reason: text(3, 500) })),
  spec('status-glosa', m.recordStatusGlosa, 'Glosa 40025: actualización de estado para el cliente',
    z.strictObject({ ...base, eta: instant.optional(), vessel: line(120).optional(), note: text(3, 1000) })),
  spec('extraordinary-service', m.recordExtraordinaryService, 'Glosa 10110: servicio extraordinario a facturar',
    z.strictObject({ ...base, description: text(3, 1000), reason: z.enum(['out_of_hours', 'out_of_scope']),
      // Soles: a decimal string ("150.00") on dispatches opened with money-clocks-2026-12; a number still works (older dispatches).
      amountPen: z.union([z.number().min(0).max(10_000_000), z.string().regex(/^(0|[1-9][0-9]{0,11})(\.[0-9]{1,2})?$/)], { error: 'Monto inválido: use un texto decimal con hasta 2 decimales, p. ej. "150.00".' }).optional() })),
  spec('incident', m.logIncident, 'Registrar una incidencia',
    z.strictObject({ ...base, kind: z.enum(['terminal', 'customs', 'transport', 'client', 'other']), description: text(3, 2000) })),
  spec('complaint', m.logComplaint, 'Registrar un reclamo o contingencia de costos (se informa al supervisor en 24 h hábiles)',
    z.strictObject({ ...base, category: z.enum(['complaint', 'demurrage', 'storage', 'fine', 'transport_overcost', 'other']), description: text(3, 2000) })),
  spec('complaint-reported', m.complaintReported, 'Registrar que el reclamo fue informado al supervisor',
    z.strictObject({ ...base, complaintId: z.string().regex(/^REC-[0-9]{1,9}$/, { error: 'Código de reclamo inválido (p. ej. REC-3).' }) })),
  ...MONEY_ACTIONS,
];

/** `Idempotency-Key` header: a retried request with the same key acts once (it becomes the Update id). */
export const idempotencyKey = z.string().regex(/^[A-Za-z0-9._:-]{1,100}$/, { error: 'Idempotency-Key inválida: 1 a 100 letras, dígitos o . _ : -' });
