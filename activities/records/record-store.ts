/**
 * Narrow ports over Levante's records in PostgreSQL: the dispatch read model and its history, glosas, incidents,
 * terminal requests, the sent-mail log, the client directory, the supervisor roster and decreed non-working days.
 * Records are plain JSON (ISO date strings), never Prisma objects, so they cross activity boundaries unchanged.
 * Every write that a retried activity may repeat carries an idempotency key: writing it twice leaves one row.
 */
import type { Money } from '../../domain/money/money';
import type { CostClockFacts } from '../../domain/kpis/kpis';
import type { Channel, Contact, Direction, Modality, Regime, Terminal } from '../../domain/dispatch';
import type { PlanRow } from '../../domain/imports/plan';

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

/** Whether an idempotent write created the row (false: the key was already recorded). */
export interface WriteResult {
  recorded: boolean;
}

/** One dispatch as lists, filters and KPIs see it; the workflow writes it whole on every transition. */
export interface DispatchRecord {
  dispatchId: string;
  workflowId: string;
  clientRuc: string;
  /** Used only to create the client in the directory if it is not there yet; reads return the directory's name. */
  clientName: string;
  direction: Direction;
  regime: Regime;
  modality: Modality;
  terminal: Terminal;
  status: string;
  channel: Channel | null;
  damNumber: string | null;
  vessel: string;
  eta: string;
  bl: string;
  goods: string;
  restrictedGoods: boolean;
  executiveId: string;
  executiveName: string;
  executiveEmail: string;
  nextDeadlineAt: string | null;
  nextDeadlineClock: string | null;
  atRisk: boolean;
  overdue: boolean;
  openedAt: string;
  closedAt: string | null;
  /** Planned vs actual milestones (import-steps-2026-12); absent for dispatches without a plan. */
  plan?: PlanRow[] | null;
  /** Money (money-clocks-2026-12): a payment waits for the client's funds; the cost clocks' figures. */
  waitingForFunds?: boolean;
  costNextChargeAt?: string | null;
  costs?: { accrued: Money[]; projected: Money[]; nextCharge: Money[]; clocks?: CostClockFacts[] } | null;
}

export interface StoredDispatchRecord extends DispatchRecord {
  updatedAt: string;
}

/** One status a dispatch went through. */
export interface StatusChange {
  dispatchId: string;
  status: string;
  at: string;
  actor: string;
  note?: string | null;
  /** Workflow id + step (domain/ids.ts sideEffectKey). */
  idempotencyKey: string;
}

export interface DispatchReadModel {
  /** Creates or replaces the dispatch's row (and creates its client in the directory when missing). */
  upsertDispatch(record: DispatchRecord): Promise<void>;
  /** Appends to the status history; a repeated idempotency key is ignored. */
  appendStatus(change: StatusChange): Promise<WriteResult>;
  get(dispatchId: string): Promise<StoredDispatchRecord | null>;
  /** The status history, oldest first. */
  history(dispatchId: string): Promise<StatusChange[]>;
}

/** Glosa codes: 40025 dispatch status update (feeds the client report); 10110 extraordinary billable service. */
export const GLOSA_CODES = ['40025', '10110'] as const;
export type GlosaCode = (typeof GLOSA_CODES)[number];

export interface GlosaEntry {
  dispatchId: string;
  code: GlosaCode;
  payload: { [key: string]: JsonValue };
  actor: string;
  at: string;
  idempotencyKey: string;
}

export interface GlosaStore {
  recordGlosa(entry: GlosaEntry): Promise<WriteResult>;
  /** The dispatch's glosas, oldest first. */
  listGlosas(dispatchId: string): Promise<GlosaEntry[]>;
}

export const INCIDENT_KINDS = ['terminal_rejection', 'complaint', 'cost_contingency', 'other'] as const;
export type IncidentKind = (typeof INCIDENT_KINDS)[number];

export interface IncidentEntry {
  dispatchId: string;
  kind: IncidentKind;
  description: string;
  actor: string;
  at: string;
  resolvedAt?: string | null;
  idempotencyKey: string;
}

export interface IncidentStore {
  recordIncident(entry: IncidentEntry): Promise<WriteResult>;
  listIncidents(dispatchId: string): Promise<IncidentEntry[]>;
}

/** An email already sent, keyed by its Message-ID. */
export interface SentMail {
  messageId: string;
  dispatchId: string | null;
  kind: string;
  recipients: string[];
  subject: string;
  sentAt: string;
}

/** Record of emails already sent: a retried activity checks it before sending again. */
export interface SentMailLog {
  wasSent(messageId: string): Promise<boolean>;
  /** Idempotent: marking the same Message-ID twice keeps the first entry. */
  markSent(entry: SentMail): Promise<void>;
}

export const TERMINAL_REQUEST_KINDS = ['appointment', 'bl_assignment', 'container_return', 'proforma', 'liquidation'] as const;
export type TerminalRequestKind = (typeof TERMINAL_REQUEST_KINDS)[number];

/** A request made to a terminal and what the terminal answered. */
export interface AppointmentEntry {
  /** The key sent to the terminal with the request. */
  idempotencyKey: string;
  dispatchId: string;
  terminal: Terminal;
  kind: TerminalRequestKind;
  /** The terminal's reference: booking, proforma or liquidation number. */
  reference: string;
  slot: string | null;
  status: string;
}

export interface AppointmentStore {
  /** Creates the request's row, or updates reference, slot and status of the one with the same key. */
  recordAppointment(entry: AppointmentEntry): Promise<void>;
  listAppointments(dispatchId: string): Promise<AppointmentEntry[]>;
}

/** When a client's status report goes out: days of the week (0 = Sunday) at an hour, America/Lima. */
export interface StatusReportSchedule {
  days: number[];
  hour: number;
  minute?: number;
}

export interface ClientRecord {
  ruc: string;
  name: string;
  contacts: Contact[];
  statusReportRecipients: Contact[];
  statusReportSchedule: StatusReportSchedule | null;
  /** Partial DispatchPolicy (domain/clocks.ts) agreed with the client, durations in ms. */
  deadlineOverrides: { [key: string]: JsonValue };
  extraRequiredDocuments: string[];
  /** Prices (soles, decimal strings) and scope (API action names) of the automatic 10110 services; absent: none. */
  extraServices?: { outOfHoursAmountPen: string; outOfScopeAmountPen: string; scope?: string[] };
  /** Free days agreed with the client, over the terminal's and the line's (domain/money/tariffs.ts); absent: those. */
  costFreeDays?: ClientFreeDays;
  /** The agency fee per dispatch agreed with the client (exact decimal text); absent: not agreed. */
  agencyFee?: { amount: string; currency: 'PEN' | 'USD' };
}

/** Free days of the cost clocks agreed with a client: storage per terminal, detention (the BL's own still wins). */
export interface ClientFreeDays {
  storage?: { APMTC?: number; DPWC?: number };
  detention?: number;
}

export interface ClientDirectory {
  getClient(ruc: string): Promise<ClientRecord | null>;
  upsertClient(client: ClientRecord): Promise<void>;
}

export interface SupervisorRecord extends Contact {
  id: string;
  active: boolean;
  onShift: JsonValue | null;
}

export interface SupervisorRoster {
  activeSupervisors(): Promise<SupervisorRecord[]>;
  /** Creates or updates the supervisor with this email. */
  upsertSupervisor(supervisor: Omit<SupervisorRecord, 'id'>): Promise<SupervisorRecord>;
}

export type Country = 'PE' | 'CO';

/** A non-working day decreed at short notice; `date` is YYYY-MM-DD. */
export interface NonWorkingDay {
  country: Country;
  date: string;
  reason: string;
  createdBy: string;
}

export interface NonWorkingDays {
  /** The country's decreed days, in date order. */
  list(country: Country): Promise<NonWorkingDay[]>;
  /** Idempotent: a day already decreed for the country is kept as first recorded. */
  add(day: NonWorkingDay): Promise<WriteResult>;
}
