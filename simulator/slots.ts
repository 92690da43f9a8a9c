/** The daily gate-slot grid and its remaining capacity. Pure functions over the state. */
import { SimulatorError, rejections } from './errors';
import type { ResolvedOptions } from './options';
import type { SimTerminal, SimulatorState, SlotRef } from './state';

/** A slot as listed to clients. Times are ISO 8601 with Lima's fixed offset (-05:00, no DST). */
export interface Slot extends SlotRef {
  capacity: number;
  remaining: number;
}

const LIMA_OFFSET = '-05:00';

function hhmm(totalMinutes: number): string {
  const h = Math.floor(totalMinutes / 60);
  const m = totalMinutes % 60;
  return `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`;
}

/** Bookings holding a given slot (appointments and container returns share gate capacity). */
function usedCapacity(state: SimulatorState, slotId: string): number {
  return state.bookings.filter((b) => b.kind !== 'bl-assignment' && b.slotId === slotId).length;
}

/** Every slot of a terminal's day, in time order, with remaining capacity. */
export function slotsForDay(state: SimulatorState, options: ResolvedOptions, terminal: SimTerminal, date: string): Slot[] {
  return [...options.slotHours]
    .sort((a, b) => a - b)
    .map((hour) => {
      const startMin = hour * 60;
      const start = hhmm(startMin);
      const slotId = `${terminal}-${date}-${start.replace(':', '')}`;
      const used = usedCapacity(state, slotId);
      return {
        slotId,
        date,
        start: `${date}T${start}:00${LIMA_OFFSET}`,
        end: `${date}T${hhmm(startMin + options.slotMinutes)}:00${LIMA_OFFSET}`,
        capacity: options.slotCapacity,
        remaining: Math.max(0, options.slotCapacity - used),
      };
    });
}

/**
 * The slot a new booking takes: the requested one if it still has room, otherwise the first slot of the day
 * with room. Throws NO_SLOT (409) when full, SLOT_NOT_FOUND (422) for a slot id outside the day's grid.
 */
export function pickSlot(
  state: SimulatorState,
  options: ResolvedOptions,
  terminal: SimTerminal,
  date: string,
  slotId?: string,
): SlotRef {
  const slots = slotsForDay(state, options, terminal, date);
  if (slotId !== undefined) {
    const wanted = slots.find((s) => s.slotId === slotId);
    if (!wanted) {
      throw new SimulatorError(422, 'SLOT_NOT_FOUND', `El turno ${slotId} no existe para el ${date}.`);
    }
    if (wanted.remaining === 0) throw rejections.noSlot(`en el turno ${wanted.start.slice(11, 16)} del ${date}`);
    return toRef(wanted);
  }
  const free = slots.find((s) => s.remaining > 0);
  if (!free) throw rejections.noSlot(`para el ${date}`);
  return toRef(free);
}

function toRef({ slotId, date, start, end }: Slot): SlotRef {
  return { slotId, date, start, end };
}
