/** Client directory, supervisor roster and business calendar request schemas. */
import { z } from 'zod';
import { DOCUMENT_KINDS } from '../../domain/documents';
import { contact, day, email, line, ruc, text } from './common.schemas';
import { amount, currency } from './money.schemas';
import { ACTIONS } from './action.schemas';

/** A duration in milliseconds, up to two years. */
const ms = z.number().int().min(0).max(2 * 366 * 24 * 3_600_000);

/** Internal targets the client agreed with the broker (DispatchPolicy, partial); legal deadlines are law, not agreement. */
export const deadlineOverrides = z.strictObject({
  documentReviewMs: ms.optional(),
  reviewReminderBeforeMs: ms.optional(),
  damDraftMs: ms.optional(),
  complaintEscalationBusinessMs: ms.optional(),
  /** How "24 hrs. útiles" is counted for this client: business days (default) or office hours only. */
  complaintEscalationReading: z.enum(['business_days', 'office_hours']).optional(),
  sadaRegularizationTargetMs: ms.optional(),
  exportRegularizationTargetMs: ms.optional(),
  regularizationReminderBeforeMs: ms.optional(),
  regimeExpiryRemindersDays: z.array(z.number().int().min(1).max(730)).max(10).optional(),
  /** Exports (feature export-dam-2026-12): the cut-off reminder and the shipment terms after each channel. */
  cargoCutoffReminderBeforeMs: ms.optional(),
  exportShipmentGreenMs: ms.optional(),
  exportShipmentOrangeMs: ms.optional(),
  exportShipmentRedMs: ms.optional(),
  // Import clocks (import-steps-2026-12, docs/imports.md): levante follow-up per channel and SENASA inspection.
  levanteFollowUpMs: z.strictObject({ verde: ms.optional(), naranja: ms.optional(), rojo: ms.optional() }).optional(),
  levanteReminderBeforeMs: ms.optional(),
  senasaReminderBeforeMs: ms.optional(),
  senasaReportMs: ms.optional(),
});

/** When the client's status report goes out (America/Lima). */
export const statusReportSchedule = z.strictObject({
  days: z.array(z.number().int().min(0).max(6)).min(1).max(7),
  hour: z.number().int().min(0).max(23),
  minute: z.number().int().min(0).max(59).optional(),
});

export const clientParams = z.strictObject({ ruc });

const freeDays = z.number({ error: 'Días libres: un número entero de días.' }).int().min(0).max(120);

/** The client's record and agreement; PUT replaces it whole. */
export const putClientBody = z.strictObject({
  name: line(200),
  contacts: z.array(contact).max(20).default([]),
  statusReportRecipients: z.array(contact).max(20).default([]),
  statusReportSchedule: statusReportSchedule.nullable().default(null),
  deadlineOverrides: deadlineOverrides.default({}),
  extraRequiredDocuments: z.array(z.enum(DOCUMENT_KINDS)).max(DOCUMENT_KINDS.length).default([]),
  /** Automatic glosa 10110 (money-clocks-2026-12): price of an action out of hours / out of scope, and the scope. */
  extraServices: z
    .strictObject({
      outOfHoursAmountPen: amount,
      outOfScopeAmountPen: amount,
      scope: z.array(z.enum(ACTIONS.map((a) => a.name) as [string, ...string[]], { error: 'Acción desconocida en el alcance pactado: use los nombres de /dispatches/{id}/actions/….' })).max(50).optional(),
    })
    .optional(),
  /** The agency fee per dispatch agreed with the client: a client proforma quotes it (`clientTariff`). */
  agencyFee: z.strictObject({ amount, currency }).optional(),
  /** Free days of the cost clocks agreed with the client (money-clocks-2026-12): storage per terminal, detention. */
  costFreeDays: z
    .strictObject({ storage: z.strictObject({ APMTC: freeDays.optional(), DPWC: freeDays.optional() }).optional(), detention: freeDays.optional() })
    .optional(),
});

export const listQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(100).default(50),
  offset: z.coerce.number().int().min(0).max(100_000).default(0),
});

const hhmm = z.string().regex(/^([01][0-9]|2[0-3]):[0-5][0-9]$/, { error: 'Hora inválida: use HH:MM.' });

/** Creates or updates the supervisor with this email. */
export const putSupervisorBody = z.strictObject({
  name: line(120),
  email,
  active: z.boolean().default(true),
  onShift: z.strictObject({ days: z.array(z.number().int().min(0).max(6)).min(1).max(7), from: hhmm, to: hhmm }).nullable().default(null),
});

const country = z.enum(['PE', 'CO']);

export const holidaysQuery = z.strictObject({
  country: country.default('PE'),
  year: z.coerce.number().int().min(2000).max(2100).default(() => new Date().getUTCFullYear()),
});

/** A non-working day decreed at short notice. */
export const nonWorkingDayBody = z.strictObject({ country: country.default('PE'), date: day, reason: text(3, 300) });
