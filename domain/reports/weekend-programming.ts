/**
 * Weekend programming for Operations: withdrawals, appointments and container returns planned for the
 * non-working stretch after the run (Saturday to Monday). The schedule fires Wednesday to Friday; the run goes
 * out on the last business day before the weekend (Thursday when Friday is a holiday, Wednesday in Holy Week)
 * and covers every day up to and including the first business day after it. Pure.
 */
import { isBusinessDay, localDate, type BusinessCalendar } from '../calendar';
import { parseLocalDate } from '../calendar/local-time';
import { DAY } from '../durations';
import { limaDate, limaDateTime, section, SIGNATURE } from './format';

export type WeekendPlan =
  | { run: false; reason: string }
  /** Local dates (YYYY-MM-DD) covered, inclusive; `fromIso`/`toIso` bound them as instants (to is exclusive). */
  | { run: true; firstDay: string; lastDay: string; fromIso: string; toIso: string };

const dayAfter = (date: string) => new Date(parseLocalDate(date) + DAY).toISOString().slice(0, 10);

/** Whether a run scheduled at `scheduledAt` sends the programming, and which days it covers. */
export function weekendProgrammingPlan(cal: BusinessCalendar, scheduledAt: string): WeekendPlan {
  const today = localDate(cal, scheduledAt);
  if (!isBusinessDay(cal, today)) return { run: false, reason: `feriado o día no laborable (${today})` };
  if (isBusinessDay(cal, dayAfter(today))) return { run: false, reason: `no es el último día hábil antes del fin de semana (${today})` };
  let lastDay = dayAfter(today);
  let weekend = false;
  while (!isBusinessDay(cal, lastDay)) {
    weekend ||= new Date(`${lastDay}T12:00:00Z`).getUTCDay() === 6;
    lastDay = dayAfter(lastDay);
  }
  if (!weekend) return { run: false, reason: `el feriado siguiente no enlaza con el fin de semana (${today})` };
  const firstDay = dayAfter(today);
  const offset = cal.utcOffsetMinutes * 60_000;
  return {
    run: true,
    firstDay,
    lastDay,
    fromIso: new Date(parseLocalDate(firstDay) - offset).toISOString(),
    toIso: new Date(parseLocalDate(lastDay) + DAY - offset).toISOString(),
  };
}

export interface PlannedTerminalItem {
  dispatchId: string;
  terminal: string;
  kind: 'appointment' | 'container_return';
  reference: string;
  slot: string;
}

export interface WeekendProgrammingData {
  /** Appointments (citas de retiro) and container returns with a slot inside the covered days. */
  planned: PlannedTerminalItem[];
  /** Released dispatches whose cargo has not been delivered yet: withdrawals to program. */
  pendingWithdrawals: { dispatchId: string; clientRuc: string; terminal: string; status: string; bl: string }[];
}

export function renderWeekendProgramming(
  data: WeekendProgrammingData,
  plan: Extract<WeekendPlan, { run: true }>,
): { subject: string; text: string } {
  const slotLine = (p: PlannedTerminalItem) => `  - ${limaDateTime(p.slot)} · ${p.terminal} · ${p.dispatchId} · ref. ${p.reference}`;
  const bySlot = [...data.planned].sort((a, b) => a.slot.localeCompare(b.slot));
  const from = limaDate(plan.fromIso);
  const to = limaDate(new Date(Date.parse(plan.toIso) - 1).toISOString());
  return {
    subject: `Programación de fin de semana del ${from} al ${to}`,
    text: [
      `Programación para Operaciones del ${from} al ${to} (hora de Lima).`,
      '',
      section('Citas de retiro', bySlot.filter((p) => p.kind === 'appointment').map(slotLine), 'Ninguna.'),
      '',
      section('Devoluciones de contenedores vacíos', bySlot.filter((p) => p.kind === 'container_return').map(slotLine), 'Ninguna.'),
      '',
      section(
        'Retiros pendientes (levante otorgado, carga aún no entregada)',
        data.pendingWithdrawals.map((w) => `  - ${w.dispatchId} · RUC ${w.clientRuc} · ${w.terminal} · BL ${w.bl} · ${w.status}`),
        'Ninguno.',
      ),
      '',
      SIGNATURE,
    ].join('\n'),
  };
}
