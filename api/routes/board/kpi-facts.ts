/**
 * Gathers the facts the KPIs need from PostgreSQL (read model, status history, incidents, glosas and the audit
 * trail for what the read model does not keep: the end of discharge and when a complaint was reported), so the
 * computation in domain/kpis stays pure.
 */
import { billedServiceRows, penAmount } from '../../../domain/money/extra-services';
import { mergeHolidays, peruCalendar } from '../../../domain/calendar';
import { complaintEscalationDueAt, DEFAULT_POLICY, resolvePolicy, type DispatchPolicy } from '../../../domain/clocks';
import type { ComplaintFacts, CostClockFacts, DispatchFacts, Period, ServiceFacts } from '../../../domain/kpis/kpis';
import { nationalHolidays } from '../../../activities/calendar/holidays';
import type { Prisma } from '../../../prisma/client';
import type { Board } from './board-context';

export interface KpiFilters {
  executive?: string;
  client?: string;
  terminal?: string;
}

/** Facts are bounded: a period's page of the board reads at most this many dispatches. */
const MAX_DISPATCHES = 5_000;

type Json = Record<string, unknown>;
const obj = (v: unknown): Json => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Json) : {});
const str = (v: unknown) => (typeof v === 'string' ? v : undefined);

/** When an audited action happened: its `occurredAt` when the operator gave one, else when it was recorded. */
function auditedAt(row: { at: Date; details: unknown }): string {
  return str(obj(obj(row.details).body).occurredAt) ?? row.at.toISOString();
}
const succeeded = (row: { details: unknown }) => obj(row.details).status === 200 || obj(row.details).status === 202;

export async function gatherKpiFacts(
  board: Board,
  period: Period,
  f: KpiFilters,
): Promise<{ dispatches: DispatchFacts[]; complaints: ComplaintFacts[]; services: ServiceFacts[]; costClocks: CostClockFacts[] }> {
  const { prisma } = board.deps;
  const from = new Date(period.from);
  const to = new Date(period.to);
  const where: Prisma.DispatchWhereInput = {
    ...(f.executive ? { executiveId: f.executive } : {}),
    ...(f.client ? { clientRuc: f.client } : {}),
    ...(f.terminal ? { terminal: f.terminal } : {}),
  };
  const rows = await prisma.dispatch.findMany({
    where: { ...where, statusHistory: { some: { at: { gte: from, lt: to } } } },
    include: { statusHistory: { select: { status: true, at: true }, orderBy: { at: 'asc' } }, client: { select: { deadlineOverrides: true } } },
    orderBy: { id: 'asc' },
    take: MAX_DISPATCHES,
  });
  const ids = rows.map((r) => r.id);
  const discharge = await prisma.auditEvent.findMany({ where: { action: 'dispatch.discharge-ended', target: { in: ids } }, orderBy: { at: 'asc' } });
  const dischargeAt = new Map(discharge.filter(succeeded).map((a) => [a.target, auditedAt(a)]));
  const dispatches = rows.map((r): DispatchFacts => {
    const policy: DispatchPolicy = resolvePolicy(obj(r.client.deadlineOverrides) as Partial<DispatchPolicy>);
    const statusAt: Record<string, string> = {};
    for (const s of r.statusHistory) statusAt[s.status] ??= s.at.toISOString();
    return {
      dispatchId: r.id,
      executiveId: r.executiveId,
      clientRuc: r.clientRuc,
      terminal: r.terminal,
      channel: r.channel,
      statusAt,
      dischargeEndedAt: dischargeAt.get(r.id),
      modality: r.modality,
      direction: r.direction,
      reviewMs: policy.documentReviewMs,
      draftMs: policy.damDraftMs,
      regularizationTargetMs: r.direction === 'export' ? policy.exportRegularizationTargetMs : policy.sadaRegularizationTargetMs,
    };
  });

  const incidents = await prisma.incident.findMany({ where: { kind: { in: ['complaint', 'cost_contingency'] }, at: { gte: from, lt: to }, dispatch: where }, orderBy: { at: 'asc' }, take: MAX_DISPATCHES });
  const reports = await prisma.auditEvent.findMany({ where: { action: 'dispatch.complaint-reported', target: { in: [...new Set(incidents.map((i) => i.dispatchId))] } } });
  const reportedAt = new Map(reports.filter(succeeded).map((a) => [`${a.target}/${str(obj(obj(a.details).body).complaintId)}`, auditedAt(a)]));
  const years = [...new Set([from.getUTCFullYear(), to.getUTCFullYear()])];
  const decreed = (await board.deps.store.list('PE')).map((d) => d.date);
  const calendar = peruCalendar(mergeHolidays(nationalHolidays('PE', years), decreed));
  const complaints = incidents.map((i): ComplaintFacts => {
    // The incident's key ends with the complaint's id (…/incident/REC-3), which the report action names.
    const complaintId = i.idempotencyKey.split('/').at(-1) ?? '';
    const at = i.at.toISOString();
    return {
      dispatchId: i.dispatchId,
      kind: i.kind as ComplaintFacts['kind'],
      category: i.description.split(':')[0] ?? 'other',
      at,
      dueAt: complaintEscalationDueAt(calendar, at, DEFAULT_POLICY),
      reportedAt: reportedAt.get(`${i.dispatchId}/${complaintId}`),
    };
  });

  const glosas = await prisma.glosa.findMany({ where: { code: '10110', at: { gte: from, lt: to }, dispatch: where }, orderBy: { at: 'asc' }, take: MAX_DISPATCHES });
  // Voided services do not bill; amounts are decimal strings on new dispatches (KPIs show them as figures).
  const services = billedServiceRows(glosas).map((g): ServiceFacts => {
    const amount = penAmount(obj(g.payload).amountPen);
    return { dispatchId: g.dispatchId, at: g.at.toISOString(), amountPen: amount === null ? null : Number(amount) };
  });
  // Cost clocks (money-clocks-2026-12): the read model keeps each dispatch's clocks with their figures.
  const costClocks = rows.flatMap((r) => ((r.costs as { clocks?: CostClockFacts[] } | null)?.clocks ?? []));
  return { dispatches, complaints, services, costClocks };
}
