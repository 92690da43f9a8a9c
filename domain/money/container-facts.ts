/**
 * The facts of each container that its cost clocks read, through one adapter: an import opened with lifecycle
 * feature import-steps-2026-12 records pickup and empty return per container (domain/imports); a dispatch opened
 * before it shares the dispatch-level facts (end of discharge, pickup, empty return) among its containers.
 */
import type { DispatchInput } from '../dispatch';
import { containerFacts as perContainerFacts } from '../imports/containers';
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

/** Per-container facts of a dispatch: each container's own when recorded, else the dispatch-level facts. */
export function containerFacts(state: DispatchState, input: Pick<DispatchInput, 'containers'>): ContainerFacts[] {
  if (state.containers && Object.keys(state.containers).length > 0) return perContainerFacts(state);
  return input.containers.map((c) => ({
    containerNumber: c.containerNumber,
    size: c.size,
    dischargeEndedAt: state.dischargeEndedAt,
    pickedUpAt: state.withdrawal.pickupAt,
    returnedAt: state.containerReturnedAt,
  }));
}
