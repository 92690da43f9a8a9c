/**
 * The liquidation file as a Spanish A4 PDF (pdfkit): DAM data, documents and originals, advances, third-party
 * costs with receipts, extraordinary services (10110) and the cost clocks' final figures, with totals per currency.
 */
import PDFDocument from 'pdfkit';
import { formatMoney, type LiquidationFile, type Money } from '../../domain/money';

const limaDateTime = (iso: string | null) => {
  if (!iso) return '—';
  const d = new Date(Date.parse(iso) - 5 * 3_600_000).toISOString();
  return `${d.slice(8, 10)}/${d.slice(5, 7)}/${d.slice(0, 4)} ${d.slice(11, 16)}`;
};
const totals = (list: Money[]) => (list.length === 0 ? 'ninguno' : list.map(formatMoney).join(' · '));

export function renderLiquidationPdf(f: LiquidationFile, options: { compress?: boolean } = {}): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4', margin: 50, compress: options.compress ?? true, info: { Title: `Liquidación ${f.dispatchId}`, Subject: 'Expediente de liquidación' } });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const heading = (text: string) => doc.moveDown().font('Helvetica-Bold').fontSize(12).text(text).font('Helvetica').fontSize(10);

  doc.font('Helvetica-Bold').fontSize(16).text(`Expediente de liquidación — Despacho ${f.dispatchId}`);
  doc.font('Helvetica').fontSize(10).moveDown(0.5);
  doc.text(`Cliente: ${f.client.name} (RUC ${f.client.ruc})`);
  doc.text(`Régimen ${f.regime} · ${f.modality} · Terminal ${f.terminal} · BL ${f.bl}`);
  doc.text(`DAM: ${f.dam.number ?? '—'} · Canal: ${f.dam.channel ?? '—'} · Numerada: ${limaDateTime(f.dam.numberedAt)} · Levante: ${limaDateTime(f.dam.levanteAt)}`);
  doc.text(`Cerrado: ${limaDateTime(f.closedAt)} · Compilado: ${limaDateTime(f.compiledAt)} (hora de Lima)`);

  heading('Documentos recibidos y originales');
  for (const d of f.documents) doc.text(`- ${d.label}: recibido ${limaDateTime(d.receivedAt)} · original ${d.original}${d.originalDeliveredAt ? ` (${limaDateTime(d.originalDeliveredAt)})` : ''}`);

  heading('Anticipos y abonos del cliente');
  for (const e of f.advances) doc.text(`- ${formatMoney(e.amount)} · ${e.method ?? ''} · ref. ${e.reference} · ${limaDateTime(e.at)}`);
  doc.text(`Total: ${totals(f.totals.advances)}`);

  heading('Gastos de terceros (con comprobante)');
  for (const e of f.thirdPartyCosts) doc.text(`- ${formatMoney(e.amount)} a ${e.payee ?? '—'} por ${e.concept ?? '—'} · comprobante ${e.reference} · ${limaDateTime(e.at)}`);
  doc.text(`Total: ${totals(f.totals.thirdPartyCosts)}`);

  heading('Servicios extraordinarios (glosa 10110)');
  for (const s of f.extraServices) doc.text(`- ${s.id} · ${s.description} · ${s.amountPen ? `S/ ${s.amountPen}` : 'sin monto'}${s.automatic ? ' · automático' : ''}${s.voided ? ' · ANULADO' : ''}`);
  doc.text(`Total a facturar: ${formatMoney(f.totals.extraServicesPen)}`);

  heading('Relojes de costo (cifras finales)');
  for (const c of f.costClocks) {
    doc.text(`- ${c.kind === 'storage' ? 'Almacenaje' : 'Sobreestadía'} ${c.containerNumber} (${c.size}') · último día libre ${c.lastFreeDay} · ${c.chargeableDays} día(s) · ${formatMoney(c.cost)} (${c.source})`);
  }
  doc.text(`Total: ${totals(f.totals.costClocks)}`);
  doc.end();
  return done;
}
