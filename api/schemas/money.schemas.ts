/**
 * Request schemas of the money of a dispatch: exchange rates, client credit, deposits, third-party payment
 * requests and proformas. Amounts travel as decimal strings ("1250.50"): a JSON number is refused (a float may
 * already have lost a céntimo on its way), and so is a third decimal.
 */
import { z } from 'zod';
import { CURRENCIES, PROFORMA_LINE_KINDS } from '../../domain/money';
import { day, dispatchId, line, ruc, text } from './common.schemas';

/** A positive amount with at most two decimals, as a string. */
export const amount = z
  .string({ error: (issue) => (issue.input === undefined ? 'Falta el monto.' : 'El monto va como texto decimal, p. ej. "1250.50", no como número.') })
  .regex(/^(0|[1-9][0-9]{0,11})(\.[0-9]{1,2})?$/, { error: 'Monto inválido: use un número positivo con hasta 2 decimales, p. ej. "1250.50" (sin comas ni más decimales).' })
  // As a pattern rather than a refinement, so the OpenAPI document says it too (a digit other than 0 somewhere).
  .regex(/[1-9]/, { error: 'El monto debe ser mayor que cero.' })
  .meta({ example: '1250.50' });

export const currency = z.enum(CURRENCIES, { error: 'Moneda inválida: use PEN o USD.' });

/** Soles per US dollar, up to 6 decimals, as a string. */
export const rate = z
  .string({ error: (issue) => (issue.input === undefined ? 'Falta el tipo de cambio.' : 'El tipo de cambio va como texto decimal, p. ej. "3.752", no como número.') })
  .regex(/^(0|[1-9][0-9]{0,2})(\.[0-9]{1,6})?$/, { error: 'Tipo de cambio inválido: use hasta 6 decimales, p. ej. "3.752".' })
  .regex(/[1-9]/, { error: 'El tipo de cambio debe ser mayor que cero.' })
  .meta({ example: '3.752' });

export const exchangeRateBody = z.strictObject({ date: day, rate, source: line(120).meta({ example: 'SBS venta' }) });

export const ratesQuery = z.strictObject({
  from: day.optional(),
  to: day.optional(),
  limit: z.coerce.number().int().min(1).max(366).default(31),
});

export const creditParams = z.strictObject({ ruc });

/** none, or an approved credit limit in one currency. */
export const creditBody = z
  .strictObject({
    status: z.enum(['none', 'approved'], { error: 'Estado de crédito inválido: none (sin crédito) o approved (aprobado).' }),
    limit: amount.optional(),
    currency: currency.optional(),
  })
  .superRefine((b, ctx) => {
    if (b.status === 'approved' && !b.limit) ctx.addIssue({ code: 'custom', path: ['limit'], message: 'Un crédito aprobado necesita su límite.' });
    if (b.status === 'approved' && !b.currency) ctx.addIssue({ code: 'custom', path: ['currency'], message: 'Un crédito aprobado necesita su moneda.' });
    if (b.status === 'none' && (b.limit || b.currency)) ctx.addIssue({ code: 'custom', path: ['limit'], message: 'Sin crédito no lleva límite ni moneda.' });
  })
  // The rule above, said in the OpenAPI document too (the refinement keeps the Spanish messages).
  .meta({
    oneOf: [
      { properties: { status: { const: 'none' }, limit: { not: {} }, currency: { not: {} } } },
      { properties: { status: { const: 'approved' } }, required: ['limit', 'currency'] },
    ],
  });

export const moneyDispatchParams = z.strictObject({ id: dispatchId });

export const proformaParams = z.strictObject({
  id: dispatchId,
  version: z.string().regex(/^[1-9][0-9]{0,5}$/, { error: 'Versión inválida: use el número de versión, p. ej. 1.pdf.' }),
});

export const depositBody = z.strictObject({
  amount,
  currency,
  reference: line(120).meta({ example: 'OP-00012345' }),
  method: z.enum(['transfer', 'letters'], { error: 'Medio inválido: transfer (transferencia) o letters (letras).' }),
});

export const paymentRequestBody = z.strictObject({
  amount,
  currency,
  payee: line(200).meta({ example: 'APM Terminals Callao' }),
  concept: text(3, 500).meta({ example: 'Almacenaje y THC del contenedor MSCU7654321' }),
  reference: line(120).meta({ example: 'F001-000123' }),
});

const proformaLineBody = z.strictObject({
  kind: z.enum(PROFORMA_LINE_KINDS),
  description: line(300),
  quantity: z.number().int().min(1).max(10_000).default(1),
  unitAmount: amount,
  currency,
});

/** Cost clocks to project onto the proforma: storage at the dispatch's terminal and the line's detention. */
const projection = z.strictObject({
  dischargeDate: day,
  /** Planned withdrawal (storage) — the estimate "if nothing is done" up to this date. */
  withdrawalDate: day,
  /** Planned return of the empty container (detention); defaults to the withdrawal date. */
  returnDate: day.optional(),
  containers: z.strictObject({ '20': z.number().int().min(0).max(500).default(0), '40': z.number().int().min(0).max(500).default(0) }),
  shippingLine: line(40).optional(),
  /** Free days negotiated on the BL (detention). */
  detentionFreeDays: z.number().int().min(0).max(90).optional(),
});

export const proformaBody = z.strictObject({
  lines: z.array(proformaLineBody).max(50).default([]),
  projection: projection.optional(),
  /** Take the lines of the terminal's latest proforma for this dispatch (its amounts exact, as the terminal sent them). */
  terminalCharges: z.boolean().optional(),
  /** Quote the client's agreed agency fee and the dispatch's billed extraordinary services (glosa 10110). */
  clientTariff: z.boolean().optional(),
  notes: text(1, 1000).optional(),
  /** Print converted totals with the rate in force on this Lima date (default: today's, when there is one). */
  rateDate: day.optional(),
}).refine((b) => b.lines.length > 0 || b.projection || b.terminalCharges || b.clientTariff, { error: 'La proforma necesita al menos una línea, los gastos del terminal o una proyección de sobrecostos.', path: ['lines'] });


/** Administración regularized the dispatch's invoice (its number, e.g. "F001-000456"). */
export const invoiceRegularizationBody = z.strictObject({ invoiceNumber: line(40).meta({ example: 'F001-000456' }) });
