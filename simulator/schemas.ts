/** zod schemas of every request the simulator accepts; their inferred types are the contract's request types. */
import { z } from 'zod';
import { SimulatorError } from './errors';
import { BOOKING_KINDS, SIM_TERMINALS } from './state';

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date YYYY-MM-DD')
  .refine((d) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) && new Date(`${d}T00:00:00Z`).toISOString().startsWith(d), {
    message: 'not a calendar date',
  });
const bl = z.string().trim().min(3, 'BL number too short').max(40);
const containerNumber = z.string().regex(/^[A-Z]{4}\d{7}$/, 'expected an ISO 6346 container number, e.g. MSKU1234565');
const container = z.object({ containerNumber, size: z.enum(['20', '40']) });

export const terminalParam = z.enum(SIM_TERMINALS);
export const slotsQuery = z.object({ date: isoDate });

export const appointmentRequest = z.object({
  bl,
  date: isoDate,
  slotId: z.string().min(1).optional(),
  containerNumbers: z.array(containerNumber).min(1),
});
export type AppointmentRequest = z.infer<typeof appointmentRequest>;

export const containerReturnRequest = z.object({
  bl,
  containerNumber,
  date: isoDate,
  slotId: z.string().min(1).optional(),
});
export type ContainerReturnRequest = z.infer<typeof containerReturnRequest>;

export const blAssignmentRequest = z.object({
  bl,
  carrierRuc: z.string().regex(/^\d{11}$/, 'expected an 11-digit RUC'),
  carrierName: z.string().trim().min(1),
});
export type BlAssignmentRequest = z.infer<typeof blAssignmentRequest>;

export const proformaRequest = z.object({
  bl,
  containers: z.array(container).min(1),
  storageDays: z.number().int().min(0).max(365).default(0),
});
export type ProformaRequest = z.infer<typeof proformaRequest>;

export const liquidationRequest = proformaRequest.extend({ proformaId: z.string().min(1).optional() });
export type LiquidationRequest = z.infer<typeof liquidationRequest>;

export const faultsRequest = z.object({
  terminal: terminalParam.optional(),
  latencyMs: z.number().int().min(0).max(120_000).default(0),
  errorRate: z.number().min(0).max(1).default(0),
  failNext: z.number().int().min(0).default(0),
  outages: z.array(z.object({ from: z.iso.datetime({ offset: true }), to: z.iso.datetime({ offset: true }) })).default([]),
});

export const rejectionsRequest = z.object({
  count: z.number().int().min(1).max(10_000),
  code: z.enum(['NO_SLOT', 'BL_NOT_FOUND']).default('NO_SLOT'),
  terminal: terminalParam.optional(),
  kind: z.enum(BOOKING_KINDS).optional(),
});

export const bookingsQuery = z.object({
  terminal: terminalParam.optional(),
  kind: z.enum(BOOKING_KINDS).optional(),
});

/** Parses or throws 400 VALIDATION_ERROR whose message names each offending field. */
export function parse<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  const result = schema.safeParse(value ?? {});
  if (result.success) return result.data;
  const fields = result.error.issues.map((issue) => ({
    path: issue.path.map(String).join('.') || '(body)',
    message: issue.message,
  }));
  const message = fields.map((f) => `${f.path}: ${f.message}`).join('; ');
  throw new SimulatorError(400, 'VALIDATION_ERROR', message, { fields });
}
