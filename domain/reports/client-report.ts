/**
 * The client status report: one email per run listing each open dispatch with its latest glosa 40025
 * (dispatch status update: ETA, vessel, channel) and the next step. Pure: the activity loads the data.
 */
import type { Channel, Regime, Terminal } from '../dispatch';
import { STATUS_LABEL_ES, type DispatchStatus } from '../lifecycle';
import { CHANNEL_LABEL_ES, limaDate, limaDateTime, SIGNATURE } from './format';
import { nextStepOf } from './next-step';

/** One open dispatch as the report shows it: read-model row merged with its latest 40025 glosa. */
export interface ClientReportLine {
  dispatchId: string;
  damNumber: string | null;
  regime: Regime;
  terminal: Terminal;
  status: string;
  channel: Channel | null;
  eta: string;
  vessel: string;
  bl: string;
  /** The operator's note on the latest 40025 glosa, if any. */
  note: string | null;
  /** When the latest 40025 glosa was recorded (null: none yet, the read model speaks). */
  statusAt: string | null;
  /** Planned vs actual milestones from the read model (import-steps-2026-12); absent for older dispatches. */
  plan?: { label: string; planned: string; actual?: string }[];
}

export interface ClientReportData {
  client: { ruc: string; name: string };
  lines: ClientReportLine[];
}

function statusLabel(status: string): string {
  return (STATUS_LABEL_ES as Record<string, string>)[status] ?? status;
}

function renderLine(l: ClientReportLine, i: number, scheduledAt: string): string {
  return [
    `${i + 1}. Despacho ${l.dispatchId}${l.damNumber ? ` · DAM ${l.damNumber}` : ''} · Régimen ${l.regime} · ${l.terminal} · BL ${l.bl}`,
    `   Estado: ${statusLabel(l.status)}${l.statusAt ? ` (actualizado el ${limaDateTime(l.statusAt)})` : ''}`,
    `   Nave: ${l.vessel} · ETA: ${limaDateTime(l.eta)}`,
    `   Canal de control: ${l.channel ? CHANNEL_LABEL_ES[l.channel] : 'aún no asignado'}`,
    ...(l.note ? [`   Observación: ${l.note}`] : []),
    ...planLines(l, scheduledAt),
    `   Próximo paso: ${nextStepOf(l.status)}`,
  ].join('\n');
}

/** "Plan vs real" (seed 2.1.1): each milestone planned, its actual date, and the delay at the report's date. */
function planLines(l: ClientReportLine, now: string): string[] {
  if (!l.plan?.length) return [];
  const days = (from: string, to: string) => Math.round((Date.parse(to) - Date.parse(from)) / 3_600_000 / 24 * 10) / 10;
  const delay = (planned: string, ref: string) => {
    const d = days(planned, ref);
    return d > 0 ? ` — ${String(d).replace('.', ',')} ${d === 1 ? 'día' : 'días'} de retraso` : '';
  };
  return [
    '   Plan vs real:',
    ...l.plan.map((r) =>
      r.actual
        ? `     - ${r.label}: previsto ${limaDateTime(r.planned)} · real ${limaDateTime(r.actual)}${delay(r.planned, r.actual)}`
        : `     - ${r.label}: previsto ${limaDateTime(r.planned)} · pendiente${delay(r.planned, now)}`,
    ),
  ];
}

/** Subject and text in Spanish; `scheduledAt` is the run's scheduled time (the report's date). */
export function renderClientReport(data: ClientReportData, scheduledAt: string): { subject: string; text: string } {
  const lines = [...data.lines].sort((a, b) => a.eta.localeCompare(b.eta) || a.dispatchId.localeCompare(b.dispatchId));
  const subject = `Reporte de estado de sus despachos al ${limaDate(scheduledAt)} — ${data.client.name}`;
  const text = [
    'Estimado cliente:',
    '',
    `Le informamos el estado de sus despachos en curso al ${limaDateTime(scheduledAt)} (hora de Lima).`,
    `Cliente: ${data.client.name} (RUC ${data.client.ruc}) · Despachos abiertos: ${lines.length}`,
    '',
    lines.map((l, i) => renderLine(l, i, scheduledAt)).join('\n\n'),
    '',
    'Ante cualquier consulta, responda a este correo o comuníquese con su ejecutivo.',
    '',
    SIGNATURE,
  ].join('\n');
  return { subject, text };
}

/** Statuses that no longer appear in the report. */
export const CLOSED_STATUSES: DispatchStatus[] = ['closed', 'cancelled'];
