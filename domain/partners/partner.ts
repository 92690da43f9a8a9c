/**
 * Alliance partners (alianzas estratégicas): the firms that run the broker's operations at Colombian customs
 * offices where it has no branch of its own. Each partner covers some customs offices and agreed a service time
 * per milestone with the broker at each one. Durations are business time (Colombian calendar), in ms.
 */
import type { Contact } from '../dispatch';

/** Colombian customs offices (DIAN seccionales) run by partners; Buenaventura is the home port, run in-house. */
export const PARTNER_OFFICES = ['CTG', 'CUC', 'IPI', 'MAI', 'RIO', 'BOG', 'BAQ'] as const;
export type CustomsOffice = (typeof PARTNER_OFFICES)[number];
export const HOME_OFFICE = 'BUN';

export const OFFICE_LABEL_ES: Record<CustomsOffice, string> = {
  CTG: 'Cartagena',
  CUC: 'Cúcuta',
  IPI: 'Ipiales',
  MAI: 'Maicao',
  RIO: 'Riohacha',
  BOG: 'Bogotá',
  BAQ: 'Barranquilla',
};

export function isCustomsOffice(value: string): value is CustomsOffice {
  return (PARTNER_OFFICES as readonly string[]).includes(value);
}

/**
 * Milestones of a partner's operation (DO), in order. `inspection` (aforo) only happens when DIAN does not grant
 * automatic levante; the partner says so when it reports `declared`.
 */
export const MILESTONES = ['received', 'declared', 'inspection', 'levante', 'delivered'] as const;
export type Milestone = (typeof MILESTONES)[number];

export const MILESTONE_LABEL_ES: Record<Milestone, string> = {
  received: 'Recepción de documentos',
  declared: 'Declaración presentada',
  inspection: 'Inspección (aforo)',
  levante: 'Levante',
  delivered: 'Entrega de la carga',
};

export function isMilestone(value: string): value is Milestone {
  return (MILESTONES as readonly string[]).includes(value);
}

/** Agreed business time from the previous milestone (or the assignment, for `received`) to each milestone, in ms. */
export type ServiceTimes = Record<Milestone, number>;

/** What the broker agreed with a partner at one customs office. */
export interface OfficeAgreement {
  office: CustomsOffice;
  serviceTimes: ServiceTimes;
}

export interface Partner {
  /** Business id of the partner, e.g. "ALZ-CTG-01". */
  partnerId: string;
  name: string;
  /** Colombian taxpayer id (NIT). */
  nit: string;
  /** Who at the partner receives non-conformities and reminders. */
  contacts: Contact[];
  /** Broker staff who manages the partner: default owner of corrective actions. */
  accountManager: Contact;
  active: boolean;
  offices: OfficeAgreement[];
}

/** What an operation needs from the registry: who the partner is and the agreed service times at the office. */
export interface PartnerAgreement {
  partnerId: string;
  partnerName: string;
  contacts: Contact[];
  accountManager: Contact;
  serviceTimes: ServiceTimes;
}

/** The agreement of a partner at an office, or undefined when the partner does not cover it. */
export function agreementAt(partner: Partner, office: CustomsOffice): OfficeAgreement | undefined {
  return partner.offices.find((o) => o.office === office);
}
