/**
 * Building blocks shared by the request schemas. Text never carries control characters (PostgreSQL rejects
 * NUL and they have no place in a customs record); every limit is explicit so the OpenAPI document says it.
 * Messages a person reads are Spanish (es-PE); zod's own messages come from its Spanish locale (errors.ts).
 */
import { z } from 'zod';

const NO_CONTROL = /^[^\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]*$/;
const ONE_LINE = /^[^\u0000-\u001f\u007f]*$/;

/** One line of text (names, references): trimmed, 1..max characters. */
export const line = (max = 200) =>
  z.string().trim().min(1).max(max).regex(ONE_LINE, { error: 'No se permiten caracteres de control.' });

/** Free text (descriptions, notes): may span lines. */
export const text = (min = 3, max = 2000) =>
  z.string().trim().min(min).max(max).regex(NO_CONTROL, { error: 'No se permiten caracteres de control.' });

/** Business id of a dispatch (the broker's file number), e.g. DSP-2026-000123. */
export const dispatchId = z
  .string()
  .regex(/^[A-Z0-9][A-Z0-9-]{2,39}$/, { error: 'Código de despacho inválido: use de 3 a 40 mayúsculas, dígitos o guiones (p. ej. DSP-2026-000123).' })
  .meta({ example: 'DSP-2026-000123' });

/** Peruvian taxpayer id. */
export const ruc = z.string().regex(/^[0-9]{11}$/, { error: 'RUC inválido: debe tener 11 dígitos.' }).meta({ example: '20100047218' });

export const email = z.email({ error: 'Correo electrónico inválido.' }).max(254);

/** ISO 8601 instant with Z or an offset, e.g. 2026-12-01T10:00:00-05:00. */
export const instant = z.iso
  .datetime({ offset: true, error: 'Fecha y hora inválida: use ISO 8601 (p. ej. 2026-12-01T10:00:00-05:00).' })
  // A business date: a year such as 0020 or 9750 is a typo, never a dispatch. A pattern (not a refinement) so the
  // OpenAPI document says it too.
  .regex(/^(20\d{2}|2100)-/, 'Fecha fuera de rango: use un año entre 2000 y 2100.');

/** Calendar date YYYY-MM-DD. */
export const day = z.iso.date({ error: 'Fecha inválida: use AAAA-MM-DD.' });

export const contact = z.strictObject({ name: line(120), email });

/** Every error response: a code for programs, a Spanish message for people, and the field issues of a 400. */
export const errorResponse = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    issues: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  }),
});
export type ErrorBody = z.infer<typeof errorResponse>;
