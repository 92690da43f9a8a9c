/**
 * The liquidation file of a dispatch (seed 2.1.14–2.1.15), compiled when it closes and sent to the liquidation
 * area: the documents received and whether their originals reached the Archive, the DAM data, the ledger (the
 * client's advances, the third-party costs with their receipts), the extraordinary services (glosa 10110) and
 * the cost clocks' final figures. Pure: the workflow gives its part, the activity adds the ledger from PostgreSQL.
 */
import type { DocumentKind } from '../documents';
import { DOCUMENT_LABEL_ES } from '../documents';
import { totalsByCurrency } from './dispatch-costs';
import { penAmount } from './extra-services';
import { money, sum, type Money } from './money';

/** What the workflow knows at closing. */
export interface LiquidationFacts {
  dispatchId: string;
  client: { ruc: string; name: string };
  regime: string;
  modality: string;
  terminal: string;
  bl: string;
  dam: { number: string | null; channel: string | null; numberedAt: string | null; levanteAt: string | null };
  documents: { kind: DocumentKind; receivedAt: string | null; originalDeliveredAt: string | null }[];
  costClocks: { kind: 'storage' | 'detention'; containerNumber: string; size: string; lastFreeDay: string; stoppedOn: string | null; chargeableDays: number; cost: Money; source: string }[];
  extraServices: { id: string; description: string; reason: string; amountPen: string | null; automatic: boolean; voided: boolean; at: string }[];
  closedAt: string;
}

/** A ledger movement as the liquidation lists it. */
export interface LiquidationEntry {
  kind: 'deposit' | 'payment';
  amount: Money;
  method: string | null;
  reference: string;
  payee: string | null;
  concept: string | null;
  at: string;
}

export interface LiquidationFile extends LiquidationFacts {
  documents: (LiquidationFacts['documents'][number] & { label: string; original: 'entregado al Archivo' | 'pendiente' })[];
  advances: LiquidationEntry[];
  thirdPartyCosts: LiquidationEntry[];
  totals: { advances: Money[]; thirdPartyCosts: Money[]; extraServicesPen: Money; costClocks: Money[] };
  compiledAt: string;
}

/** Documents whose original has not reached the Archive (what blocks the closing). */
export function pendingOriginals(required: readonly DocumentKind[], delivered: Partial<Record<DocumentKind, string>> | undefined): DocumentKind[] {
  return required.filter((k) => !delivered?.[k]);
}

/** Spanish reason when originals are pending, for the closing's refusal. */
export function originalsPendingReason(pending: readonly DocumentKind[]): string {
  return `No se puede cerrar el despacho: faltan entregar al Archivo los originales de ${pending.map((k) => DOCUMENT_LABEL_ES[k]).join(', ')}. Registre la entrega de originales al Archivo (acción originals-delivered) y vuelva a cerrar.`;
}

export function buildLiquidationFile(facts: LiquidationFacts, ledger: readonly LiquidationEntry[], compiledAt: string): LiquidationFile {
  const advances = ledger.filter((e) => e.kind === 'deposit');
  const thirdPartyCosts = ledger.filter((e) => e.kind === 'payment');
  const billed = facts.extraServices.filter((s) => !s.voided && s.amountPen !== null);
  return {
    ...facts,
    documents: facts.documents.map((d) => ({ ...d, label: DOCUMENT_LABEL_ES[d.kind], original: d.originalDeliveredAt ? 'entregado al Archivo' : 'pendiente' })),
    advances,
    thirdPartyCosts,
    totals: {
      advances: totalsByCurrency(advances.map((e) => e.amount)),
      thirdPartyCosts: totalsByCurrency(thirdPartyCosts.map((e) => e.amount)),
      extraServicesPen: sum(billed.map((s) => money(penAmount(s.amountPen)!, 'PEN')), 'PEN'),
      costClocks: totalsByCurrency(facts.costClocks.map((c) => c.cost)),
    },
    compiledAt,
  };
}
