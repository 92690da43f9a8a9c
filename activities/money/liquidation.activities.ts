/**
 * Closing a dispatch compiles its liquidation file (seed 2.1.15): the workflow's facts plus the ledger from
 * PostgreSQL, stored as JSON and PDF (GET /dispatches/:id/liquidation) and emailed once to the liquidation area.
 */
import { buildLiquidationFile, formatMoney, type LiquidationFacts } from '../../domain/money';
import { messageIdFor, type SentMailLog } from '../email/email.activities';
import type { Mailer } from '../email/mailer';
import { renderLiquidationPdf } from './liquidation-pdf';
import type { MoneyStore } from './money-store';

export interface LiquidationActivityDeps {
  money: Pick<MoneyStore, 'ledger' | 'saveLiquidation'>;
  mailer: Mailer;
  sentLog: SentMailLog;
  /** The liquidation area's address (LIQUIDATION_EMAIL). */
  liquidationEmail: string;
}

export function createLiquidationActivities(deps: LiquidationActivityDeps) {
  return {
    /** Compiles, stores and emails the liquidation file; a retry re-stores the same file and never re-sends. */
    async compileLiquidation(input: { idempotencyKey: string; facts: LiquidationFacts }): Promise<{ compiledAt: string }> {
      const ledger = (await deps.money.ledger(input.facts.dispatchId)).map((e) => ({
        kind: e.kind, amount: e.amount, method: e.method, reference: e.reference, payee: e.payee, concept: e.concept, at: e.createdAt,
      }));
      const file = buildLiquidationFile(input.facts, ledger, input.facts.closedAt);
      const pdf = await renderLiquidationPdf(file);
      await deps.money.saveLiquidation(file, pdf);
      const messageId = messageIdFor(input.idempotencyKey);
      if (!(await deps.sentLog.wasSent(messageId))) {
        const subject = `[${file.dispatchId}] Expediente de liquidación del despacho cerrado`;
        const text = [
          `Se cerró el despacho ${file.dispatchId} (${file.client.name}, RUC ${file.client.ruc}). Adjuntamos su expediente de liquidación.`,
          '',
          `DAM: ${file.dam.number ?? '—'} · Anticipos: ${file.totals.advances.map(formatMoney).join(' · ') || 'ninguno'} · Gastos de terceros: ${file.totals.thirdPartyCosts.map(formatMoney).join(' · ') || 'ninguno'}`,
          `Servicios extraordinarios (10110): ${formatMoney(file.totals.extraServicesPen)} · Relojes de costo: ${file.totals.costClocks.map(formatMoney).join(' · ') || 'sin costo'}`,
          '',
          '— Levante, agencia de aduanas (mensaje automático)',
        ].join('\n');
        await deps.mailer.send({ messageId, to: [deps.liquidationEmail], subject, text, attachments: [{ filename: `liquidacion-${file.dispatchId}.pdf`, content: pdf, contentType: 'application/pdf' }] });
        await deps.sentLog.markSent({ messageId, dispatchId: file.dispatchId, kind: 'liquidation_file', recipients: [deps.liquidationEmail], subject, sentAt: new Date().toISOString() });
      }
      return { compiledAt: file.compiledAt };
    },
  };
}
