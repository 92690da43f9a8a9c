/**
 * Written agreements (seed 2.1.9 "velar por el cumplimiento de los acuerdos", 2.1.10 "que toda la información,
 * acuerdos e indicaciones relacionados al despacho queden por escrito"): every agreement or instruction about a
 * dispatch — from the client, a terminal or a boss — is recorded with who, when, what, by which channel and the
 * email or document reference. One with a due date is a clock of its own (agreementClockWorkflow): a reminder to
 * the executive on duty before it, an alert to the executive and the functional boss when it is missed.
 */
import { HOUR } from '../durations';
import type { Matter } from './matters';

export const AGREEMENT_SOURCES = ['client', 'terminal', 'boss', 'other'] as const;
export type AgreementSource = (typeof AGREEMENT_SOURCES)[number];

export const AGREEMENT_CHANNELS = ['mail', 'phone', 'meeting', 'document', 'other'] as const;
export type AgreementChannel = (typeof AGREEMENT_CHANNELS)[number];

export type AgreementStatus = 'recorded' | 'open' | 'missed' | 'fulfilled';

export const AGREEMENT_SOURCE_LABEL_ES: Record<AgreementSource, string> = { client: 'Cliente', terminal: 'Terminal', boss: 'Jefatura', other: 'Otro' };
export const AGREEMENT_CHANNEL_LABEL_ES: Record<AgreementChannel, string> = { mail: 'Correo', phone: 'Teléfono', meeting: 'Reunión', document: 'Documento', other: 'Otro' };
export const AGREEMENT_STATUS_LABEL_ES: Record<AgreementStatus, string> = { recorded: 'Registrado', open: 'Pendiente', missed: 'Vencido', fulfilled: 'Cumplido' };

/** Whose functional boss hears of a missed agreement when the operator names no matter: a terminal's is tracking's. */
export function defaultAgreementMatter(source: AgreementSource): Matter {
  return source === 'terminal' ? 'tracking' : 'client_service';
}

export interface Agreement {
  id: string;
  dispatchId: string;
  source: AgreementSource;
  agreedWith: string;
  agreedAt: string;
  content: string;
  channel: AgreementChannel;
  reference: string | null;
  matter: Matter;
  dueAt: string | null;
  status: AgreementStatus;
  fulfilledAt: string | null;
  fulfilledBy: string | null;
  fulfilmentNote: string | null;
  recordedBy: string;
}

/** The executive is reminded this long before an agreement falls due (unless the agreement is younger). */
export const AGREEMENT_REMINDER_BEFORE_MS = 2 * HOUR;

export const agreementClockWorkflowId = (agreementId: string) => `agreement-${agreementId}`;

/** Signal name (shared by the API and the workflow): the agreement was fulfilled. */
export const AGREEMENT_FULFILLED_SIGNAL = 'agreementFulfilled';

export interface AgreementFulfilled {
  at: string;
  by: string;
}

export interface AgreementClockInput {
  agreementId: string;
  dispatchId: string;
  dueAt: string;
  reminderBeforeMs: number;
}

export type AgreementOutcome = 'fulfilled' | 'missed';
