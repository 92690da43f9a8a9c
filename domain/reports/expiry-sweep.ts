/**
 * Expiry sweep: a safety net behind the per-dispatch reminders. Lists temporary regimes (20 temporary admission,
 * 70 customs warehouse, and the re-import term of a temporary export 41) and clients' electronic mandates that expire within the horizon, and flags reminders
 * that should already have gone out but are not in the sent-mail log. Pure.
 */
import { DAY } from '../durations';
import { limaDate, section, SIGNATURE } from './format';

export interface RegimeExpiryItem {
  dispatchId: string;
  clientRuc: string;
  regime: string;
  expiresAt: string;
  /** Reminder thresholds (days before expiry) already passed at the run. */
  remindersDue: number[];
  /** Of those, the ones found in the sent-mail log. */
  remindersSent: number[];
}

export interface MandateExpiryItem {
  clientRuc: string;
  clientName: string;
  expiresAt: string;
}

export interface ExpirySweepData {
  regimes: RegimeExpiryItem[];
  mandates: MandateExpiryItem[];
}

/** Days from `now` to `expiresAt`, to the nearest whole day (negative once expired): 40 days less a few seconds is 40. */
export function daysLeft(expiresAt: string, now: string): number {
  return Math.round((Date.parse(expiresAt) - Date.parse(now)) / DAY);
}

/** Reminder thresholds (days before expiry) already passed at `now`, largest first. */
export function remindersDue(expiresAt: string, reminderDays: number[], now: string): number[] {
  return [...new Set(reminderDays)].filter((d) => Date.parse(expiresAt) - d * DAY <= Date.parse(now)).sort((a, b) => b - a);
}

/** Subject and text in Spanish, or null when nothing is inside the horizon (no email). */
export function renderExpirySweep(data: ExpirySweepData, scheduledAt: string): { subject: string; text: string } | null {
  if (data.regimes.length === 0 && data.mandates.length === 0) return null;
  const left = (iso: string) => {
    const days = daysLeft(iso, scheduledAt);
    return days < 0 ? `VENCIDO hace ${-days} días` : `vence en ${days} días`;
  };
  const regimeLine = (r: RegimeExpiryItem) => {
    const missing = r.remindersDue.filter((d) => !r.remindersSent.includes(d));
    const flag = missing.length ? ` · ATENCIÓN: no consta el recordatorio de ${missing.join(', ')} días` : '';
    return `  - ${r.dispatchId} · RUC ${r.clientRuc} · régimen ${r.regime} · ${limaDate(r.expiresAt)} (${left(r.expiresAt)})${flag}`;
  };
  const missingCount = data.regimes.filter((r) => r.remindersDue.some((d) => !r.remindersSent.includes(d))).length;
  return {
    subject: `Barrido de vencimientos al ${limaDate(scheduledAt)}: ${data.regimes.length} regímenes, ${data.mandates.length} mandatos${missingCount ? `, ${missingCount} sin recordatorio` : ''}`,
    text: [
      'Control de respaldo de los recordatorios por despacho.',
      '',
      section('Regímenes temporales por vencer (20 admisión temporal, 70 depósito, 41 reimportación de la exportación temporal)', [...data.regimes].sort((a, b) => a.expiresAt.localeCompare(b.expiresAt)).map(regimeLine), 'Ninguno.'),
      '',
      section(
        'Mandatos electrónicos de clientes por renovar',
        [...data.mandates].sort((a, b) => a.expiresAt.localeCompare(b.expiresAt)).map((m) => `  - ${m.clientName} · RUC ${m.clientRuc} · ${limaDate(m.expiresAt)} (${left(m.expiresAt)})`),
        'Ninguno.',
      ),
      '',
      SIGNATURE,
    ].join('\n'),
  };
}
