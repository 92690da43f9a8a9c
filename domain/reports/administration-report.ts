/**
 * Administración's daily report (seed 2.1.14, issue #14): per dispatch in progress, the client's advances and
 * deposits and what Levante paid on its behalf, and what is pending to invoice (third-party costs to recover and
 * billable 10110 services) until an invoice regularization closes it. Pure: the activity loads the data.
 */
import { formatMoney, type Money } from '../money/money';
import { limaDate, section, SIGNATURE } from './format';

export interface AdministrationLine {
  dispatchId: string;
  clientRuc: string;
  clientName: string;
  status: string;
  deposits: Money[];
  payments: Money[];
  /** Billable 10110 services not voided, soles. */
  extraServicesPen: Money;
  /** Set once Administración regularized the dispatch's invoice: it leaves "pending to invoice". */
  invoiced?: { invoiceNumber: string; at: string };
}

const list = (amounts: Money[]) => (amounts.length ? amounts.map(formatMoney).join(' + ') : '—');

/** Pending to invoice: not regularized and with something to bill (third-party costs or 10110 services). */
export function pendingToInvoice(l: AdministrationLine): boolean {
  return !l.invoiced && (l.payments.length > 0 || l.extraServicesPen.amount !== '0.00');
}

export function renderAdministrationReport(lines: readonly AdministrationLine[], scheduledAt: string): { subject: string; text: string } {
  const moving = lines.filter((l) => l.deposits.length > 0 || l.payments.length > 0);
  const pending = lines.filter(pendingToInvoice);
  const subject = `Reporte de Administración al ${limaDate(scheduledAt)}: ${moving.length} despachos con movimientos, ${pending.length} pendientes de facturar`;
  const text = [
    section(
      'Anticipos, abonos y pagos a terceros por despacho en curso',
      moving.map((l) => `  - ${l.dispatchId} · ${l.clientName} (RUC ${l.clientRuc}) · ${l.status} · abonos: ${list(l.deposits)} · pagos a terceros: ${list(l.payments)}`),
      'Ninguno.',
    ),
    '',
    section(
      'Pendiente de facturar (hasta registrar la regularización de la factura)',
      pending.map((l) => `  - ${l.dispatchId} · ${l.clientName} · gastos de terceros a recuperar: ${list(l.payments)} · servicios extraordinarios (10110): ${formatMoney(l.extraServicesPen)}`),
      'Nada pendiente.',
    ),
    '',
    SIGNATURE,
  ].join('\n');
  return { subject, text };
}
