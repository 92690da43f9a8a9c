/**
 * Operator actions on a dispatch: one route per workflow Update, `POST /dispatches/:id/actions/<name>`.
 * Bodies never carry the actor: it comes from the credential. `occurredAt` records a fact that happened earlier.
 */
import { z } from 'zod';
import type { UpdateDefinition } from '@temporalio/common';
import { CHANNELS } from '../../domain/dispatch';
import { DOCUMENT_KINDS } from '../../domain/documents';
import * as m from '../../workflows/dispatch.messages';
import { INVOICE_CURRENCIES } from '../../domain/exports/dam-check';
import { day, instant, line, ruc, text } from './common.schemas';
import { containerNumber } from './dispatch.schemas';
import { amount, currency } from './money.schemas';

const base = { occurredAt: instant.optional() };
const plain = z.strictObject(base);
/** One container of the dispatch (import-steps-2026-12); absent = every container pending that step. */
const oneContainer = { containerNumber: containerNumber.optional() };
/** A gate slot: its start time (10:00) or the terminal's slot id; refused inside Callao's truck restrictions. */
const slot = line(60).optional();

export interface ActionSpec {
  /** Kebab-case path segment after /actions/. */
  name: string;
  /** The workflow Update. Its argument type differs per action: what reaches it is the body `body` validated. */
  update: UpdateDefinition<m.ActionResult, [unknown], string>;
  body: z.ZodObject;
  /** Spanish one-liner for the API docs and the audit trail. */
  summary: string;
}

/** Key data of a DAM (draft) or of the commercial documents: compared before the draft goes to the client. */
const damKeyData = z.strictObject({
  partyRuc: ruc,
  bl: z.string().regex(/^[A-Z0-9-]{4,30}$/, { error: 'Número de BL inválido: 4 a 30 mayúsculas, dígitos o guiones.' }),
  grossWeightKg: z.string().regex(/^(0|[1-9][0-9]{0,11})(\.[0-9]{1,3})?$/, { error: 'Peso bruto inválido: número decimal en kg como texto, hasta 3 decimales (p. ej. "18250.500").' }),
  packages: z.number().int().min(1).max(1_000_000),
  invoiceValue: z.string().regex(/^(0|[1-9][0-9]{0,11})(\.[0-9]{1,2})?$/, { error: 'Valor de factura inválido: importe decimal como texto, hasta 2 decimales (p. ej. "48250.00").' }),
  currency: z.enum(INVOICE_CURRENCIES),
  tariffLines: z.number().int().min(1).max(999),
});

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
  spec('document-data', m.documentKeyDataRecorded, 'Registrar los datos clave de los documentos comerciales (se comparan con el borrador de la DAM)',
    z.strictObject({ ...base, data: damKeyData })),
  spec('draft-emitted', m.draftEmitted, 'Registrar la emisión del borrador de la DAM (con sus datos clave, que deben coincidir con los documentos registrados)',
    z.strictObject({ ...base, dam: damKeyData.optional() })),
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
    z.strictObject({ ...base, ...oneContainer, date: day, slot })),
  spec('bl-assignment', m.assignBlToCarrier, 'Asignar el BL al transportista en DPWC',
    z.strictObject({ ...base, carrierRuc: ruc, carrierName: line(200) })),
  spec('pickup', m.pickupCoordinated, 'Registrar el recojo de la carga (por contenedor)', z.strictObject({ ...base, ...oneContainer })),
  spec('delivered', m.delivered, 'Registrar la entrega de la carga al cliente, por contenedor, con su cargo de entrega',
    z.strictObject({ ...base, ...oneContainer, receipt: z.strictObject({ receivedBy: line(200), receivedAt: instant.optional(), documentRef: line(60) }).optional() })),
  spec('container-return', m.bookContainerReturn, 'Reservar la devolución del contenedor vacío (por contenedor)',
    z.strictObject({ ...base, ...oneContainer, date: day, depot: line(120), slot })),
  spec('container-returned', m.containerReturned, 'Registrar la devolución del contenedor vacío (por contenedor)', z.strictObject({ ...base, ...oneContainer })),
  spec('senasa-inspection', m.senasaInspectionScheduled, 'Programar la inspección de SENASA (fecha, lugar, inspector)',
    z.strictObject({ ...base, scheduledFor: instant, place: line(200), inspector: line(120) })),
  spec('physical-inspection-scheduled', m.physicalInspectionScheduled, 'Canal rojo: programar el reconocimiento físico (importación o exportación)',
    z.strictObject({ ...base, scheduledFor: instant, place: line(200) })),
  spec('physical-inspection-recorded', m.physicalInspectionRecorded, 'Canal rojo: registrar el reconocimiento físico realizado (en una exportación el resultado es obligatorio)',
    z.strictObject({ ...base, result: text(3, 2000).optional(), notes: text(3, 1000).optional() })),
  spec('pre-exit', m.preExitCoordinated, 'Registrar la pre-salida de las 06:00 coordinada con el almacén (el día anterior)',
    z.strictObject({ ...base, ...oneContainer, warehouse: line(200), pickupDate: day })),
  spec('mobilization', m.mobilizationRequested, 'Registrar la solicitud de movilización al depósito temporal',
    z.strictObject({ ...base, ...oneContainer, warehouse: line(200), reference: line(60).optional() })),
  spec('replan', m.replan, 'Reprogramar los hitos planificados (ETA, levante, retiro, entrega, devolución)',
    z.strictObject({
      ...base,
      eta: instant.optional(),
      expectedLevanteAt: instant.optional(),
      plannedPickupAt: instant.optional(),
      plannedDeliveryAt: instant.optional(),
      plannedContainerReturnAt: instant.optional(),
      reason: text(3, 500),
    })),
  spec('cargo-entry', m.cargoEntryRegistered, 'Exportación: registrar el ingreso de la carga al terminal o almacén'),
  spec('seals', m.sealsRegistered, 'Exportación: registrar los precintos, uno por contenedor, con la referencia de su registro en SINTAD',
    z.strictObject({
      ...base,
      seals: z.array(z.strictObject({ containerNumber, sealNumber: line(40) })).min(1).max(200).optional(),
      sintadReference: line(60).optional(),
    })),
  spec('cargo-cutoff', m.cargoCutoffSet, 'Exportación: registrar el corte de carga (cut-off) de la nave',
    z.strictObject({ ...base, cutoffAt: instant })),
  spec('shipped', m.shipped, 'Exportación: registrar el embarque'),
  spec('regularized', m.regularized, 'Registrar la regularización de la declaración (exportación: con la transmisión por CLAVE SOL)',
    z.strictObject({ ...base, claveSol: z.strictObject({ transmissionNumber: line(40), transmittedAt: instant }).optional() })),
  spec('regime-concluded', m.regimeConcluded, 'Registrar la conclusión del régimen temporal (20 o 70) o la reimportación de una exportación temporal (41)'),
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
