/**
 * The facts of each container that its cost clocks read, through one adapter: today every container shares the
 * dispatch-level facts (end of discharge, pickup, empty return); once the dispatch records them per container,
 * only this function changes.
 */
import type { DispatchInput } from '../dispatch';
import type { DispatchState } from '../lifecycle';
import type { ContainerSize } from './tariffs';

export interface ContainerFacts {
  containerNumber: string;
  size: ContainerSize;
  /** End of discharge (ISO): starts storage and detention. */
  dischargeEndedAt?: string;
  /** Picked up from the terminal or warehouse (ISO): stops storage. */
  pickedUpAt?: string;
  /** Returned empty to the line's depot (ISO): stops detention. */
  returnedAt?: string;
}

/** Per-container facts of a dispatch (today: the dispatch-level facts, for every container). */
export function containerFacts(state: DispatchState, input: Pick<DispatchInput, 'containers'>): ContainerFacts[] {
  return input.containers.map((c) => ({
    containerNumber: c.containerNumber,
    size: c.size,
    dischargeEndedAt: state.dischargeEndedAt,
    pickedUpAt: state.withdrawal.pickupAt,
    returnedAt: state.containerReturnedAt,
  }));
}
