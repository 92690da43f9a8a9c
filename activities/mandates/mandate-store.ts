/** The clients' mandates (poder) over PostgreSQL: every mandate recorded, and the one in force per client. */
import type { PrismaClient } from '../../prisma/client';

export interface MandateGrant {
  id: string;
  clientRuc: string;
  grantedAt: string;
  expiresAt: string;
  reference: string;
  recordedBy: string;
  createdAt: string;
}

/** The mandate in force (client_mandates): what the expiry sweep and the reminders read. */
export interface CurrentMandate {
  clientRuc: string;
  grantedAt: string;
  expiresAt: string;
  reference: string | null;
}

export interface MandateStore {
  /** Records a mandate; it becomes the one in force unless the one in force expires later. */
  record(grant: Omit<MandateGrant, 'id' | 'createdAt'>): Promise<{ grant: MandateGrant; current: CurrentMandate }>;
  /** Every mandate recorded for the client, latest grant first. */
  list(clientRuc: string): Promise<MandateGrant[]>;
  current(clientRuc: string): Promise<CurrentMandate | null>;
}

const iso = (d: Date) => d.toISOString();
const toCurrent = (row: { clientRuc: string; grantedAt: Date; expiresAt: Date; reference: string | null }): CurrentMandate => ({
  clientRuc: row.clientRuc, grantedAt: iso(row.grantedAt), expiresAt: iso(row.expiresAt), reference: row.reference,
});
const toGrant = (row: { id: string; clientRuc: string; grantedAt: Date; expiresAt: Date; reference: string; recordedBy: string; createdAt: Date }): MandateGrant => ({
  ...row, grantedAt: iso(row.grantedAt), expiresAt: iso(row.expiresAt), createdAt: iso(row.createdAt),
});

export function createPrismaMandateStore(prisma: PrismaClient): MandateStore {
  return {
    async record(g) {
      return prisma.$transaction(async (tx) => {
        const row = await tx.clientMandateGrant.create({ data: { ...g, grantedAt: new Date(g.grantedAt), expiresAt: new Date(g.expiresAt) } });
        const inForce = await tx.clientMandate.findUnique({ where: { clientRuc: g.clientRuc } });
        // A mandate recorded late (an older one) never replaces one that expires later.
        const current =
          inForce && inForce.expiresAt > row.expiresAt
            ? inForce
            : await tx.clientMandate.upsert({
                where: { clientRuc: g.clientRuc },
                create: { clientRuc: g.clientRuc, grantedAt: row.grantedAt, expiresAt: row.expiresAt, reference: g.reference },
                update: { grantedAt: row.grantedAt, expiresAt: row.expiresAt, reference: g.reference },
              });
        return { grant: toGrant(row), current: toCurrent(current) };
      });
    },
    async list(clientRuc) {
      const rows = await prisma.clientMandateGrant.findMany({ where: { clientRuc }, orderBy: [{ grantedAt: 'desc' }, { createdAt: 'desc' }], take: 100 });
      return rows.map(toGrant);
    },
    async current(clientRuc) {
      const row = await prisma.clientMandate.findUnique({ where: { clientRuc } });
      return row ? toCurrent(row) : null;
    },
  };
}
