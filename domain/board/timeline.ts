/**
 * The timeline of a dispatch for the control board and the client portal: each milestone of its direction with
 * the planned date (an open deadline, else the predecessor's actual date plus the policy's time) and the actual
 * date it happened. Pure: it reads a DispatchView.
 */
import { parseInstant } from '../calendar';
import { DEFAULT_POLICY, type DispatchPolicy } from '../clocks';
import type { DispatchView } from '../dispatch-view';

export interface TimelineStep {
  key: string;
  /** Spanish label (es-PE). */
  label: string;
  planned?: string;
  actual?: string;
  /** done | late (done after its planned date) | pending | overdue (pending past its planned date). */
  state: 'done' | 'late' | 'pending' | 'overdue';
}

type TimelineInput = Pick<DispatchView, 'direction' | 'terminal' | 'restrictedGoods' | 'eta' | 'documentsReceived' | 'milestones' | 'deadlines' | 'status'>;

const plus = (iso: string | undefined, ms: number) => (iso ? new Date(parseInstant(iso) + ms).toISOString() : undefined);
const latest = (isos: (string | undefined)[]) => isos.filter((x): x is string => Boolean(x)).sort().at(-1);

/** The milestones of the dispatch in order, with planned and actual dates (ISO). */
export function dispatchTimeline(v: TimelineInput, now: string, policy: DispatchPolicy = DEFAULT_POLICY): TimelineStep[] {
  const m = v.milestones;
  const plan = m.plan; // import-steps-2026-12: the operator's plan, re-planned as facts arrive
  const due = (clock: string) => v.deadlines.find((d) => d.clock === clock)?.dueAt;
  const docsAt = Object.keys(v.documentsReceived).length ? latest(Object.values(v.documentsReceived)) : undefined;
  const reviewPlanned = due('document_review') ?? plus(docsAt, policy.documentReviewMs);
  const draftPlanned = due('dam_draft') ?? plus(m.documentsReviewedAt, policy.damDraftMs);
  const regularizationPlanned = due('regularization_target') ?? plus(v.direction === 'export' ? m.shipmentEndedAt : m.dischargeEndedAt, v.direction === 'export' ? policy.exportRegularizationTargetMs : policy.sadaRegularizationTargetMs);
  const steps: Omit<TimelineStep, 'state'>[] =
    v.direction === 'export'
      ? [
          { key: 'documents', label: 'Documentos recibidos', actual: docsAt },
          { key: 'review', label: 'Documentos revisados', planned: reviewPlanned, actual: m.documentsReviewedAt },
          { key: 'cargo_entry', label: 'Ingreso de la carga', actual: m.cargoEntryRegisteredAt },
          { key: 'seals', label: 'Precintos registrados', actual: m.sealsRegisteredAt },
          { key: 'shipped', label: 'Embarque', planned: v.eta, actual: m.shipmentEndedAt },
          { key: 'regularized', label: 'Regularización', planned: regularizationPlanned, actual: m.regularizedAt },
          { key: 'closed', label: 'Cierre', actual: m.closedAt },
        ]
      : [
          { key: 'arrival', label: 'Llegada de la nave (ETA)', planned: plan?.eta ?? v.eta, actual: m.dischargeEndedAt },
          { key: 'documents', label: 'Documentos recibidos', actual: docsAt },
          { key: 'review', label: 'Documentos revisados', planned: reviewPlanned, actual: m.documentsReviewedAt },
          { key: 'draft', label: 'Borrador de la DAM emitido', planned: draftPlanned, actual: m.draftEmittedAt },
          { key: 'draft_approved', label: 'Borrador aprobado', actual: m.draftApprovedAt },
          { key: 'numbered', label: 'DAM numerada', planned: due('deferred_numbering'), actual: m.damNumberedAt },
          { key: 'channel', label: 'Canal de control', actual: m.channelAssignedAt },
          ...(v.restrictedGoods ? [{ key: 'senasa', label: 'Inspección de SENASA', actual: m.senasaReportAt }] : []),
          { key: 'levante', label: 'Levante', planned: plan?.expectedLevanteAt, actual: m.levanteAt },
          { key: 'withdrawal', label: v.terminal === 'APMTC' ? 'Cita de retiro (APMTC)' : 'BL asignado al transportista (DPWC)', actual: v.terminal === 'APMTC' ? m.withdrawal.appointmentAt : m.withdrawal.blAssignedAt },
          { key: 'delivered', label: 'Carga entregada', planned: plan?.plannedDeliveryAt, actual: m.deliveredAt },
          { key: 'container_returned', label: 'Contenedor devuelto', planned: plan?.plannedContainerReturnAt, actual: m.containerReturnedAt },
          ...(m.modality === 'anticipado' ? [{ key: 'regularized', label: 'Regularización (SADA)', planned: regularizationPlanned, actual: m.regularizedAt }] : []),
          { key: 'closed', label: 'Cierre', actual: m.closedAt },
        ];
  const nowMs = parseInstant(now);
  return steps.map((s) => ({ ...s, state: stateOf(s, nowMs) }));
}

function stateOf(s: Omit<TimelineStep, 'state'>, nowMs: number): TimelineStep['state'] {
  if (s.actual) return s.planned && parseInstant(s.actual) > parseInstant(s.planned) ? 'late' : 'done';
  return s.planned && parseInstant(s.planned) < nowMs ? 'overdue' : 'pending';
}
