/**
 * What a client may see of its dispatch (portal and client API keys): status, the planned and actual dates,
 * the documents still expected from it and its latest 40025 status note. Never the broker's internals:
 * executives, incidents, complaints, billing (10110), terminal bookings or internal deadlines.
 */
import { DOCUMENT_LABEL_ES, type DocumentKind } from '../documents';
import type { DispatchView } from '../dispatch-view';
import { dispatchTimeline, type TimelineStep } from './timeline';

export interface ClientDispatchView {
  dispatchId: string;
  status: DispatchView['status'];
  statusLabel: string;
  direction: DispatchView['direction'];
  regime: DispatchView['regime'];
  terminal: DispatchView['terminal'];
  channel?: DispatchView['channel'];
  damNumber?: string;
  client: { ruc: string; name: string };
  vessel: string;
  eta: string;
  bl: string;
  /** Documents the client still has to send, with their Spanish names. */
  pendingDocuments: { kind: DocumentKind; label: string }[];
  documentsReceived: Partial<Record<DocumentKind, string>>;
  timeline: TimelineStep[];
  /** Planned vs actual milestones with the delay (import-steps-2026-12). */
  plan: DispatchView['plan'];
  openedAt: string;
  updatedAt: string;
}

/** The client-facing part of a dispatch's live state. */
export function toClientView(v: DispatchView, now: string): ClientDispatchView {
  return {
    dispatchId: v.dispatchId,
    status: v.status,
    statusLabel: v.statusLabel,
    direction: v.direction,
    regime: v.regime,
    terminal: v.terminal,
    channel: v.channel,
    damNumber: v.damNumber,
    client: v.client,
    vessel: v.vessel,
    eta: v.eta,
    bl: v.bl,
    pendingDocuments: v.missingDocuments.map((kind) => ({ kind, label: DOCUMENT_LABEL_ES[kind] })),
    documentsReceived: v.documentsReceived,
    // Internal clocks (review, draft) are the broker's targets, not promises to the client: only dates.
    timeline: dispatchTimeline(v, now).map(({ key, label, planned, actual, state }) => ({ key, label, planned, actual, state })),
    plan: v.plan,
    openedAt: v.openedAt,
    updatedAt: v.updatedAt,
  };
}

/** Fields of the read-model record a client may see (when the workflow is gone). */
export const CLIENT_RECORD_FIELDS = ['dispatchId', 'clientRuc', 'clientName', 'direction', 'regime', 'modality', 'terminal', 'status', 'channel', 'damNumber', 'vessel', 'eta', 'bl', 'goods', 'openedAt', 'closedAt', 'updatedAt', 'plan'] as const;

/** The read-model record reduced to what a client may see. */
export function clientRecord<T extends Record<string, unknown>>(record: T): Partial<T> {
  return Object.fromEntries(Object.entries(record).filter(([k]) => (CLIENT_RECORD_FIELDS as readonly string[]).includes(k))) as Partial<T>;
}
