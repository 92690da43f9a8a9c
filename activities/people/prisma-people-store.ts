/** PeopleStore over Prisma (PostgreSQL). */
import { Prisma, type PrismaClient } from '../../prisma/client';
import type { DispatchMatch, Position, Shift } from '../../domain/people';
import type { CommunicationRecord, PeopleStore } from './people-store';

type CommunicationRow = Awaited<ReturnType<PrismaClient['communicationEntry']['findUniqueOrThrow']>>;

const iso = (d: Date | null) => (d ? d.toISOString() : null);

function toRecord(row: CommunicationRow): CommunicationRecord {
  return {
    id: row.id,
    dispatchId: row.dispatchId,
    channel: row.channel as CommunicationRecord['channel'],
    direction: row.direction as CommunicationRecord['direction'],
    messageId: row.messageId,
    inReplyTo: row.inReplyTo,
    fromAddress: row.fromAddress,
    toAddresses: row.toAddresses as string[],
    subject: row.subject,
    summary: row.summary,
    matchedBy: row.matchedBy,
    triageReason: row.triageReason,
    mailbox: row.mailbox,
    occurredAt: row.occurredAt.toISOString(),
    recordedBy: row.recordedBy,
    responseStatus: row.responseStatus,
    answeredAt: iso(row.answeredAt),
  };
}

export function createPrismaPeopleStore(prisma: PrismaClient): PeopleStore {
  return {
    async directory(since) {
      const [staff, shifts, absences] = await Promise.all([
        prisma.staffMember.findMany({ orderBy: { username: 'asc' } }),
        prisma.workShift.findMany({ orderBy: { id: 'asc' } }),
        prisma.staffAbsence.findMany({ where: { endsAt: { gt: new Date(since) } }, orderBy: { startsAt: 'asc' } }),
      ]);
      return {
        staff: staff.map((s) => ({ username: s.username, name: s.name, email: s.email, position: s.position as Position, executiveId: s.executiveId, shiftId: s.shiftId, active: s.active })),
        shifts: shifts.map((s): Shift => ({ id: s.id, name: s.name, days: s.days as number[], start: s.start, end: s.end, ...(s.breakTime ? { breakTime: s.breakTime as Shift['breakTime'] } : {}) })),
        absences: absences.map((a) => ({ username: a.username, substitute: a.substituteUsername, startsAt: a.startsAt.toISOString(), endsAt: a.endsAt.toISOString(), reason: a.reason })),
      };
    },
    async assignment(clientRuc) {
      const row = await prisma.clientServiceAssignment.findUnique({ where: { clientRuc } });
      return row && { clientRuc: row.clientRuc, executiveUsername: row.executiveUsername, mailResponseMinutes: row.mailResponseMinutes };
    },
    async matchDispatches(refs) {
      const or: Prisma.DispatchWhereInput[] = [];
      if (refs.dispatchIds.length) or.push({ id: { in: refs.dispatchIds } });
      if (refs.damNumbers.length) or.push({ damNumber: { in: refs.damNumbers } });
      if (refs.bls.length) or.push({ bl: { in: refs.bls } });
      if (or.length === 0) return [];
      const rows = await prisma.dispatch.findMany({ where: { OR: or }, select: { id: true, damNumber: true, bl: true, clientRuc: true, executiveId: true }, take: 50 });
      return rows.flatMap((r) => {
        const base = { dispatchId: r.id, clientRuc: r.clientRuc, executiveId: r.executiveId };
        const found: DispatchMatch[] = [];
        if (refs.dispatchIds.includes(r.id)) found.push({ ...base, by: 'dispatch_id' });
        if (r.damNumber && refs.damNumbers.includes(r.damNumber)) found.push({ ...base, by: 'dam_number' });
        if (refs.bls.includes(r.bl)) found.push({ ...base, by: 'bl' });
        return found;
      });
    },
    async recordCommunication(entry) {
      const data = { ...entry, occurredAt: new Date(entry.occurredAt), toAddresses: entry.toAddresses };
      if (entry.messageId) {
        const existing = await prisma.communicationEntry.findUnique({ where: { messageId: entry.messageId }, select: { id: true } });
        if (existing) return { id: existing.id, created: false };
      }
      try {
        return { id: (await prisma.communicationEntry.create({ data, select: { id: true } })).id, created: true };
      } catch (error) {
        // A concurrent fetch logged the same Message-ID first: theirs stands.
        if (entry.messageId && error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') {
          const row = await prisma.communicationEntry.findUniqueOrThrow({ where: { messageId: entry.messageId }, select: { id: true } });
          return { id: row.id, created: false };
        }
        throw error;
      }
    },
    async communicationByMessageId(messageId) {
      const row = await prisma.communicationEntry.findUnique({ where: { messageId } });
      return row && toRecord(row);
    },
    async setResponseStatus(messageId, status, answeredAt) {
      await prisma.communicationEntry.updateMany({ where: { messageId }, data: { responseStatus: status } });
      if (answeredAt) await prisma.communicationEntry.updateMany({ where: { messageId, answeredAt: null }, data: { answeredAt: new Date(answeredAt) } });
    },
    async cursor(mailbox) {
      const row = await prisma.mailboxCursor.findUnique({ where: { mailbox } });
      return row && { uidValidity: row.uidValidity, lastUid: row.lastUid };
    },
    async saveCursor(mailbox, cursor) {
      await prisma.mailboxCursor.upsert({ where: { mailbox }, create: { mailbox, ...cursor }, update: cursor });
    },
  };
}
