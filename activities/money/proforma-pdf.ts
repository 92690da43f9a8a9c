/**
 * The client proforma as a PDF (pdfkit, Spanish, A4): dispatch, client, version, one row per line, totals per
 * currency and, when the proforma cites a rate, the totals converted with that rate, its date and source.
 * `compress: false` keeps the content streams readable (tests read the text back from them).
 */
import PDFDocument from 'pdfkit';
import { formatMoney, PROFORMA_LINE_LABELS, proformaTotals } from '../../domain/money';
import type { StoredProforma } from './money-store';

/** Lima date and time of an instant (UTC−5, no daylight saving), e.g. "03/12/2026 09:30". */
function limaDateTime(iso: string): string {
  const d = new Date(Date.parse(iso) - 5 * 3_600_000).toISOString();
  return `${d.slice(8, 10)}/${d.slice(5, 7)}/${d.slice(0, 4)} ${d.slice(11, 16)}`;
}

export function renderProformaPdf(p: StoredProforma, options: { compress?: boolean; brokerName?: string } = {}): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margin: 50,
    compress: options.compress ?? true,
    info: { Title: `Proforma ${p.dispatchId} v${p.version}`, Author: options.brokerName ?? 'Agencia de aduanas', Subject: 'Proforma al cliente' },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  doc.font('Helvetica-Bold').fontSize(16).text(`Proforma N.° ${p.version} — Despacho ${p.dispatchId}`);
  doc.moveDown(0.5).font('Helvetica').fontSize(10);
  doc.text(`Cliente (RUC): ${p.clientRuc}`);
  doc.text(`Emitida: ${limaDateTime(p.createdAt)} (hora de Lima) por ${p.createdBy}`);
  doc.moveDown();

  const left = doc.page.margins.left;
  const amountX = 420;
  doc.font('Helvetica-Bold').text('Concepto', left, doc.y, { continued: false });
  doc.moveUp().text('Importe', amountX, doc.y, { width: 125, align: 'right' });
  doc.font('Helvetica');
  for (const line of p.lines) {
    const y = doc.y + 4;
    doc.text(`${PROFORMA_LINE_LABELS[line.kind]}: ${line.description} (${line.quantity} × ${formatMoney(line.unitAmount)})`, left, y, { width: 360 });
    const after = doc.y;
    doc.text(formatMoney(line.amount), amountX, y, { width: 125, align: 'right' });
    doc.y = Math.max(after, doc.y);
  }

  const totals = proformaTotals(p.lines, p.rate ?? undefined);
  doc.moveDown().font('Helvetica-Bold');
  for (const total of totals.byCurrency) doc.text(`Total ${total.currency}: ${formatMoney(total)}`, left, doc.y, { width: 495, align: 'right' });
  doc.font('Helvetica').fontSize(9);
  for (const c of totals.converted) {
    doc.text(
      `Referencial: ${formatMoney(c.original)} = ${formatMoney(c)} al tipo de cambio ${c.rate} (${c.rateSource}, ${c.rateDate}; redondeo ${c.rounding}).`,
      left, doc.y, { width: 495, align: 'right' },
    );
  }
  doc.moveDown();
  if (p.notes) doc.text(`Notas: ${p.notes}`, left);
  doc.text(
    'Los montos proyectados de almacenaje y sobreestadía son estimados si no se retira la carga o no se devuelve el contenedor en las fechas indicadas; ' +
      'los gastos de terceros se facturan según el comprobante del tercero. Importes sin IGV.',
    left, doc.y + 6, { width: 495 },
  );
  doc.end();
  return done;
}
