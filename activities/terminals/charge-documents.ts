/**
 * The terminal's proformas and liquidations as issued, kept with the dispatch (issue #14: their amounts were
 * dropped). The terminal sends amounts as JSON numbers; they are kept as the exact decimal text of those numbers,
 * never rounded: a client proforma refuses a line with more than two decimals instead of rounding it.
 */
import type { PrismaClient } from '../../prisma/client';
import type { ChargeDocument } from './terminal-client';

export type ChargeDocumentKind = 'proforma' | 'liquidation';

/** A charge document as stored: amounts as decimal strings. */
export interface StoredChargeDocument {
  id: string;
  dispatchId: string;
  kind: ChargeDocumentKind;
  terminal: string;
  currency: string;
  lines: { code: string; description: string; quantity: string; unitPrice: string; amount: string }[];
  subtotal: string;
  igv: string;
  total: string;
  issuedAt: string;
}

export interface ChargeDocumentStore {
  /** Idempotent by the terminal's document id (a retried activity stores it once). */
  recordChargeDocument(doc: StoredChargeDocument): Promise<void>;
  listChargeDocuments(dispatchId: string): Promise<StoredChargeDocument[]>;
}

/** The exact decimal text of a JSON number (`1e21` and the like are refused: no terminal bills that). */
export function decimalText(n: number): string {
  const s = String(n);
  if (!/^-?\d+(\.\d+)?$/.test(s)) throw new Error(`importe no decimal del terminal: ${s}`);
  return s.includes('.') ? (s.split('.')[1]!.length === 1 ? `${s}0` : s) : `${s}.00`;
}

export function storedChargeDocument(dispatchId: string, kind: ChargeDocumentKind, doc: ChargeDocument): StoredChargeDocument {
  return {
    id: doc.id,
    dispatchId,
    kind,
    terminal: doc.terminal,
    currency: doc.currency,
    lines: doc.lines.map((l) => ({ code: l.code, description: l.description, quantity: String(l.quantity), unitPrice: decimalText(l.unitPrice), amount: decimalText(l.amount) })),
    subtotal: decimalText(doc.subtotal),
    igv: decimalText(doc.igv),
    total: decimalText(doc.total),
    issuedAt: doc.issuedAt,
  };
}

export function createPrismaChargeDocumentStore(prisma: PrismaClient): ChargeDocumentStore {
  return {
    async recordChargeDocument(doc) {
      const { issuedAt, ...rest } = doc;
      await prisma.terminalChargeDocument.createMany({ data: [{ ...rest, issuedAt: new Date(issuedAt) }], skipDuplicates: true });
    },
    async listChargeDocuments(dispatchId) {
      const rows = await prisma.terminalChargeDocument.findMany({ where: { dispatchId }, orderBy: [{ issuedAt: 'asc' }, { id: 'asc' }] });
      return rows.map((r) => ({ ...r, kind: r.kind as ChargeDocumentKind, lines: r.lines as unknown as StoredChargeDocument['lines'], issuedAt: r.issuedAt.toISOString() }));
    },
  };
}
