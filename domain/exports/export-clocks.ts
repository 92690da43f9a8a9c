/**
 * Clocks of an export opened with lifecycle feature `export-dam-2026-12` (the dam_draft and regularization clocks
 * are the common ones): the vessel's cargo cut-off, and shipment after the control channel.
 */
import type { Deadline, DispatchPolicy } from '../clocks';
import { CLOCK_LABEL_ES } from '../clocks';
import type { DispatchState } from '../lifecycle';
import { isExportDam, readyForCutoff } from './export-dam';

const plus = (iso: string, ms: number) => new Date(Date.parse(iso) + ms).toISOString();

/** Shipment expected this long after the channel was assigned. */
export function shipmentTermMs(channel: NonNullable<DispatchState['channel']>, policy: DispatchPolicy): number {
  return { verde: policy.exportShipmentGreenMs, naranja: policy.exportShipmentOrangeMs, rojo: policy.exportShipmentRedMs }[channel];
}

/**
 * Open export deadlines: the cut-off until cargo entry and every seal are recorded (or the cargo shipped); the
 * shipment from the channel until the end of shipment. Empty for dispatches without the feature.
 */
export function exportDeadlines(state: DispatchState, policy: DispatchPolicy): Deadline[] {
  if (!isExportDam(state) || !state.exportDam || state.status === 'cancelled') return [];
  const list: Deadline[] = [];
  const cutoff = state.exportDam.cargoCutoffAt;
  if (cutoff && !state.shipmentEndedAt && !readyForCutoff(state)) {
    list.push({ clock: 'cargo_cutoff', dueAt: cutoff, label: CLOCK_LABEL_ES.cargo_cutoff, ref: 'cutoff' });
  }
  if (state.channel && state.channelAssignedAt && !state.shipmentEndedAt) {
    list.push({ clock: 'export_shipment', dueAt: plus(state.channelAssignedAt, shipmentTermMs(state.channel, policy)), label: `${CLOCK_LABEL_ES.export_shipment} (canal ${state.channel})`, ref: 'shipment' });
  }
  return list;
}
