/** The report ports over PostgreSQL through Prisma Client: read-only queries on the read model and its records. */
import { billedServiceRows, penAmount } from '../../domain/money/extra-services';
import type { Money } from '../../domain/money/money';
import type { PrismaClient } from '../../prisma/client';
import type { Channel, Contact, Regime, Terminal } from '../../domain/dispatch';
import type { ClientReportLine, PlannedTerminalItem } from '../../domain/reports';
import type { StatusReportSchedule } from '../records/record-store';
import type { ClientReportAgreement, DispatchRef, ReportQueries } from './report-queries';
import { pageOf, type Page } from './scan';

const OPEN = { status: { notIn: ['closed', 'cancelled'] } };
const COMPLAINT_KINDS = ['complaint', 'cost_contingency'];
const REF_FIELDS = { id: true, workflowId: true, clientRuc: true, regime: true } as const;

type Payload = Record<string, unknown>;
const str = (p: Payload, key: string): string | null => (typeof p[key] === 'string' ? (p[key] as string) : null);
// Keyset paging: rows strictly after the page's key, in key order (PostgreSQL compares and sorts the keys alike).
const after = (page: Page) => (page.after === null ? {} : { id: { gt: page.after } });
const byId = (r: { id: string }) => r.id;

const toRef = (r: { id: string; workflowId: string; clientRuc: string; regime: string }): DispatchRef => ({
  dispatchId: r.id,
  workflowId: r.workflowId,
  clientRuc: r.clientRuc,
  regime: r.regime,
});

function toAgreement(row: { ruc: string; name: string; statusReportSchedule: unknown; statusReportRecipients: unknown }): ClientReportAgreement {
  return {
    ruc: row.ruc,
    name: row.name,
    schedule: (row.statusReportSchedule ?? null) as StatusReportSchedule | null,
    recipients: (Array.isArray(row.statusReportRecipients) ? row.statusReportRecipients : []) as Contact[],
  };
}

export function createPrismaReportQueries(prisma: PrismaClient): ReportQueries {
  return {
    async clientReportAgreements() {
      const rows = await prisma.client.findMany({ orderBy: { ruc: 'asc' } });
      return rows.map(toAgreement).filter((a) => a.schedule !== null && a.recipients.length > 0);
    },
    async clientReportAgreement(ruc) {
      const row = await prisma.client.findUnique({ where: { ruc } });
      return row && toAgreement(row);
    },
    async openDispatchLines(ruc, page) {
      const rows = await prisma.dispatch.findMany({
        where: { clientRuc: ruc, ...OPEN, ...after(page) },
        include: { glosas: { where: { code: '40025' }, orderBy: { at: 'desc' }, take: 1 } },
        orderBy: { id: 'asc' },
        take: page.take,
      });
      return pageOf(rows, page, byId, (r): ClientReportLine => {
        const glosa = r.glosas[0];
        const p = (glosa?.payload ?? {}) as Payload;
        return {
          dispatchId: r.id,
          damNumber: r.damNumber,
          regime: r.regime as Regime,
          terminal: r.terminal as Terminal,
          status: r.status,
          channel: ((str(p, 'channel') ?? r.channel) as Channel | null) ?? null,
          eta: str(p, 'eta') ?? r.eta.toISOString(),
          vessel: str(p, 'vessel') ?? r.vessel,
          bl: r.bl,
          note: str(p, 'note'),
          statusAt: glosa ? glosa.at.toISOString() : null,
          ...(Array.isArray(r.plan) ? { plan: r.plan as unknown as NonNullable<ClientReportLine['plan']> } : {}),
        };
      });
    },
    async dispatchesAtRisk(now, page) {
      const at = new Date(now);
      const rows = await prisma.dispatch.findMany({
        where: { ...OPEN, OR: [{ atRisk: true }, { overdue: true }, { nextDeadlineAt: { lte: at } }], ...after(page) },
        orderBy: { id: 'asc' },
        take: page.take,
      });
      return pageOf(rows, page, byId, (r) => ({
        dispatchId: r.id,
        clientRuc: r.clientRuc,
        status: r.status,
        executiveId: r.executiveId,
        nextDeadlineClock: r.nextDeadlineClock,
        nextDeadlineAt: r.nextDeadlineAt && r.nextDeadlineAt.toISOString(),
        atRisk: r.atRisk,
        overdue: r.overdue || (r.nextDeadlineAt !== null && r.nextDeadlineAt <= at),
      }));
    },
    async dispatchesWithComplaints(page) {
      const rows = await prisma.dispatch.findMany({
        where: { status: { not: 'cancelled' }, incidents: { some: { kind: { in: COMPLAINT_KINDS } } }, ...after(page) },
        select: REF_FIELDS,
        orderBy: { id: 'asc' },
        take: page.take,
      });
      return pageOf(rows, page, byId, toRef);
    },
    async openTerminalIncidents(page) {
      const rows = await prisma.incident.findMany({
        where: { kind: 'terminal_rejection', resolvedAt: null, dispatch: OPEN, ...after(page) },
        orderBy: { id: 'asc' },
        take: page.take,
      });
      return pageOf(rows, page, byId, (r) => ({ dispatchId: r.dispatchId, description: r.description, at: r.at.toISOString() }));
    },
    async costAlerts(from, to) {
      const rows = await prisma.dispatch.findMany({
        where: { costNextChargeAt: { gte: new Date(from), lt: new Date(to) }, closedAt: null },
        select: { id: true, clientRuc: true, executiveId: true, costNextChargeAt: true, costs: true },
      });
      return rows.map((r) => ({
        dispatchId: r.id,
        clientRuc: r.clientRuc,
        executiveId: r.executiveId,
        nextChargeAt: r.costNextChargeAt!.toISOString(),
        nextCharge: ((r.costs as { nextCharge?: Money[] } | null)?.nextCharge ?? []),
      }));
    },
    async extraordinaryServices(from, to) {
      const rows = await prisma.glosa.findMany({
        where: { code: '10110', at: { gte: new Date(from), lt: new Date(to) } },
        orderBy: { at: 'asc' },
      });
      // A voided 10110 (and the void itself) no longer bills (money-clocks-2026-12).
      return billedServiceRows(rows).map((r) => {
        const p = r.payload as Payload;
        return { dispatchId: r.dispatchId, description: str(p, 'description') ?? '', reason: str(p, 'reason') ?? '', amountPen: penAmount(p.amountPen), at: r.at.toISOString(), automatic: p.automatic === true };
      });
    },
    async plannedTerminalItems(from, to) {
      const rows = await prisma.appointment.findMany({
        where: { kind: { in: ['appointment', 'container_return'] }, slot: { gte: new Date(from), lt: new Date(to) } },
        orderBy: { slot: 'asc' },
      });
      return rows.map((r): PlannedTerminalItem => ({
        dispatchId: r.dispatchId,
        terminal: r.terminal,
        kind: r.kind as PlannedTerminalItem['kind'],
        reference: r.reference,
        slot: r.slot!.toISOString(),
      }));
    },
    async pendingWithdrawals(page) {
      const rows = await prisma.dispatch.findMany({
        where: { status: { in: ['released', 'withdrawal_in_progress'] }, ...after(page) },
        orderBy: { id: 'asc' },
        take: page.take,
      });
      return pageOf(rows, page, byId, (r) => ({ dispatchId: r.id, clientRuc: r.clientRuc, terminal: r.terminal, status: r.status, bl: r.bl }));
    },
    async temporaryRegimeDispatches(page) {
      const rows = await prisma.dispatch.findMany({
        // Regimes 20/70 run from the levante; a temporary export (41, outbound-regimes-2026-12) from its shipment.
        where: {
          status: { not: 'cancelled' },
          OR: [
            { regime: { in: ['20', '70'] }, statusHistory: { some: { status: 'released' } } },
            { regime: '41', statusHistory: { some: { status: 'shipped' } } },
          ],
          ...after(page),
        },
        select: REF_FIELDS,
        orderBy: { id: 'asc' },
        take: page.take,
      });
      return pageOf(rows, page, byId, toRef);
    },
    async mandatesExpiringBefore(before, page) {
      const rows = await prisma.clientMandate.findMany({
        where: { expiresAt: { lt: new Date(before) }, ...(page.after === null ? {} : { clientRuc: { gt: page.after } }) },
        orderBy: { clientRuc: 'asc' },
        take: page.take,
      });
      const names = await prisma.client.findMany({ where: { ruc: { in: rows.map((r) => r.clientRuc) } }, select: { ruc: true, name: true } });
      const nameOf = new Map(names.map((n) => [n.ruc, n.name]));
      return pageOf(rows, page, (r) => r.clientRuc, (r) => ({ clientRuc: r.clientRuc, clientName: nameOf.get(r.clientRuc) ?? r.clientRuc, expiresAt: r.expiresAt.toISOString() }));
    },
    async escalationCandidates(cutoff, page) {
      const rows = await prisma.dispatch.findMany({
        where: { ...OPEN, OR: [{ overdue: true }, { nextDeadlineAt: { lte: new Date(cutoff) } }], ...after(page) },
        select: REF_FIELDS,
        orderBy: { id: 'asc' },
        take: page.take,
      });
      return pageOf(rows, page, byId, toRef);
    },
  };
}
