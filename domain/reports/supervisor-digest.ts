/**
 * The supervisor digest at the end of the night shift (22:00–08:00): dispatches overdue or at risk on any
 * clock, complaints not yet reported to the supervisor, terminal incidents still open, and extraordinary
 * services (glosa 10110) recorded during the shift. Pure: the activity loads the data.
 */
import { CLOCK_LABEL_ES } from '../clocks';
import { formatMoney, toMinor, type Money } from '../money/money';
import { HOUR } from '../durations';
import { limaDate, limaDateTime, section, SIGNATURE } from './format';

/** The night shift that ends at the digest's scheduled time. */
export const NIGHT_SHIFT_MS = 10 * HOUR;

export function nightShiftWindow(scheduledAt: string): { from: string; to: string } {
  return { from: new Date(Date.parse(scheduledAt) - NIGHT_SHIFT_MS).toISOString(), to: scheduledAt };
}

export interface DigestDispatch {
  dispatchId: string;
  clientRuc: string;
  status: string;
  executiveId: string;
  nextDeadlineClock: string | null;
  nextDeadlineAt: string | null;
  atRisk: boolean;
  overdue: boolean;
}

export interface SupervisorDigestData {
  window: { from: string; to: string };
  dispatches: DigestDispatch[];
  complaints: { dispatchId: string; complaintId: string; category: string; description: string; at: string }[];
  terminalIncidents: { dispatchId: string; description: string; at: string }[];
  /** amountPen: soles as a decimal string; automatic: created by the workflow for an action out of hours or scope. */
  extraordinaryServices: { dispatchId: string; description: string; reason: string; amountPen: string | null; at: string; automatic?: boolean }[];
  /** Dispatches whose free time ends in the next 24 h (money-clocks-2026-12), the costliest first. */
  costAlerts?: CostAlert[];
}

/** A dispatch that starts costing money soon: when, and what it costs if nothing is done (per currency). */
export interface CostAlert {
  dispatchId: string;
  clientRuc: string;
  executiveId: string;
  nextChargeAt: string;
  nextCharge: Money[];
}

/** The costliest first (largest amount in any one currency), then the earliest. */
export function sortCostAlerts(alerts: readonly CostAlert[]): CostAlert[] {
  const largest = (a: CostAlert) => a.nextCharge.reduce((max, m) => (toMinor(m.amount) > max ? toMinor(m.amount) : max), 0n);
  return [...alerts].sort((a, b) => (largest(b) > largest(a) ? 1 : largest(b) < largest(a) ? -1 : a.nextChargeAt.localeCompare(b.nextChargeAt) || a.dispatchId.localeCompare(b.dispatchId)));
}

const clockLabel = (clock: string | null) => (clock ? ((CLOCK_LABEL_ES as Record<string, string>)[clock] ?? clock) : 'sin plazo');
const REASON_ES: Record<string, string> = { out_of_hours: 'fuera de horario', out_of_scope: 'fuera del alcance pactado' };

function dispatchLine(d: DigestDispatch): string {
  const due = d.nextDeadlineAt ? ` · próximo plazo: ${clockLabel(d.nextDeadlineClock)} (${limaDateTime(d.nextDeadlineAt)})` : '';
  return `  - ${d.dispatchId} · RUC ${d.clientRuc} · ${d.status} · ejecutivo ${d.executiveId}${due}`;
}

/** Subject and text in Spanish. Sent even when every section is empty: "nothing pending" is news too. */
export function renderSupervisorDigest(data: SupervisorDigestData, scheduledAt: string): { subject: string; text: string } {
  const overdue = data.dispatches.filter((d) => d.overdue);
  const atRisk = data.dispatches.filter((d) => d.atRisk && !d.overdue);
  const subject = `Resumen del turno noche al ${limaDate(scheduledAt)}: ${overdue.length} vencidos, ${atRisk.length} en riesgo, ${data.complaints.length} reclamos sin informar`;
  const text = [
    `Turno noche del ${limaDateTime(data.window.from)} al ${limaDateTime(data.window.to)} (hora de Lima).`,
    '',
    section('Despachos con plazo vencido', overdue.map(dispatchLine), 'Ninguno.'),
    '',
    section('Despachos en riesgo', atRisk.map(dispatchLine), 'Ninguno.'),
    '',
    section(
      'Reclamos y contingencias sin informar al supervisor',
      data.complaints.map((c) => `  - ${c.dispatchId} · ${c.complaintId} · ${c.category}: ${c.description} (registrado el ${limaDateTime(c.at)})`),
      'Ninguno.',
    ),
    '',
    section(
      'Incidencias de terminal abiertas',
      data.terminalIncidents.map((i) => `  - ${i.dispatchId} · ${i.description} (${limaDateTime(i.at)})`),
      'Ninguna.',
    ),
    '',
    section(
      'Servicios extraordinarios registrados en el turno (glosa 10110)',
      data.extraordinaryServices.map(
        (s) => `  - ${s.dispatchId} · ${s.description} · ${REASON_ES[s.reason] ?? s.reason}${s.automatic ? ' (automático)' : ''}${s.amountPen !== null ? ` · S/ ${s.amountPen}` : ''} (${limaDateTime(s.at)})`,
      ),
      'Ninguno.',
    ),
    ...(data.costAlerts
      ? [
          '',
          section(
            'Despachos que empiezan a generar costo en las próximas 24 horas (almacenaje, sobreestadía)',
            data.costAlerts.map((a) => `  - ${a.dispatchId} · RUC ${a.clientRuc} · ejecutivo ${a.executiveId} · desde ${limaDateTime(a.nextChargeAt)} · si no se actúa: ${a.nextCharge.map(formatMoney).join(' + ')}`),
            'Ninguno.',
          ),
        ]
      : []),
    '',
    SIGNATURE,
  ].join('\n');
  return { subject, text };
}
