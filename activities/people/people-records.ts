/**
 * Written agreements of a dispatch and the facts of a shift handover, over Prisma (PostgreSQL). Used by the
 * agreement and handover activities and by the API (one place for these table shapes).
 */
import type { PrismaClient } from '../../prisma/client';
import type { Agreement, AgreementChannel, AgreementSource, AgreementStatus, HandoverDispatch, HandoverFacts, Matter } from '../../domain/people';

/** An agreement as recorded: everything but what its fulfilment (or its clock) sets later. */
export type NewAgreement = Omit<Agreement, 'id' | 'status' | 'fulfilledAt' | 'fulfilledBy' | 'fulfilmentNote'>;

/** The dispatch's titular executive and client, from the read model. */
export interface DispatchOwner {
  dispatchId: string;
  clientRuc: string;
  clientName: string;
  executiveId: string;
  executiveName: string;
  executiveEmail: string;
}

export interface PeopleRecords {
  createAgreement(a: NewAgreement): Promise<Agreement>;
  agreement(id: string): Promise<Agreement | null>;
  agreementsOf(dispatchId: string): Promise<Agreement[]>;
  /** Moves an open (or missed) agreement to `status`; a fulfilled one stays fulfilled. Says whether it changed. */
  setAgreementStatus(id: string, status: AgreementStatus, fulfilled?: { at: string; by: string; note?: string | null }): Promise<boolean>;
  dispatchOwner(dispatchId: string): Promise<DispatchOwner | null>;
  /** What a handover reports: open dispatches, what falls due before `until`, what `actors` did in [from, at). */
  handoverFacts(w: { from: string; at: string; until: string; actors: string[] }): Promise<HandoverFacts>;
}

type AgreementRow = Awaited<ReturnType<PrismaClient['dispatchAgreement']['findUniqueOrThrow']>>;
const iso = (d: Date | null) => (d ? d.toISOString() : null);
const OPEN_LIMIT = 200;

function toAgreement(r: AgreementRow): Agreement {
  return {
    id: r.id, dispatchId: r.dispatchId, source: r.source as AgreementSource, agreedWith: r.agreedWith, agreedAt: r.agreedAt.toISOString(), content: r.content,
    channel: r.channel as AgreementChannel, reference: r.reference, matter: r.matter as Matter, dueAt: iso(r.dueAt), status: r.status as AgreementStatus,
    fulfilledAt: iso(r.fulfilledAt), fulfilledBy: r.fulfilledBy, fulfilmentNote: r.fulfilmentNote, recordedBy: r.recordedBy,
  };
}

export function createPrismaPeopleRecords(prisma: PrismaClient): PeopleRecords {
  const openDispatch = { status: { notIn: ['closed', 'cancelled'] } };
  const select = { id: true, status: true, executiveId: true, nextDeadlineAt: true, nextDeadlineClock: true, overdue: true, atRisk: true, client: { select: { name: true } } } as const;
  type Row = { id: string; status: string; executiveId: string; nextDeadlineAt: Date | null; nextDeadlineClock: string | null; overdue: boolean; atRisk: boolean; client: { name: string } };
  const toDispatch = (r: Row): HandoverDispatch => ({ dispatchId: r.id, clientName: r.client.name, status: r.status, executiveId: r.executiveId, nextDeadlineAt: iso(r.nextDeadlineAt), nextDeadlineClock: r.nextDeadlineClock, overdue: r.overdue, atRisk: r.atRisk });

  return {
    async createAgreement(a) {
      const row = await prisma.dispatchAgreement.create({
        data: { ...a, agreedAt: new Date(a.agreedAt), dueAt: a.dueAt ? new Date(a.dueAt) : null, status: a.dueAt ? 'open' : 'recorded' },
      });
      return toAgreement(row);
    },
    async agreement(id) {
      const row = await prisma.dispatchAgreement.findUnique({ where: { id } });
      return row && toAgreement(row);
    },
    async agreementsOf(dispatchId) {
      return (await prisma.dispatchAgreement.findMany({ where: { dispatchId }, orderBy: { agreedAt: 'desc' }, take: 500 })).map(toAgreement);
    },
    async setAgreementStatus(id, status, fulfilled) {
      const { count } = await prisma.dispatchAgreement.updateMany({
        where: { id, status: { in: ['open', 'missed', 'recorded'] } },
        data: { status, ...(fulfilled ? { fulfilledAt: new Date(fulfilled.at), fulfilledBy: fulfilled.by, fulfilmentNote: fulfilled.note ?? null } : {}) },
      });
      return count > 0;
    },
    async dispatchOwner(dispatchId) {
      const r = await prisma.dispatch.findUnique({ where: { id: dispatchId }, select: { id: true, clientRuc: true, executiveId: true, executiveName: true, executiveEmail: true, client: { select: { name: true } } } });
      return r && { dispatchId: r.id, clientRuc: r.clientRuc, clientName: r.client.name, executiveId: r.executiveId, executiveName: r.executiveName, executiveEmail: r.executiveEmail };
    },
    async handoverFacts({ from, at, until, actors }) {
      const [open, dueNext, agreementsDue, statuses, audits] = await Promise.all([
        prisma.dispatch.findMany({ where: openDispatch, select, orderBy: [{ nextDeadlineAt: { sort: 'asc', nulls: 'last' } }, { id: 'asc' }], take: OPEN_LIMIT }),
        prisma.dispatch.findMany({ where: { ...openDispatch, nextDeadlineAt: { lt: new Date(until) } }, select, orderBy: { nextDeadlineAt: 'asc' }, take: OPEN_LIMIT }),
        prisma.dispatchAgreement.findMany({ where: { status: { in: ['open', 'missed'] }, dueAt: { lt: new Date(until) } }, orderBy: { dueAt: 'asc' }, take: OPEN_LIMIT }),
        prisma.statusHistory.findMany({ where: { actor: { in: actors }, at: { gte: new Date(from), lt: new Date(at) } }, orderBy: { at: 'asc' }, take: OPEN_LIMIT }),
        prisma.auditEvent.findMany({ where: { actor: { in: actors }, at: { gte: new Date(from), lt: new Date(at) } }, orderBy: { at: 'asc' }, take: OPEN_LIMIT }),
      ]);
      const actions = [
        ...statuses.map((s) => ({ at: s.at.toISOString(), actor: s.actor, target: s.dispatchId, what: `estado: ${s.status}${s.note && s.note !== s.status ? ` (${s.note})` : ''}` })),
        ...audits.map((e) => ({ at: e.at.toISOString(), actor: e.actor, target: e.target, what: e.action })),
      ].sort((a, b) => a.at.localeCompare(b.at));
      return { open: open.map(toDispatch), dueNext: dueNext.map(toDispatch), agreementsDue: agreementsDue.map(toAgreement), actions };
    },
  };
}
