/** Request schemas of the dispatch resource: the create body mirrors DispatchInput (minus openedBy, from the credential). */
import { z } from 'zod';
import { CHANNELS, MODALITIES, REGIMES, TERMINALS, type DispatchInput } from '../../domain/dispatch';
import { DISPATCH_STATUSES } from '../../domain/lifecycle';
import { contact, dispatchId, email, instant, line, ruc } from './common.schemas';

/** ISO 6346-like container number: owner code (3 letters), category (U, J or Z), 6 digits and the check digit. */
export const containerNumber = z
  .string()
  .regex(/^[A-Z]{3}[UJZ][0-9]{7}$/, { error: 'Número de contenedor inválido: 4 letras y 7 dígitos (ISO 6346), p. ej. MSCU1234567.' });

export const createDispatchBody = z.strictObject({
  dispatchId,
  client: z.strictObject({ ruc, name: line(200), contacts: z.array(contact).max(20) }),
  regime: z.enum(REGIMES),
  modality: z.enum(MODALITIES),
  terminal: z.enum(TERMINALS),
  vessel: line(120),
  eta: instant,
  bl: z.string().regex(/^[A-Z0-9-]{4,30}$/, { error: 'Número de BL inválido: 4 a 30 mayúsculas, dígitos o guiones.' }),
  goods: line(500),
  containers: z.array(z.strictObject({ containerNumber, size: z.enum(['20', '40']) })).max(200),
  restrictedGoods: z.boolean(),
  executive: z.strictObject({
    id: z.string().regex(/^[A-Z0-9-]{2,20}$/, { error: 'Código de ejecutivo inválido (p. ej. ESC-07).' }),
    name: line(120),
    email,
  }),
  /** Export: the vessel's cargo cut-off, if already known (dispatches opened with feature export-dam-2026-12). */
  cargoCutoffAt: instant.optional(),
  /** The BL's shipping line (its detention tariff, domain/money/tariffs.ts), e.g. MSC, MAERSK, HAPAG. */
  shippingLine: z.string().regex(/^[A-Z0-9-]{2,20}$/, { error: 'Línea naviera inválida: 2 a 20 mayúsculas, dígitos o guiones (p. ej. MSC).' }).optional(),
  /** Detention free days negotiated on this BL: they win over the client's and the line's. */
  detentionFreeDays: z.number({ error: 'Días libres: un número entero de días.' }).int().min(0).max(120).optional(),
  /** Re-export (regime 60): the temporary admission (20) or customs warehouse (70) it concludes; the expiry is read from a Levante parent. */
  reexport: z
    .strictObject({
      parentDispatchId: dispatchId.optional(),
      parentDamNumber: z.string().regex(/^\d{3}-\d{4}-\d{2}-\d{6}$/, { error: 'Número de DAM inválido: AAA-AAAA-RR-NNNNNN (p. ej. 118-2026-20-000123).' }),
      parentRegime: z.enum(['20', '70']),
      parentExpiresAt: instant.optional(),
    })
    .optional(),
  /** Reshipment (regime 89): the goods' arrival manifest and BL. */
  reshipment: z.strictObject({ arrivalManifest: line(40), arrivalBl: z.string().regex(/^[A-Z0-9-]{4,30}$/, { error: 'Número de BL inválido: 4 a 30 mayúsculas, dígitos o guiones.' }) }).optional(),
  /** Planned milestones of an import (docs/imports.md); what is not given is derived from the ETA. */
  plan: z
    .strictObject({
      eta: instant.optional(),
      expectedLevanteAt: instant.optional(),
      plannedPickupAt: instant.optional(),
      plannedDeliveryAt: instant.optional(),
      plannedContainerReturnAt: instant.optional(),
    })
    .optional(),
});
export type CreateDispatchBody = z.infer<typeof createDispatchBody>;

// The body must stay exactly DispatchInput without openedBy: this fails to compile if either side drifts.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : never) : never;
const _bodyMatchesDispatchInput: Same<CreateDispatchBody, Omit<DispatchInput, 'openedBy'>> = true;

export const dispatchParams = z.strictObject({ id: dispatchId });
/** An action's outcome: the dispatch and the Update id an earlier 202 named. */
export const outcomeParams = z.strictObject({ id: dispatchId, updateId: z.string().min(3).max(300).regex(/^[A-Za-z0-9._:-]+$/, 'Código de acción inválido') });

const flag = z.enum(['true', 'false']).transform((v) => v === 'true');

/** Filters and pagination of the dispatch list (read model). */
export const listDispatchesQuery = z.strictObject({
  status: z.enum(DISPATCH_STATUSES).optional(),
  client: ruc.optional(),
  regime: z.enum(REGIMES).optional(),
  channel: z.enum(CHANNELS).optional(),
  terminal: z.enum(TERMINALS).optional(),
  executive: z.string().regex(/^[A-Z0-9-]{2,20}$/).optional(),
  direction: z.enum(['import', 'export']).optional(),
  /** Only dispatches with a deadline at risk (reminder time passed). */
  atRisk: flag.optional(),
  /** Only dispatches with an overdue deadline. */
  overdue: flag.optional(),
  /** Only open dispatches (not closed or cancelled). */
  open: flag.optional(),
  openedFrom: instant.optional(),
  openedTo: instant.optional(),
  etaFrom: instant.optional(),
  etaTo: instant.optional(),
  /** Next deadline at or before this instant. */
  deadlineBefore: instant.optional(),
  sort: z.enum(['openedAt', '-openedAt', 'nextDeadlineAt', 'eta', '-updatedAt']).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  offset: z.coerce.number().int().min(0).max(100_000).default(0),
});
export type ListDispatchesQuery = z.infer<typeof listDispatchesQuery>;
