/**
 * Callao truck-access windows, as data (seed 2.3.2, 2.3.8; DOMAIN.md: "Callao bans trucks 06:00–10:00 and
 * 18:00–22:00 on most roads"). ASSUMPTIONS, to check against the Municipalidad del Callao's current ordinance
 * before relying on them: the restriction applies every day of the week, to the whole trip to and from the
 * terminals, and a gate slot may be chosen only when it does not overlap a restricted window. Terminal gate
 * slots are two hours long starting on the hour from 08:00 to 16:00 (the terminals' contract grid,
 * simulator/CONTRACT.md). The 06:00 pre-exit from a warehouse (pre-salida) is coordinated ahead precisely
 * because it leaves before the morning peak; it is not a terminal slot. Change the windows here.
 */
import { parseClockTime } from '../calendar/local-time';

/** A restricted window in Lima local time, [from, to). */
export interface TruckWindow {
  from: string;
  to: string;
  label: string;
}

export const CALLAO_TRUCK_RESTRICTIONS: readonly TruckWindow[] = [
  { from: '06:00', to: '10:00', label: 'restricción de tránsito de carga pesada de la mañana (06:00–10:00)' },
  { from: '18:00', to: '22:00', label: 'restricción de tránsito de carga pesada de la tarde (18:00–22:00)' },
];

/** The terminals' gate-slot grid (Lima time): start of each slot and its length. */
export const GATE_SLOT_STARTS: readonly string[] = ['08:00', '10:00', '12:00', '14:00', '16:00'];
export const GATE_SLOT_MINUTES = 120;

const minutes = (hhmm: string) => parseClockTime(hhmm);

/** The restricted window a slot starting at `start` (HH:MM) overlaps, if any. */
export function restrictionOf(start: string, slotMinutes = GATE_SLOT_MINUTES, windows: readonly TruckWindow[] = CALLAO_TRUCK_RESTRICTIONS): TruckWindow | undefined {
  const from = minutes(start);
  const to = from + slotMinutes;
  return windows.find((w) => from < minutes(w.to) && minutes(w.from) < to);
}

/** The first slot of the grid at or after `start` that overlaps no restricted window. */
export function nextAllowedSlot(start: string, windows: readonly TruckWindow[] = CALLAO_TRUCK_RESTRICTIONS): string | undefined {
  return GATE_SLOT_STARTS.find((s) => minutes(s) >= minutes(start) && !restrictionOf(s, GATE_SLOT_MINUTES, windows));
}

/** The start (HH:MM) named by a slot: "08:00", "0800" or a terminal slot id ending in -0800. */
export function slotStart(slot: string): string | undefined {
  const m = /(?:^|-)(\d{2}):?(\d{2})$/.exec(slot.trim());
  if (!m) return undefined;
  const [h, mm] = [Number(m[1]), Number(m[2])];
  return h < 24 && mm < 60 ? `${m[1]}:${m[2]}` : undefined;
}

/** The terminal's slot id for a day and a start (simulator/CONTRACT.md: APMTC-2026-03-10-0800). */
export function slotIdFor(terminal: string, date: string, start: string): string {
  return `${terminal}-${date}-${start.replace(':', '')}`;
}

/** Every slot id of the day's grid that overlaps no restricted window, earliest first. */
export function allowedSlotIds(terminal: string, date: string): string[] {
  return GATE_SLOT_STARTS.filter((s) => !restrictionOf(s)).map((s) => slotIdFor(terminal, date, s));
}

/**
 * The slots to ask the terminal for, in order: the one chosen, refused in Spanish (with the next allowed slot)
 * when it falls in a restricted window; without a choice, every allowed slot of the day (the first with room wins).
 */
export function chooseSlots(terminal: string, date: string, slot: string | undefined, what: string): { slotIds: string[] } | { refusal: string } {
  if (slot === undefined) return { slotIds: allowedSlotIds(terminal, date) };
  const chosen = chooseSlot(terminal, date, slot, what);
  return 'refusal' in chosen ? chosen : { slotIds: [chosen.slotId] };
}

/**
 * The slot to ask the terminal for: the one chosen, refused in Spanish (with the next allowed slot) when it
 * falls in a restricted window; without a choice, the first allowed slot of the grid.
 */
export function chooseSlot(terminal: string, date: string, slot: string | undefined, what: string): { slotId: string } | { refusal: string } {
  const start = slot === undefined ? nextAllowedSlot('00:00') : slotStart(slot);
  if (!start) return { refusal: `No se puede reservar ${what}: el turno «${slot}» no es válido. Indique la hora de inicio, p. ej. 10:00.` };
  const window = restrictionOf(start);
  if (window) {
    const next = nextAllowedSlot(start);
    const proposal = next ? `El siguiente turno permitido es el de las ${next} del ${date}.` : `No queda turno permitido ese día: elija otra fecha (el primer turno permitido es el de las ${nextAllowedSlot('00:00')}).`;
    return { refusal: `No se puede reservar ${what} en el turno de las ${start}: cae en la ${window.label} del Callao. ${proposal}` };
  }
  return { slotId: slotIdFor(terminal, date, start) };
}
