/** Request schemas of the partner routes (api/routes/partners/: partners, partner-operations, partner-quality). */
import { z } from 'zod';
import { AFORO_KINDS } from '../../domain/partners/operation';
import { OPERATION_DIRECTIONS } from '../../domain/partners/contract';
import { MILESTONES, PARTNER_OFFICES } from '../../domain/partners/partner';
import { contact, email, instant, line, text } from './common.schemas';

/** Business id of a partner, e.g. ALZ-CTG-01. */
export const partnerId = z.string().regex(/^[A-Z0-9][A-Z0-9-]{2,39}$/, { error: 'Código de aliado inválido: 3 a 40 mayúsculas, dígitos o guiones (p. ej. ALZ-CTG-01).' });
/** DO number of a partner's operation. */
export const doNumber = z.string().regex(/^[A-Z0-9][A-Z0-9-]{2,39}$/, { error: 'Número de DO inválido: 3 a 40 mayúsculas, dígitos o guiones (p. ej. DO-CTG-2026-0042).' });
export const ncId = z.string().regex(/^[A-Z0-9][A-Z0-9-]{2,79}$/, { error: 'Código de no conformidad inválido.' });
export const office = z.enum(PARTNER_OFFICES, { error: `Aduana inválida: use ${PARTNER_OFFICES.join(', ')}.` });
export const milestone = z.enum(MILESTONES, { error: `Hito inválido: use ${MILESTONES.join(', ')}.` });

/** Business hours (Colombian calendar) agreed for each milestone, from the previous one. */
const hours = z.number().positive().max(2000);
export const serviceTimesHours = z.strictObject({ received: hours, declared: hours, inspection: hours, levante: hours, delivered: hours });

export const putPartnerBody = z.strictObject({
  name: line(160),
  nit: z.string().regex(/^\d{6,10}(-\d)?$/, { error: 'NIT inválido (p. ej. 900123456-7).' }),
  contacts: z.array(contact).max(20).default([]),
  accountManager: contact,
  active: z.boolean().default(true),
  offices: z.array(z.strictObject({ office, serviceTimesHours })).min(1).max(PARTNER_OFFICES.length)
    .refine((list) => new Set(list.map((o) => o.office)).size === list.length, { error: 'Cada aduana puede figurar una sola vez.' }),
});

export const partnerParams = z.strictObject({ partnerId });
export const operationParams = z.strictObject({ doNumber });
export const ncParams = z.strictObject({ ncId });

export const controlChartQuery = z.strictObject({ milestone, office: office.optional(), direction: z.enum(OPERATION_DIRECTIONS).optional(), from: instant.optional(), to: instant.optional() });

export const startOperationBody = z.strictObject({
  doNumber,
  partnerId,
  office,
  /** The dispatch this operation belongs to, when there is one. */
  dispatchId: z.string().regex(/^[A-Z0-9][A-Z0-9-]{2,39}$/).optional(),
  /** When the partner was given the operation; defaults to now. */
  assignedAt: instant.optional(),
  /** Import or export: each is controlled on its own chart (seeds/004). */
  direction: z.enum(OPERATION_DIRECTIONS).default('import'),
});

/** A contract with the partner (annex of seeds/004): term, customs offices, agreed service times in business hours. */
export const putContractBody = z.strictObject({
  startsOn: z.iso.date({ error: 'Fecha inválida: use AAAA-MM-DD.' }),
  endsOn: z.iso.date({ error: 'Fecha inválida: use AAAA-MM-DD.' }),
  offices: z.array(office).min(1).max(7),
  serviceTimesHours: z.partialRecord(milestone, z.number().positive().max(24 * 90)).default({}),
});
export const contractParams = z.strictObject({ partnerId, reference: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]{1,39}$/, { error: 'Referencia de contrato inválida (p. ej. CT-2026-01).' }) });

export const milestoneBody = z.strictObject({ milestone, occurredAt: instant.optional(), aforo: z.enum(AFORO_KINDS).optional() });
export const complaintBody = z.strictObject({ description: text(10), owner: contact.optional() });
export const cancelBody = z.strictObject({ reason: text(3, 500) });

export const openNonConformityBody = z.strictObject({
  description: text(10),
  doNumber: doNumber.optional(),
  office: office.optional(),
  owner: contact.optional(),
  dueAt: instant.optional(),
});
export const listNonConformitiesQuery = z.strictObject({ partnerId: partnerId.optional(), status: z.enum(['open', 'closed']).optional() });
export const planBody = z.strictObject({ plan: text(10), owner: contact.optional() });
export const closeBody = z.strictObject({ evidence: z.strictObject({ description: text(10), url: z.url().max(500).optional() }) });

export const evaluationBody = z.strictObject({ year: z.number().int().min(2000).max(2100) });
export const managerBody = z.strictObject({ name: line(120), email, active: z.boolean().default(true) });
