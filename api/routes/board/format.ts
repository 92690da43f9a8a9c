/** How the board shows times and money to people: es-PE, America/Lima. */
import { CLOCK_LABEL_ES, type ClockName } from '../../../domain/clocks';
import { STATUS_LABEL_ES, type DispatchStatus } from '../../../domain/lifecycle';

const DATE_TIME = new Intl.DateTimeFormat('es-PE', { timeZone: 'America/Lima', day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit', hour12: false });
const DATE = new Intl.DateTimeFormat('es-PE', { timeZone: 'America/Lima', day: '2-digit', month: '2-digit', year: 'numeric' });
const PEN = new Intl.NumberFormat('es-PE', { style: 'currency', currency: 'PEN' });

/** 03/12/2026 22:15 (hora de Lima), or a dash. */
export const limaDateTime = (iso: string | Date | null | undefined) => (iso ? DATE_TIME.format(new Date(iso)) : '—');
export const limaDate = (iso: string | Date | null | undefined) => (iso ? DATE.format(new Date(iso)) : '—');
export const soles = (amount: number) => PEN.format(amount);

export const statusLabel = (status: string) => STATUS_LABEL_ES[status as DispatchStatus] ?? status;
export const clockLabel = (clock: string | null | undefined) => (clock ? (CLOCK_LABEL_ES[clock as ClockName] ?? clock) : '—');

/** "en 5 h 20 min", "vencido hace 2 d 3 h". */
export function timeLeft(dueAt: string | Date | null | undefined, now: Date): string {
  if (!dueAt) return '—';
  const ms = new Date(dueAt).getTime() - now.getTime();
  const abs = Math.abs(ms);
  const days = Math.floor(abs / 86_400_000);
  const hours = Math.floor((abs % 86_400_000) / 3_600_000);
  const minutes = Math.floor((abs % 3_600_000) / 60_000);
  const text = days > 0 ? `${days} d ${hours} h` : hours > 0 ? `${hours} h ${minutes} min` : `${minutes} min`;
  return ms >= 0 ? `en ${text}` : `vencido hace ${text}`;
}

/** The risk class of a row or clock: overdue, at risk, or fine. */
export function riskOf(row: { overdue: boolean; atRisk: boolean; nextDeadlineAt?: Date | string | null }, now: Date): 'vencido' | 'en-riesgo' | 'a-tiempo' {
  if (row.overdue || (row.nextDeadlineAt && new Date(row.nextDeadlineAt).getTime() <= now.getTime())) return 'vencido';
  return row.atRisk ? 'en-riesgo' : 'a-tiempo';
}

export const RISK_LABEL = { vencido: 'Vencido', 'en-riesgo': 'En riesgo', 'a-tiempo': 'A tiempo' } as const;

export const CHANNEL_LABEL: Record<string, string> = { verde: 'Verde', naranja: 'Naranja', rojo: 'Rojo' };
