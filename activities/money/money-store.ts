/**
 * PostgreSQL records of the money of a dispatch (Prisma): exchange rates, client credit, the ledger and the
 * proformas. Amounts go in and out as exact decimal strings (NUMERIC columns, Prisma Decimal → toFixed), never
 * as floats. Two writes that read before they write (a payment request against the funds, a proforma's next
 * version) take a transaction-scoped advisory lock, so concurrent requests are decided one after the other.
 */
import type { Prisma, PrismaClient } from '../../prisma/client';
import type { AdministrationLine } from '../../domain/reports/administration-report';
import {
  creditUsedBy,
  fundsGate,
  money,
  normalizeRate,
  RateNeededError,
  sum,
  type ClientCredit,
  type Currency,
  type ExchangeRate,
  type FundsGateAnswer,
  type LiquidationFile,
  billedServiceRows,
  penAmount,
  totalsByCurrency,
  type LedgerEntry,
  type Money,
  type ProformaLine,
  type ProformaLineKind,
} from '../../domain/money';

type Tx = Parameters<Parameters<PrismaClient['$transaction']>[0]>[0];
type Decimalish = { toFixed(digits: number): string };

const dateOnly = (d: Date) => d.toISOString().slice(0, 10);
const amountOf = (d: Decimalish, currency: string): Money => money(d.toFixed(2), currency as Currency);

export interface LedgerRow {
  id: string;
  dispatchId: string;
  kind: LedgerEntry['kind'];
  amount: Money;
  method: string | null;
  reference: string;
  payee: string | null;
  concept: string | null;
  actor: string;
  createdAt: string;
}

export interface StoredProforma {
  dispatchId: string;
  version: number;
  clientRuc: string;
  notes: string | null;
  rate: ExchangeRate | null;
  lines: ProformaLine[];
  createdBy: string;
  createdAt: string;
}

export interface NewLedgerEntry {
  dispatchId: string;
  amount: Money;
  reference: string;
  actor: string;
  idempotencyKey?: string;
  method?: 'transfer' | 'letters';
  payee?: string;
  concept?: string;
}

function toRow(r: { id: string; dispatchId: string; kind: string; amount: Decimalish; currency: string; method: string | null; reference: string; payee: string | null; concept: string | null; actor: string; createdAt: Date }): LedgerRow {
  return { id: r.id, dispatchId: r.dispatchId, kind: r.kind as LedgerEntry['kind'], amount: amountOf(r.amount, r.currency), method: r.method, reference: r.reference, payee: r.payee, concept: r.concept, actor: r.actor, createdAt: r.createdAt.toISOString() };
}

function toRate(r: { date: Date; rate: Decimalish; source: string }): ExchangeRate {
  return { date: dateOnly(r.date), rate: r.rate.toFixed(6), source: r.source };
}

async function lock(tx: Tx, key: string): Promise<void> {
  // Held until the transaction ends; hashtext maps the key to the lock's integer id.
  await tx.$queryRaw`SELECT 1 AS locked FROM (SELECT pg_advisory_xact_lock(hashtext(${key}))) AS l`;
}

export function createMoneyStore(prisma: PrismaClient) {
  const entriesOf = async (db: Tx | PrismaClient, dispatchIds: string[]) =>
    (await db.ledgerEntry.findMany({ where: { dispatchId: { in: dispatchIds } }, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] })).map(toRow);

  const store = {
    /** Records the day's rate; `conflict` when that date already has a different one (a rate is never rewritten). */
    async recordRate(rate: ExchangeRate, createdBy: string): Promise<{ rate: ExchangeRate; created: boolean; conflict: boolean }> {
      const date = new Date(`${rate.date}T00:00:00Z`);
      const existing = await prisma.exchangeRate.findUnique({ where: { date } });
      if (existing) {
        const stored = toRate(existing);
        return { rate: stored, created: false, conflict: stored.rate !== normalizeRate(rate.rate) || stored.source !== rate.source };
      }
      const row = await prisma.exchangeRate.upsert({ where: { date }, create: { date, rate: normalizeRate(rate.rate), source: rate.source, createdBy }, update: {} });
      return { rate: toRate(row), created: true, conflict: false };
    },

    async listRates(from: string | undefined, to: string | undefined, limit: number): Promise<ExchangeRate[]> {
      const rows = await prisma.exchangeRate.findMany({
        where: { date: { ...(from ? { gte: new Date(`${from}T00:00:00Z`) } : {}), ...(to ? { lte: new Date(`${to}T00:00:00Z`) } : {}) } },
        orderBy: { date: 'desc' },
        take: limit,
      });
      return rows.map(toRate);
    },

    /** The rate in force on a Lima date: that day's, else the latest before it. */
    async rateOn(date: string): Promise<ExchangeRate | null> {
      const row = await prisma.exchangeRate.findFirst({ where: { date: { lte: new Date(`${date}T00:00:00Z`) } }, orderBy: { date: 'desc' } });
      return row ? toRate(row) : null;
    },

    async getCredit(clientRuc: string, db: Tx | PrismaClient = prisma): Promise<ClientCredit & { updatedBy?: string; updatedAt?: string }> {
      const row = await db.clientCredit.findUnique({ where: { clientRuc } });
      if (!row || row.status !== 'approved' || !row.creditLimit || !row.currency) return { kind: 'none', ...(row ? { updatedBy: row.updatedBy, updatedAt: row.updatedAt.toISOString() } : {}) };
      return { kind: 'approved', limit: amountOf(row.creditLimit, row.currency), updatedBy: row.updatedBy, updatedAt: row.updatedAt.toISOString() };
    },

    async putCredit(clientRuc: string, credit: ClientCredit, updatedBy: string): Promise<void> {
      const data = credit.kind === 'approved'
        ? { status: 'approved', creditLimit: credit.limit.amount, currency: credit.limit.currency, updatedBy }
        : { status: 'none', creditLimit: null, currency: null, updatedBy };
      await prisma.clientCredit.upsert({ where: { clientRuc }, create: { clientRuc, ...data }, update: data });
    },

    ledger: (dispatchId: string) => entriesOf(prisma, [dispatchId]),

    /** Stores (or replaces) the liquidation file of a closed dispatch. */
    async saveLiquidation(file: LiquidationFile, pdf: Buffer): Promise<void> {
      const data = { file: file as unknown as Prisma.InputJsonObject, pdf: new Uint8Array(pdf), compiledAt: new Date(file.compiledAt) };
      await prisma.liquidationFile.upsert({ where: { dispatchId: file.dispatchId }, create: { dispatchId: file.dispatchId, ...data }, update: data });
    },

    async getLiquidation(dispatchId: string): Promise<{ file: LiquidationFile; pdf: Buffer } | null> {
      const row = await prisma.liquidationFile.findUnique({ where: { dispatchId } });
      return row && { file: row.file as unknown as LiquidationFile, pdf: Buffer.from(row.pdf) };
    },

    /** Records that Administración regularized the dispatch's invoice; a second one answers the first (created false). */
    async regularizeInvoice(dispatchId: string, invoiceNumber: string, actor: string): Promise<{ invoiceNumber: string; actor: string; at: string; created: boolean }> {
      // skipDuplicates: two requests at once never fail on the primary key; the first one wins.
      const { count } = await prisma.invoiceRegularization.createMany({ data: [{ dispatchId, invoiceNumber, actor }], skipDuplicates: true });
      const row = await prisma.invoiceRegularization.findUniqueOrThrow({ where: { dispatchId } });
      return { invoiceNumber: row.invoiceNumber, actor: row.actor, at: row.at.toISOString(), created: count === 1 };
    },

    /**
     * Administración's daily report: every dispatch not cancelled with ledger movements or billable 10110 services,
     * except closed ones already invoiced (bounded by what is pending, not by the whole history).
     */
    async administrationLines(): Promise<AdministrationLine[]> {
      const [entries, glosas, invoiced] = await Promise.all([
        prisma.ledgerEntry.findMany({ select: { dispatchId: true, kind: true, amount: true, currency: true } }),
        prisma.glosa.findMany({ where: { code: '10110' }, select: { dispatchId: true, payload: true } }),
        prisma.invoiceRegularization.findMany(),
      ]);
      const ids = [...new Set([...entries.map((e) => e.dispatchId), ...glosas.map((g) => g.dispatchId)])];
      const dispatches = await prisma.dispatch.findMany({ where: { id: { in: ids }, status: { not: 'cancelled' } }, include: { client: { select: { name: true } } }, orderBy: { id: 'asc' } });
      const billed = billedServiceRows(glosas);
      return dispatches
        .map((d): AdministrationLine => {
          const mine = entries.filter((e) => e.dispatchId === d.id);
          const of = (kind: string) => totalsByCurrency(mine.filter((e) => e.kind === kind).map((e) => amountOf(e.amount, e.currency)));
          const inv = invoiced.find((i) => i.dispatchId === d.id);
          return {
            dispatchId: d.id,
            clientRuc: d.clientRuc,
            clientName: d.client.name,
            status: d.status,
            deposits: of('deposit'),
            payments: of('payment'),
            extraServicesPen: sum(billed.filter((g) => g.dispatchId === d.id).map((g) => money(penAmount((g.payload as { amountPen?: unknown }).amountPen) ?? '0', 'PEN')), 'PEN'),
            ...(inv ? { invoiced: { invoiceNumber: inv.invoiceNumber, at: inv.at.toISOString() } } : {}),
          };
        })
        .filter((l) => !(l.invoiced && l.status === 'closed'));
    },

    /** Open dispatches of the client whose workflow waits for funds (read model). */
    async dispatchesWaitingForFunds(clientRuc: string): Promise<string[]> {
      const rows = await prisma.dispatch.findMany({ where: { clientRuc, waitingForFunds: true, closedAt: null }, select: { id: true } });
      return rows.map((r) => r.id);
    },

    /** A deposit (abono/anticipo) of the client; a retried request with the same key returns the first entry. */
    async addDeposit(entry: NewLedgerEntry): Promise<{ entry: LedgerRow; created: boolean }> {
      if (entry.idempotencyKey) {
        const seen = await prisma.ledgerEntry.findUnique({ where: { idempotencyKey: entry.idempotencyKey } });
        if (seen) return { entry: toRow(seen), created: false };
      }
      const row = await prisma.ledgerEntry.create({
        data: { dispatchId: entry.dispatchId, kind: 'deposit', amount: entry.amount.amount, currency: entry.amount.currency, method: entry.method, reference: entry.reference, actor: entry.actor, idempotencyKey: entry.idempotencyKey },
      });
      return { entry: toRow(row), created: true };
    },

    /**
     * Applies the funds gate to a third-party payment and records it when allowed, under a lock per client
     * (its credit spans its dispatches). `rate` is the day's rate, used only when currencies differ.
     */
    async requestPayment(clientRuc: string, entry: NewLedgerEntry, rate: ExchangeRate | null): Promise<{ answer: FundsGateAnswer; entry?: LedgerRow; created: boolean }> {
      return prisma.$transaction(async (tx) => {
        await lock(tx, `levante:funds:${clientRuc}`);
        if (entry.idempotencyKey) {
          const seen = await tx.ledgerEntry.findUnique({ where: { idempotencyKey: entry.idempotencyKey } });
          if (seen) {
            const row = toRow(seen);
            return { answer: { allowed: true, available: row.amount, coveredByCredit: money('0', row.amount.currency), converted: [] }, entry: row, created: false };
          }
        }
        const credit = await store.getCredit(clientRuc, tx); // in the transaction: PGlite has one connection
        const dispatchIds = (await tx.dispatch.findMany({ where: { clientRuc }, select: { id: true } })).map((d) => d.id);
        const all = await entriesOf(tx, [...new Set([...dispatchIds, entry.dispatchId])]);
        const ledger = all.filter((e) => e.dispatchId === entry.dispatchId);
        let creditUsedElsewhere: Money | undefined;
        if (credit.kind === 'approved') {
          const others = [...new Set(all.map((e) => e.dispatchId))].filter((id) => id !== entry.dispatchId);
          try {
            creditUsedElsewhere = sum(others.map((id) => creditUsedBy(all.filter((e) => e.dispatchId === id), credit.limit.currency, rate ?? undefined)), credit.limit.currency);
          } catch (err) {
            if (!(err instanceof RateNeededError)) throw err;
            return { answer: { allowed: false as const, available: money('0', entry.amount.currency), shortfall: entry.amount, reason: err.message, converted: [] }, created: false };
          }
        }
        const answer = fundsGate({ credit, creditUsedElsewhere, ledger, request: entry.amount, rate: rate ?? undefined });
        if (!answer.allowed) return { answer, created: false };
        const row = await tx.ledgerEntry.create({
          data: { dispatchId: entry.dispatchId, kind: 'payment', amount: entry.amount.amount, currency: entry.amount.currency, reference: entry.reference, payee: entry.payee, concept: entry.concept, actor: entry.actor, idempotencyKey: entry.idempotencyKey },
        });
        return { answer, entry: toRow(row), created: true };
      });
    },

    /** Stores the next version of the dispatch's proforma. */
    async saveProforma(p: Omit<StoredProforma, 'version' | 'createdAt'>): Promise<StoredProforma> {
      const version = await prisma.$transaction(async (tx) => {
        await lock(tx, `levante:proforma:${p.dispatchId}`);
        const last = await tx.proforma.aggregate({ where: { dispatchId: p.dispatchId }, _max: { version: true } });
        const next = (last._max.version ?? 0) + 1;
        await tx.proforma.create({
          data: {
            dispatchId: p.dispatchId, version: next, clientRuc: p.clientRuc, notes: p.notes, createdBy: p.createdBy,
            rateDate: p.rate ? new Date(`${p.rate.date}T00:00:00Z`) : null, rate: p.rate?.rate ?? null, rateSource: p.rate?.source ?? null,
            lines: { create: p.lines.map((l, i) => ({ position: i + 1, kind: l.kind, description: l.description, quantity: l.quantity, unitAmount: l.unitAmount.amount, amount: l.amount.amount, currency: l.amount.currency })) },
          },
        });
        return next;
      });
      return (await store.getProforma(p.dispatchId, version))!;
    },

    async getProforma(dispatchId: string, version: number): Promise<StoredProforma | null> {
      const row = await prisma.proforma.findUnique({ where: { dispatchId_version: { dispatchId, version } }, include: { lines: { orderBy: { position: 'asc' } } } });
      if (!row) return null;
      return {
        dispatchId: row.dispatchId,
        version: row.version,
        clientRuc: row.clientRuc,
        notes: row.notes,
        rate: row.rate && row.rateDate && row.rateSource ? toRate({ date: row.rateDate, rate: row.rate, source: row.rateSource }) : null,
        lines: row.lines.map((l) => ({ kind: l.kind as ProformaLineKind, description: l.description, quantity: l.quantity, unitAmount: amountOf(l.unitAmount, l.currency), amount: amountOf(l.amount, l.currency) })),
        createdBy: row.createdBy,
        createdAt: row.createdAt.toISOString(),
      };
    },

    async latestProformaVersion(dispatchId: string): Promise<number> {
      return (await prisma.proforma.aggregate({ where: { dispatchId }, _max: { version: true } }))._max.version ?? 0;
    },
  };
  return store;
}

export type MoneyStore = ReturnType<typeof createMoneyStore>;
