/**
 * The record-store ports over PostgreSQL through Prisma Client. Idempotency rests on unique keys in the database
 * (createMany skipDuplicates = INSERT … ON CONFLICT DO NOTHING, and native upserts), never on read-then-write,
 * so concurrent retries of one activity still leave one row.
 */
import type { PlanRow } from '../../domain/imports/plan';
import { Prisma, type PrismaClient } from '../../prisma/client';
import type {
  AppointmentEntry,
  AppointmentStore,
  ClientDirectory,
  ClientRecord,
  Country,
  DispatchReadModel,
  DispatchRecord,
  GlosaEntry,
  GlosaStore,
  IncidentEntry,
  IncidentStore,
  JsonValue,
  NonWorkingDay,
  NonWorkingDays,
  SentMail,
  SentMailLog,
  StatusChange,
  StoredDispatchRecord,
  SupervisorRecord,
  SupervisorRoster,
  WriteResult,
} from './record-store';

/** Every record-store port, as implemented over Prisma. */
export type PrismaRecordStore = DispatchReadModel & GlosaStore & IncidentStore & SentMailLog & AppointmentStore & ClientDirectory &
  SupervisorRoster & NonWorkingDays;

/** Pauses between attempts to log a message the SMTP server already accepted (about 30 s in all). */
const MARK_SENT_PAUSES_MS = [500, 1_000, 2_000, 4_000, 8_000, 15_000];

/** Builds every record-store port over one PrismaClient (built once per worker in the composition root). */
export function createPrismaRecordStore(prisma: PrismaClient): PrismaRecordStore {
  return {
    async upsertDispatch(record) {
      const data = dispatchData(record);
      await prisma.$transaction([
        // The directory owns client details: only create a placeholder from the dispatch when it is missing.
        prisma.client.createMany({ data: [{ ruc: record.clientRuc, name: record.clientName }], skipDuplicates: true }),
        prisma.dispatch.upsert({ where: { id: record.dispatchId }, create: data, update: data }),
      ]);
    },
    async appendStatus(change) {
      const { count } = await prisma.statusHistory.createMany({
        data: [{ ...change, note: change.note ?? null, at: date(change.at) }],
        skipDuplicates: true,
      });
      return recorded(count);
    },
    async get(dispatchId) {
      const row = await prisma.dispatch.findUnique({ where: { id: dispatchId }, include: { client: { select: { name: true } } } });
      return row && toDispatchRecord(row);
    },
    async history(dispatchId) {
      const rows = await prisma.statusHistory.findMany({ where: { dispatchId }, orderBy: [{ at: 'asc' }, { idempotencyKey: 'asc' }] });
      return rows.map(({ id: _id, at, ...row }): StatusChange => ({ ...row, at: iso(at) }));
    },

    async recordGlosa(entry) {
      const { count } = await prisma.glosa.createMany({
        data: [{ ...entry, payload: entry.payload as Prisma.InputJsonObject, at: date(entry.at) }],
        skipDuplicates: true,
      });
      return recorded(count);
    },
    async listGlosas(dispatchId) {
      const rows = await prisma.glosa.findMany({ where: { dispatchId }, orderBy: { at: 'asc' } });
      return rows.map(({ id: _id, at, code, payload, ...row }): GlosaEntry => ({
        ...row,
        code: code as GlosaEntry['code'],
        payload: payload as GlosaEntry['payload'],
        at: iso(at),
      }));
    },

    async recordIncident(entry) {
      const { count } = await prisma.incident.createMany({
        data: [{ ...entry, at: date(entry.at), resolvedAt: optionalDate(entry.resolvedAt) }],
        skipDuplicates: true,
      });
      return recorded(count);
    },
    async listIncidents(dispatchId) {
      const rows = await prisma.incident.findMany({ where: { dispatchId }, orderBy: { at: 'asc' } });
      return rows.map(({ id: _id, at, resolvedAt, kind, ...row }): IncidentEntry => ({
        ...row,
        kind: kind as IncidentEntry['kind'],
        at: iso(at),
        resolvedAt: resolvedAt && iso(resolvedAt),
      }));
    },

    async wasSent(messageId) {
      return (await prisma.emailSent.findUnique({ where: { messageId }, select: { messageId: true } })) !== null;
    },
    // Called right after the SMTP server accepted a message: if this write failed and the activity retried, the
    // retry would find nothing in the log and send the message again. So it holds on through a short database
    // outage (a restart takes seconds) before giving up: about 30 s, inside the email activities' 1-minute timeout.
    async markSent(entry: SentMail) {
      const write = () => prisma.emailSent.createMany({ data: [{ ...entry, sentAt: date(entry.sentAt) }], skipDuplicates: true });
      for (const pauseMs of MARK_SENT_PAUSES_MS) {
        try {
          await write();
          return;
        } catch {
          await new Promise((resolve) => setTimeout(resolve, pauseMs));
        }
      }
      await write();
    },

    async recordAppointment(entry) {
      const data = { ...entry, slot: optionalDate(entry.slot) };
      const { reference, slot, status } = data;
      await prisma.appointment.upsert({ where: { idempotencyKey: entry.idempotencyKey }, create: data, update: { reference, slot, status } });
    },
    async listAppointments(dispatchId) {
      const rows = await prisma.appointment.findMany({ where: { dispatchId }, orderBy: { createdAt: 'asc' } });
      return rows.map((row): AppointmentEntry => ({
        idempotencyKey: row.idempotencyKey,
        dispatchId: row.dispatchId,
        terminal: row.terminal as AppointmentEntry['terminal'],
        kind: row.kind as AppointmentEntry['kind'],
        reference: row.reference,
        slot: row.slot && iso(row.slot),
        status: row.status,
      }));
    },

    async getClient(ruc) {
      const row = await prisma.client.findUnique({ where: { ruc } });
      if (!row) return null;
      return {
        ruc: row.ruc,
        name: row.name,
        contacts: row.contacts as unknown as ClientRecord['contacts'],
        statusReportRecipients: row.statusReportRecipients as unknown as ClientRecord['statusReportRecipients'],
        statusReportSchedule: row.statusReportSchedule as unknown as ClientRecord['statusReportSchedule'],
        deadlineOverrides: row.deadlineOverrides as ClientRecord['deadlineOverrides'],
        extraRequiredDocuments: row.extraRequiredDocuments as ClientRecord['extraRequiredDocuments'],
        ...(row.extraServices ? { extraServices: row.extraServices as unknown as ClientRecord['extraServices'] } : {}),
        ...(row.costFreeDays ? { costFreeDays: row.costFreeDays as unknown as ClientRecord['costFreeDays'] } : {}),
        ...(row.agencyFee ? { agencyFee: row.agencyFee as unknown as ClientRecord['agencyFee'] } : {}),
      };
    },
    async upsertClient(client) {
      const data = {
        ...client,
        contacts: json(client.contacts),
        statusReportRecipients: json(client.statusReportRecipients),
        statusReportSchedule: client.statusReportSchedule === null ? Prisma.DbNull : json(client.statusReportSchedule),
        deadlineOverrides: json(client.deadlineOverrides),
        extraRequiredDocuments: json(client.extraRequiredDocuments),
        extraServices: client.extraServices ? json(client.extraServices) : Prisma.DbNull,
        costFreeDays: client.costFreeDays ? json(client.costFreeDays) : Prisma.DbNull,
        agencyFee: client.agencyFee ? json(client.agencyFee) : Prisma.DbNull,
      };
      await prisma.client.upsert({ where: { ruc: client.ruc }, create: data, update: data });
    },

    async activeSupervisors() {
      const rows = await prisma.supervisor.findMany({ where: { active: true }, orderBy: { name: 'asc' } });
      return rows.map(toSupervisor);
    },
    async upsertSupervisor(supervisor) {
      const data = { ...supervisor, onShift: supervisor.onShift === null ? Prisma.DbNull : json(supervisor.onShift) };
      return toSupervisor(await prisma.supervisor.upsert({ where: { email: supervisor.email }, create: data, update: data }));
    },

    async list(country: Country) {
      const rows = await prisma.nonWorkingDay.findMany({ where: { country }, orderBy: { date: 'asc' } });
      return rows.map((row): NonWorkingDay => ({
        country: row.country as Country,
        date: iso(row.date).slice(0, 10),
        reason: row.reason,
        createdBy: row.createdBy,
      }));
    },
    async add(day) {
      const { count } = await prisma.nonWorkingDay.createMany({
        data: [{ ...day, date: date(`${day.date}T00:00:00.000Z`) }],
        skipDuplicates: true,
      });
      return recorded(count);
    },
  };
}

function dispatchData(record: DispatchRecord) {
  const { dispatchId, clientName: _clientName, eta, nextDeadlineAt, openedAt, closedAt, plan, costNextChargeAt, costs, ...rest } = record;
  return {
    ...rest,
    // Absent (dispatches without a plan) leaves the column as it is; null clears it.
    ...(plan === undefined ? {} : { plan: plan === null ? Prisma.DbNull : json(plan) }),
    ...(costNextChargeAt !== undefined ? { costNextChargeAt: optionalDate(costNextChargeAt) } : {}),
    ...(costs !== undefined ? { costs: costs === null ? Prisma.DbNull : (costs as unknown as Prisma.InputJsonObject) } : {}),
    id: dispatchId,
    eta: date(eta),
    nextDeadlineAt: optionalDate(nextDeadlineAt),
    openedAt: date(openedAt),
    closedAt: optionalDate(closedAt),
  };
}

type DispatchRow = Awaited<ReturnType<PrismaClient['dispatch']['findUniqueOrThrow']>> & { client: { name: string } };

function toDispatchRecord(row: DispatchRow): StoredDispatchRecord {
  return {
    dispatchId: row.id,
    workflowId: row.workflowId,
    clientRuc: row.clientRuc,
    clientName: row.client.name,
    direction: row.direction as DispatchRecord['direction'],
    regime: row.regime as DispatchRecord['regime'],
    modality: row.modality as DispatchRecord['modality'],
    terminal: row.terminal as DispatchRecord['terminal'],
    status: row.status,
    channel: row.channel as DispatchRecord['channel'],
    damNumber: row.damNumber,
    vessel: row.vessel,
    eta: iso(row.eta),
    bl: row.bl,
    goods: row.goods,
    restrictedGoods: row.restrictedGoods,
    executiveId: row.executiveId,
    executiveName: row.executiveName,
    executiveEmail: row.executiveEmail,
    nextDeadlineAt: row.nextDeadlineAt && iso(row.nextDeadlineAt),
    nextDeadlineClock: row.nextDeadlineClock,
    atRisk: row.atRisk,
    overdue: row.overdue,
    openedAt: iso(row.openedAt),
    closedAt: row.closedAt && iso(row.closedAt),
    ...(row.plan ? { plan: row.plan as unknown as PlanRow[] } : {}),
    // Money columns (money-clocks-2026-12) only on rows that have them: older rows read as before.
    ...(row.waitingForFunds || row.costs !== null
      ? { waitingForFunds: row.waitingForFunds, costNextChargeAt: row.costNextChargeAt && iso(row.costNextChargeAt), costs: row.costs as DispatchRecord['costs'] }
      : {}),
    updatedAt: iso(row.updatedAt),
  };
}

function toSupervisor(row: { id: string; name: string; email: string; active: boolean; onShift: unknown }): SupervisorRecord {
  return { id: row.id, name: row.name, email: row.email, active: row.active, onShift: (row.onShift ?? null) as JsonValue };
}

function recorded(count: number): WriteResult {
  return { recorded: count > 0 };
}

function json(value: JsonValue | object): Prisma.InputJsonValue {
  return value as Prisma.InputJsonValue;
}

/** Parses an ISO instant; a malformed one is a caller bug, reported with the value instead of Prisma's message. */
function date(value: string): Date {
  const parsed = new Date(value);
  if (Number.isNaN(parsed.getTime())) throw new RangeError(`not an ISO date: "${value}"`);
  return parsed;
}

function optionalDate(value: string | null | undefined): Date | null {
  return value === null || value === undefined ? null : date(value);
}

function iso(value: Date): string {
  return value.toISOString();
}
