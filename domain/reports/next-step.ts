/** What comes next for a dispatch in each status, as a client reads it in the status report (es-PE). */
import type { DispatchStatus } from '../lifecycle';

export const NEXT_STEP_ES: Record<DispatchStatus, string> = {
  opened: 'Recepción de los documentos pendientes',
  documents_complete: 'Revisión de documentos por su ejecutivo',
  documents_reviewed: 'Elaboración del borrador de la DAM',
  draft_emitted: 'Aprobación del borrador de la DAM',
  draft_approved: 'Numeración de la DAM ante SUNAT',
  dam_numbered: 'Asignación del canal de control por SUNAT',
  channel_assigned: 'Levante (o inspección de SENASA si la mercancía es restringida)',
  senasa_inspected: 'Levante de la mercancía',
  released: 'Proforma, liquidación y cita de retiro en el terminal',
  withdrawal_in_progress: 'Retiro y entrega de la carga',
  delivered: 'Devolución del contenedor vacío',
  container_returned: 'Regularización o cierre del despacho',
  cargo_entry_registered: 'Registro de precintos',
  seals_registered: 'Embarque de la carga',
  shipped: 'Regularización de la exportación',
  regularized: 'Cierre del despacho',
  closed: 'Ninguno: despacho cerrado',
  cancelled: 'Ninguno: despacho anulado',
};

/** The next step of a status string from the read model; unknown statuses get a neutral phrase. */
export function nextStepOf(status: string): string {
  return (NEXT_STEP_ES as Record<string, string>)[status] ?? 'Seguimiento por su ejecutivo';
}
