/**
 * Levante's Temporal Schedules, kept as data: what runs by itself, when (America/Lima), and under which
 * policies. schedule-sync.ts creates or updates each one in place from these definitions at startup, and the API
 * re-syncs a client's report when its agreement changes. Holidays are not in the specs: every run checks the
 * Peruvian business calendar (national holidays + days decreed at run time) and skips itself, which a spec
 * written at startup could not know.
 */
import type { CalendarSpec, DayOfWeek, IntervalSpec, ScheduleOverlapPolicy } from '@temporalio/client';
import type { Duration } from '@temporalio/common';
import type { Contact } from '../domain/dispatch';
import { DEFAULT_POLICY } from '../domain/clocks';
import { MINUTE } from '../domain/durations';
import { PARTNER_EVALUATION_SCHEDULE_ID } from '../domain/partners/ids';
import type { ClientReportAgreement } from '../activities/reports/report-queries';

export const SCHEDULE_TIME_ZONE = 'America/Lima';

/** Settings of the supervision schedules (data; tests shorten the grace and prefix the ids). */
export interface SupervisionSettings {
  /** Prepended to every schedule id: '' in production, unique per test so tests never share schedules. */
  idPrefix: string;
  /** Operations (programación) mailbox: receives the weekend programming. */
  operationsRecipients: Contact[];
  escalationGraceMs: number;
  escalationRecheckEvery: Duration;
  regimeHorizonDays: number;
  mandateHorizonDays: number;
}

export const DEFAULT_SUPERVISION_SETTINGS: SupervisionSettings = {
  idPrefix: '',
  operationsRecipients: [{ name: 'Operaciones', email: 'operaciones@agencia.example.pe' }],
  escalationGraceMs: 10 * MINUTE,
  escalationRecheckEvery: '15 minutes',
  regimeHorizonDays: 90,
  mandateHorizonDays: 30,
};

export interface SchedulePolicies {
  overlap: ScheduleOverlapPolicy;
  catchupWindow: Duration;
  pauseOnFailure: boolean;
}

export interface ScheduleDefinition {
  scheduleId: string;
  workflowType: string;
  args: [Record<string, unknown>];
  calendars?: CalendarSpec[];
  intervals?: IntervalSpec[];
  policies: SchedulePolicies;
  /** Bounds one run (its activities retry until then); a run past it fails and pause-on-failure applies. */
  executionTimeout: Duration;
  /** Spanish one-liner: the schedule's note and the static summary of each run in Temporal Web. */
  summary: string;
}

const DAYS: DayOfWeek[] = ['SUNDAY', 'MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY'];
const WEEKDAYS: DayOfWeek[] = DAYS.slice(1, 6);

/** Schedule id of a client's status report. */
export const clientReportScheduleId = (ruc: string, prefix = '') => `${prefix}client-report-${ruc}`;

/** The fixed schedules: supervisor digest, weekend programming, expiry sweep, escalation re-check. */
export function fixedDefinitions(s: SupervisionSettings): ScheduleDefinition[] {
  const id = (name: string) => `${s.idPrefix}${name}`;
  return [
    {
      scheduleId: id('supervisor-digest'),
      workflowType: 'supervisorDigestWorkflow',
      args: [{ scheduleId: id('supervisor-digest') }],
      calendars: [{ dayOfWeek: WEEKDAYS, hour: 8, minute: 0, comment: 'fin del turno noche (22:00–08:00)' }],
      // SKIP: two digests of one shift at once would only duplicate the news. Catch-up 2 h: a digest later than
      // 10:00 finds the day shift already at work and tomorrow's covers the same risks. No pause on failure: one
      // failed morning must not silence the next ones.
      policies: { overlap: 'SKIP', catchupWindow: '2 hours', pauseOnFailure: false },
      executionTimeout: '1 hour',
      summary: 'Resumen del turno noche para supervisión',
    },
    {
      scheduleId: id('weekend-programming'),
      workflowType: 'weekendProgrammingWorkflow',
      args: [{ scheduleId: id('weekend-programming'), recipients: s.operationsRecipients }],
      // Wednesday to Friday at 15:00: the run decides whether it is the last business day before the weekend
      // (Thursday when Friday is a holiday, Wednesday in Holy Week), so Operations always gets it once.
      calendars: [{ dayOfWeek: ['WEDNESDAY', 'THURSDAY', 'FRIDAY'], hour: 15, minute: 0, comment: 'último día hábil antes del fin de semana' }],
      // BUFFER_ONE: never two at once, but a run queued behind a slow one still goes out. Catch-up 12 h: still
      // useful on Friday night; after that the weekend has begun. No pause on failure: next week's must go.
      policies: { overlap: 'BUFFER_ONE', catchupWindow: '12 hours', pauseOnFailure: false },
      executionTimeout: '4 hours',
      summary: 'Programación de fin de semana para Operaciones',
    },
    {
      scheduleId: id('expiry-sweep'),
      workflowType: 'expirySweepWorkflow',
      args: [{ scheduleId: id('expiry-sweep'), regimeHorizonDays: s.regimeHorizonDays, mandateHorizonDays: s.mandateHorizonDays, reminderDays: DEFAULT_POLICY.regimeExpiryRemindersDays }],
      calendars: [{ dayOfWeek: WEEKDAYS, hour: 7, minute: 30, comment: 'barrido de vencimientos (respaldo)' }],
      // SKIP and a 1-day catch-up: a sweep a day late still catches what the per-dispatch reminders missed;
      // the next one repeats the whole picture anyway. No pause on failure: it is a safety net.
      policies: { overlap: 'SKIP', catchupWindow: '1 day', pauseOnFailure: false },
      executionTimeout: '4 hours',
      summary: 'Barrido de vencimientos de regímenes y mandatos',
    },
    {
      scheduleId: id('escalation-recheck'),
      workflowType: 'escalationRecheckWorkflow',
      args: [{ scheduleId: id('escalation-recheck'), graceMs: s.escalationGraceMs }],
      intervals: [{ every: s.escalationRecheckEvery }],
      // SKIP: a re-check still running covers the next slot. Catch-up equal to the interval: after an outage one
      // re-check is enough, not one per missed slot. Never paused on failure: a safety net that stops itself
      // would hide exactly the outages it exists for. Runs on holidays too (escalations do not wait).
      policies: { overlap: 'SKIP', catchupWindow: s.escalationRecheckEvery, pauseOnFailure: false },
      executionTimeout: '10 minutes',
      summary: 'Re-verificación de escalamientos no enviados',
    },
    {
      scheduleId: id('administration-report'),
      workflowType: 'administrationReportWorkflow',
      args: [{ scheduleId: id('administration-report') }],
      calendars: [{ dayOfWeek: WEEKDAYS, hour: 17, minute: 30, comment: 'cierre del día de Administración' }],
      // SKIP: two reports of one day would only repeat it. Catch-up 12 h: still useful that night; the next
      // business day's report repeats the whole picture. No pause on failure: tomorrow's must go out.
      policies: { overlap: 'SKIP', catchupWindow: '12 hours', pauseOnFailure: false },
      executionTimeout: '1 hour',
      summary: 'Reporte diario de Administración: anticipos, abonos y pendientes de facturar',
    },
    {
      scheduleId: id('inbound-mail'),
      workflowType: 'inboundMailWorkflow',
      args: [{ scheduleId: id('inbound-mail') }],
      intervals: [{ every: '1 minute' }],
      // SKIP: a fetch still running covers the next minute. Catch-up 1 min: after an outage one fetch reads
      // everything since the cursor. Never paused: clients' emails must keep arriving. Runs on holidays too.
      policies: { overlap: 'SKIP', catchupWindow: '1 minute', pauseOnFailure: false },
      executionTimeout: '10 minutes',
      summary: 'Lectura del buzón de correo entrante',
    },
    {
      scheduleId: id('shift-handover'),
      workflowType: 'shiftHandoverWorkflow',
      args: [{ scheduleId: id('shift-handover') }],
      // Every day at the two shift changes of the seed (night 22:00–08:00, day from 08:00): the run reads the
      // shifts (data) and sends nothing when no shift starts then (Saturday 08:00, Sunday), as the shifts are.
      calendars: [
        { hour: 8, minute: 0, comment: 'entrega de turno: noche → día (08:00)' },
        { hour: 22, minute: 0, comment: 'entrega de turno: tarde → noche (22:00)' },
      ],
      // SKIP: one handover per shift change. Catch-up 1 h: a handover later than that finds the shift already
      // working from the board. No pause on failure: the next shift change must still get its handover.
      policies: { overlap: 'SKIP', catchupWindow: '1 hour', pauseOnFailure: false },
      executionTimeout: '30 minutes',
      summary: 'Entrega de turno al turno entrante',
    },
    {
      scheduleId: id('partner-contract-expiry'),
      workflowType: 'partnerContractExpiryWorkflow',
      args: [{ scheduleId: id('partner-contract-expiry') }],
      calendars: [{ dayOfWeek: WEEKDAYS, hour: 8, minute: 0, comment: 'contratos con aliados por vencer' }],
      // SKIP and a 3-day catch-up: a reminder a few days late still leaves time to renew (thresholds are weeks
      // apart, each reminder keyed and sent once). No pause on failure: tomorrow's run repeats what is due.
      policies: { overlap: 'SKIP', catchupWindow: '3 days', pauseOnFailure: false },
      executionTimeout: '1 hour',
      summary: 'Recordatorio de contratos con aliados por vencer',
    },
    partnerEvaluationDefinition(id(PARTNER_EVALUATION_SCHEDULE_ID)),
  ];
}

/**
 * Yearly performance evaluation of every active alliance partner (Colombia), for the previous calendar year:
 * 15 January 08:00 (Lima and Bogotá share UTC−5), once the year's last operations and non-conformities are in.
 */
export function partnerEvaluationDefinition(scheduleId: string): ScheduleDefinition {
  return {
    scheduleId,
    workflowType: 'annualPartnerEvaluationsWorkflow',
    args: [{ requestedBy: 'schedule' }],
    calendars: [{ month: 'JANUARY', dayOfMonth: 15, hour: 8, minute: 0, comment: 'evaluación anual de aliados (año anterior)' }],
    // SKIP: one evaluation run at a time (children are idempotent by partner and year anyway). Catch-up 7 days:
    // an evaluation a few days late is still the year's record. Pause on failure: a failed annual run needs a person.
    policies: { overlap: 'SKIP', catchupWindow: '7 days', pauseOnFailure: true },
    executionTimeout: '1 day',
    summary: 'Evaluación anual de desempeño de los aliados en Colombia',
  };
}

/** A client's status report schedule, or null when the client agreed none (no schedule or no recipients). */
export function clientReportDefinition(a: ClientReportAgreement, s: SupervisionSettings): ScheduleDefinition | null {
  const days = [...new Set(a.schedule?.days ?? [])].filter((d) => Number.isInteger(d) && d >= 0 && d <= 6).sort().map((d) => DAYS[d]!);
  if (!a.schedule || days.length === 0 || a.recipients.length === 0) return null;
  const scheduleId = clientReportScheduleId(a.ruc, s.idPrefix);
  return {
    scheduleId,
    workflowType: 'clientStatusReportWorkflow',
    args: [{ scheduleId, clientRuc: a.ruc }],
    calendars: [{ dayOfWeek: days, hour: a.schedule.hour, minute: a.schedule.minute ?? 0, comment: `reporte de estado acordado con ${a.name}` }],
    // BUFFER_ONE: a report never runs beside another for the same client, yet one queued behind a slow run still
    // goes out. Catch-up 6 h: a morning report sent by early afternoon still helps (its content is current);
    // later, the next agreed day is better than a stale one. Pause on failure: a run only fails after hours of
    // retries or on a business error (e.g. a rejected recipient), which needs a person; the schedule shows as
    // paused in Temporal Web and resumes when the client's agreement is next saved.
    policies: { overlap: 'BUFFER_ONE', catchupWindow: '6 hours', pauseOnFailure: true },
    executionTimeout: '3 hours',
    summary: `Reporte de estado para ${a.name} (RUC ${a.ruc})`,
  };
}

