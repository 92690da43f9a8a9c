/** Request schemas of the people capability: staff directory, shifts, absences, client assignments, communication log. */
import { z } from 'zod';
import { AGREEMENT_CHANNELS, AGREEMENT_SOURCES, MATTERS, POSITIONS } from '../../domain/people';
import { dispatchId, email, instant, line, ruc, text } from './common.schemas';

const username = z.string().regex(/^[a-z0-9][a-z0-9._-]{2,59}$/, { error: 'Usuario inválido: de 3 a 60 minúsculas, dígitos, punto, guion o guion bajo.' });
const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: 'Hora inválida: use HH:mm (hora de Lima).' });

export const usernameParams = z.strictObject({ username });
export const shiftParams = z.strictObject({ id: z.string().regex(/^[a-z][a-z0-9-]{1,30}$/, { error: 'Código de turno inválido (p. ej. night).' }) });
export const rucParams = z.strictObject({ ruc });
export const dispatchParams = z.strictObject({ id: dispatchId });
export const entryParams = z.strictObject({ entryId: z.uuid({ error: 'Identificador de registro inválido.' }) });

/** Create or replace a staff member of the directory. */
export const putStaffMemberBody = z.strictObject({
  name: line(120),
  email,
  position: z.enum(POSITIONS),
  executiveId: z.string().regex(/^[A-Z0-9-]{2,20}$/, { error: 'Código de ejecutivo inválido (p. ej. ESC-07).' }).nullable().optional(),
  shiftId: z.string().regex(/^[a-z][a-z0-9-]{1,30}$/).nullable().optional(),
  active: z.boolean().default(true),
});

export const putShiftBody = z.strictObject({
  name: line(60),
  days: z.array(z.int().min(1).max(7)).min(1).max(7),
  start: hhmm,
  end: hhmm,
  breakTime: z.strictObject({ start: hhmm, end: hhmm }).nullable().optional(),
});

export const postAbsenceBody = z.strictObject({
  username,
  substitute: username,
  startsAt: instant,
  endsAt: instant,
  reason: line(200),
});

export const putAssignmentBody = z.strictObject({
  executiveUsername: username,
  /** Agreed time to answer the client's emails, in business minutes (default 120). */
  mailResponseMinutes: z.int().min(1).max(10_080).nullable().optional(),
});

export const onDutyQuery = z.strictObject({ at: instant.optional() });

/** A phone call, meeting or email noted by hand on a dispatch; an email reply may name the message it answers. */
export const postCommunicationBody = z.strictObject({
  channel: z.enum(['phone', 'meeting', 'mail']),
  direction: z.enum(['inbound', 'outbound']),
  subject: line(200),
  summary: text(3, 4000),
  occurredAt: instant,
  /** Message-ID of the client email this answers: stops its response clock. */
  inReplyTo: z.string().min(3).max(300).optional(),
});

export const fileEntryBody = z.strictObject({ dispatchId });

/** A written agreement or instruction about a dispatch (seed 2.1.9–2.1.10). */
export const postAgreementBody = z.strictObject({
  source: z.enum(AGREEMENT_SOURCES),
  /** Who agreed or instructed: name, and position or company. */
  agreedWith: line(160),
  agreedAt: instant,
  content: text(3, 2000),
  channel: z.enum(AGREEMENT_CHANNELS),
  /** Message-ID of the email or reference of the document. */
  reference: z.string().min(1).max(300).nullable().optional(),
  /** Whose functional boss hears of a miss; default from the source (terminal: Seguimiento, else Servicio al Cliente). */
  matter: z.enum(MATTERS).optional(),
  /** With a due date the agreement becomes a clock. */
  dueAt: instant.nullable().optional(),
});
export const agreementParams = z.strictObject({ id: dispatchId, agreementId: z.uuid({ error: 'Identificador de acuerdo inválido.' }) });
export const fulfilAgreementBody = z.strictObject({ at: instant.optional(), note: text(1, 1000).optional() });
export const handoverQuery = z.strictObject({ at: instant });
