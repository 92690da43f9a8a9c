/** The partner-store ports over PostgreSQL through Prisma Client; idempotency rests on unique keys and upserts. */
import { Prisma, type PrismaClient } from '../../prisma/client';
import type { OperationDirection } from '../../domain/partners/contract';
import type { Contact } from '../../domain/dispatch';
import type { Evidence } from '../../domain/partners/corrective-action';
import type { PartnerEvaluation } from '../../domain/partners/evaluation';
import type { CustomsOffice, Milestone, Partner, ServiceTimes } from '../../domain/partners/partner';
import { pageOf } from '../reports/scan';
import type { ExternalOperationRecord, MilestoneSample, NonConformityRecord, PartnerStore, SampleFilter } from './partner-store';

const SECOND = 1000;
const iso = (d: Date) => d.toISOString();
const isoOrNull = (d: Date | null) => (d ? iso(d) : null);
const dateOrNull = (s: string | null | undefined) => (s ? new Date(s) : null);
const json = (v: unknown) => v as Prisma.InputJsonValue;

function range(from?: string, to?: string) {
  return from || to ? { ...(from ? { gte: new Date(from) } : {}), ...(to ? { lt: new Date(to) } : {}) } : undefined;
}

const sampleWhere = (f: SampleFilter) => ({
  partnerId: f.partnerId, office: f.office, milestone: f.milestone, reportedAt: range(f.from, f.to),
  ...(f.direction ? { operation: { direction: f.direction } } : {}),
});

function toSample(r: Awaited<ReturnType<PrismaClient['operationMilestone']['findUniqueOrThrow']>>): MilestoneSample {
  return {
    doNumber: r.doNumber,
    partnerId: r.partnerId,
    office: r.office as CustomsOffice,
    milestone: r.milestone as Milestone,
    startedAt: iso(r.startedAt),
    reportedAt: iso(r.reportedAt),
    dueAt: iso(r.dueAt),
    serviceMs: r.serviceSeconds * SECOND,
    targetMs: r.targetSeconds * SECOND,
    onTime: r.onTime,
    reportedBy: r.reportedBy,
  };
}

export function createPrismaPartnerStore(prisma: PrismaClient): PartnerStore {
  return {
    async getPartner(partnerId) {
      const row = await prisma.partner.findUnique({ where: { id: partnerId }, include: { offices: true } });
      return row && toPartner(row);
    },
    async listPartners(filter = {}) {
      const rows = await prisma.partner.findMany({
        where: { active: filter.active, ...(filter.office ? { offices: { some: { office: filter.office } } } : {}) },
        include: { offices: true },
        orderBy: { id: 'asc' },
      });
      return rows.map(toPartner);
    },
    async upsertPartner(p) {
      const data = { name: p.name, nit: p.nit, contacts: json(p.contacts), accountManager: json(p.accountManager), active: p.active };
      await prisma.$transaction([
        prisma.partner.upsert({ where: { id: p.partnerId }, create: { id: p.partnerId, ...data }, update: data }),
        prisma.partnerOffice.deleteMany({ where: { partnerId: p.partnerId } }),
        prisma.partnerOffice.createMany({
          data: p.offices.map((o) => ({ partnerId: p.partnerId, office: o.office, serviceTimes: json(o.serviceTimes) })),
        }),
      ]);
    },

    async upsertOperation(r) {
      const data = { ...r, nextDueAt: dateOrNull(r.nextDueAt), assignedAt: new Date(r.assignedAt), closedAt: dateOrNull(r.closedAt) };
      await prisma.externalOperation.upsert({ where: { doNumber: r.doNumber }, create: data, update: data });
    },
    async getOperation(doNumber) {
      const row = await prisma.externalOperation.findUnique({ where: { doNumber } });
      return row && toOperation(row);
    },
    async listOperations(filter) {
      const rows = await prisma.externalOperation.findMany({
        where: { partnerId: filter.partnerId, status: filter.status },
        orderBy: { assignedAt: 'desc' },
        take: filter.limit ?? 100,
      });
      return rows.map(toOperation);
    },
    async recordMilestone(s) {
      const { serviceMs, targetMs, ...rest } = s;
      await prisma.operationMilestone.createMany({
        data: [{
          ...rest,
          startedAt: new Date(s.startedAt),
          reportedAt: new Date(s.reportedAt),
          dueAt: new Date(s.dueAt),
          serviceSeconds: Math.round(serviceMs / SECOND),
          targetSeconds: Math.round(targetMs / SECOND),
        }],
        skipDuplicates: true,
      });
    },
    async listSamples(f) {
      const rows = await prisma.operationMilestone.findMany({
        where: sampleWhere(f),
        orderBy: [{ reportedAt: 'asc' }, { doNumber: 'asc' }],
      });
      return rows.map(toSample);
    },
    async listSamplesPage(f, page) {
      const rows = await prisma.operationMilestone.findMany({
        where: { ...sampleWhere(f), ...(page.after === null ? {} : { id: { gt: page.after } }) },
        orderBy: { id: 'asc' },
        take: page.take,
      });
      return pageOf(rows, page, (r) => r.id, toSample);
    },
    async countOperations(f) {
      return prisma.externalOperation.count({ where: { partnerId: f.partnerId, assignedAt: range(f.from, f.to) } });
    },

    async upsertNonConformity(r) {
      const data = {
        id: r.ncId,
        workflowId: r.workflowId,
        partnerId: r.partnerId,
        source: r.source,
        description: r.description,
        doNumber: r.doNumber,
        office: r.office,
        milestone: r.milestone,
        openedAt: new Date(r.openedAt),
        openedBy: r.openedBy,
        ownerName: r.owner.name,
        ownerEmail: r.owner.email,
        dueAt: new Date(r.dueAt),
        status: r.status,
        actionPlan: r.actionPlan,
        closedAt: dateOrNull(r.closedAt),
        closedBy: r.closedBy,
        evidence: r.evidence ? json(r.evidence) : Prisma.DbNull,
      };
      await prisma.nonConformity.upsert({ where: { id: r.ncId }, create: data, update: data });
    },
    async getNonConformity(ncId) {
      const row = await prisma.nonConformity.findUnique({ where: { id: ncId } });
      return row && toNonConformity(row);
    },
    async listNonConformities(f) {
      const rows = await prisma.nonConformity.findMany({
        where: { partnerId: f.partnerId, status: f.status, openedAt: range(f.from, f.to) },
        orderBy: { openedAt: 'asc' },
      });
      return rows.map(toNonConformity);
    },

    async saveEvaluation(r) {
      const e = r.evaluation;
      const data = { partnerId: e.partnerId, year: e.year, score: e.score, rating: e.rating, metrics: json(e), reportText: r.reportText, requestedBy: r.requestedBy };
      await prisma.partnerEvaluation.upsert({ where: { id: r.evaluationId }, create: { id: r.evaluationId, ...data }, update: data });
    },
    async listEvaluations(partnerId) {
      const rows = await prisma.partnerEvaluation.findMany({ where: { partnerId }, orderBy: [{ year: 'desc' }, { createdAt: 'desc' }] });
      return rows.map((r) => ({
        evaluationId: r.id,
        evaluation: r.metrics as unknown as PartnerEvaluation,
        reportText: r.reportText,
        requestedBy: r.requestedBy,
        createdAt: iso(r.createdAt),
      }));
    },

    async activeManagers() {
      const rows = await prisma.managementContact.findMany({ where: { active: true }, orderBy: { email: 'asc' } });
      return rows.map((r) => ({ name: r.name, email: r.email }));
    },
    async upsertManager(c) {
      const data = { name: c.name, email: c.email.toLowerCase(), active: c.active ?? true };
      await prisma.managementContact.upsert({ where: { email: data.email }, create: data, update: data });
    },
  };
}

type PartnerRow = Awaited<ReturnType<PrismaClient['partner']['findUniqueOrThrow']>> & {
  offices: { office: string; serviceTimes: unknown }[];
};

function toPartner(row: PartnerRow): Partner {
  return {
    partnerId: row.id,
    name: row.name,
    nit: row.nit,
    contacts: row.contacts as unknown as Contact[],
    accountManager: row.accountManager as unknown as Contact,
    active: row.active,
    offices: row.offices
      .map((o) => ({ office: o.office as CustomsOffice, serviceTimes: o.serviceTimes as ServiceTimes }))
      .sort((a, b) => a.office.localeCompare(b.office)),
  };
}

function toOperation(row: Awaited<ReturnType<PrismaClient['externalOperation']['findUniqueOrThrow']>>): ExternalOperationRecord {
  return {
    doNumber: row.doNumber,
    workflowId: row.workflowId,
    partnerId: row.partnerId,
    office: row.office as CustomsOffice,
    dispatchId: row.dispatchId,
    direction: row.direction as OperationDirection,
    status: row.status,
    aforo: row.aforo,
    nextMilestone: row.nextMilestone as Milestone | null,
    nextDueAt: isoOrNull(row.nextDueAt),
    assignedAt: iso(row.assignedAt),
    closedAt: isoOrNull(row.closedAt),
  };
}

function toNonConformity(row: Awaited<ReturnType<PrismaClient['nonConformity']['findUniqueOrThrow']>>): NonConformityRecord {
  return {
    ncId: row.id,
    workflowId: row.workflowId,
    partnerId: row.partnerId,
    source: row.source as NonConformityRecord['source'],
    description: row.description,
    doNumber: row.doNumber,
    office: row.office as CustomsOffice | null,
    milestone: row.milestone as Milestone | null,
    openedAt: iso(row.openedAt),
    openedBy: row.openedBy,
    owner: { name: row.ownerName, email: row.ownerEmail },
    dueAt: iso(row.dueAt),
    status: row.status as 'open' | 'closed',
    actionPlan: row.actionPlan,
    closedAt: isoOrNull(row.closedAt),
    closedBy: row.closedBy,
    evidence: (row.evidence ?? null) as Evidence | null,
  };
}
