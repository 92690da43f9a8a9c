/**
 * The functional-boss rule as data (seed 3.1): the ESC reports to Servicio al Cliente in line, and functionally
 * to Producción for production matters. Each clock of a dispatch and each complaint category is a matter; each
 * matter has the positions that receive its escalations, first the one in charge.
 */
import type { ClockName } from '../clocks';
import { responsibleFor, type Absence, type Position, type StaffMember } from './staff';

/** production: documents, DAM draft, numbering, regularization; tracking: levante, withdrawal, terminals, containers; client_service: the relationship and cost contingencies. */
export const MATTERS = ['production', 'tracking', 'client_service'] as const;
export type Matter = (typeof MATTERS)[number];

export const MATTER_LABEL_ES: Record<Matter, string> = {
  production: 'Producción',
  tracking: 'Seguimiento',
  client_service: 'Servicio al Cliente',
};

/** Who receives a matter's escalations, in order. */
export const BOSSES_BY_MATTER: Record<Matter, readonly Position[]> = {
  production: ['jefe_produccion', 'tecnico_revisor'],
  tracking: ['supervisora_seguimiento'],
  client_service: ['jefe_servicio_cliente', 'supervisora_servicio_cliente'],
};

/** The matter of each dispatch clock (domain/clocks.ts). A new ClockName fails to compile until mapped here. */
export const CLOCK_MATTER: Record<ClockName, Matter> = {
  document_review: 'production',
  dam_draft: 'production',
  deferred_numbering: 'production',
  // Regularization is documentary work on the DAM (seed 2.2.6, CLAVE SOL): Producción.
  regularization_target: 'production',
  regularization_legal: 'production',
  complaint_escalation: 'client_service',
  // Seed 2.1.13: the ESC watches the client's regime expiries: Servicio al Cliente.
  regime_expiry: 'client_service',
  // Cargo entry, seals and shipment of an export are followed at the terminal: Seguimiento.
  cargo_cutoff: 'tracking',
  export_shipment: 'tracking',
  // Seed 2.3.6 and 2.3.3: following the levante and coordinating SENASA's inspection are Seguimiento's.
  levante_follow_up: 'tracking',
  senasa_inspection: 'tracking',
  // Cost contingencies (seed 2.1.20): storage, detention, the client's funds: Servicio al Cliente.
  storage_free_time: 'client_service',
  detention_free_time: 'client_service',
  funds_wait: 'client_service',
  // Originals for the Archive (seed 2.1.15): documentary work: Producción.
  archive_originals: 'production',
  // outbound-regimes-2026-12: the shipments of a re-export and of a reshipment are followed at the terminal.
  parent_regime_expiry: 'tracking',
  reshipment_term: 'tracking',
};

/** Complaint categories of the API (POST …/actions/complaint); all are relationship or cost contingencies (seed 2.1.20). */
export const COMPLAINT_CATEGORY_MATTER: Record<'complaint' | 'demurrage' | 'storage' | 'fine' | 'transport_overcost' | 'other', Matter> = {
  complaint: 'client_service',
  demurrage: 'client_service',
  storage: 'client_service',
  fine: 'client_service',
  transport_overcost: 'client_service',
  other: 'client_service',
};

/** Tracking topics (seed 2.3), which have no dispatch clock yet but do raise notices (terminal incidents, withdrawals). */
export const TRACKING_TOPICS = ['levante', 'withdrawal', 'terminal', 'container', 'appointment', 'senasa_inspection'] as const;
export type TrackingTopic = (typeof TRACKING_TOPICS)[number];

/** The matter of a clock, complaint category or tracking topic; unknown subjects are Servicio al Cliente's (line boss). */
export function matterOf(subject: string): Matter {
  if (subject in CLOCK_MATTER) return CLOCK_MATTER[subject as ClockName];
  if (subject in COMPLAINT_CATEGORY_MATTER) return COMPLAINT_CATEGORY_MATTER[subject as keyof typeof COMPLAINT_CATEGORY_MATTER];
  if ((TRACKING_TOPICS as readonly string[]).includes(subject)) return 'tracking';
  return 'client_service';
}

/**
 * The functional bosses of a matter at an instant, in the matter's order of positions: the active people holding
 * them, each replaced by their substitute while absent. Shifts do not matter: an escalation reaches the boss's
 * inbox whatever the hour.
 */
export function functionalBosses(matter: Matter, staff: readonly StaffMember[], absences: readonly Absence[], instant: string): StaffMember[] {
  const active = staff.filter((m) => m.active);
  const bosses: StaffMember[] = [];
  for (const position of BOSSES_BY_MATTER[matter]) {
    for (const holder of active.filter((m) => m.position === position).sort((a, b) => a.username.localeCompare(b.username))) {
      const who = active.find((m) => m.username === responsibleFor(absences, holder.username, instant));
      if (who && !bosses.some((b) => b.username === who.username)) bosses.push(who);
    }
  }
  return bosses;
}
