import type { DispatchSnapshot, Notification } from '../../domain/notifications';
import { DOCUMENT_LABEL_ES } from '../../domain/documents';
import { renderFundsNotification, renderMoneyNotification } from './money-templates';

const LIMA = new Intl.DateTimeFormat('es-PE', {
  timeZone: 'America/Lima',
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** Dates shown to people are in Lima time, as the broker writes them: 01/12/2026 10:00. */
export function formatLima(iso: string): string {
  const part = Object.fromEntries(LIMA.formatToParts(new Date(iso)).map((p) => [p.type, p.value]));
  return `${part.day}/${part.month}/${part.year} ${part.hour}:${part.minute}`;
}

function header(d: DispatchSnapshot): string {
  return [
    `Despacho: ${d.dispatchId}`,
    `Cliente: ${d.client.name} (RUC ${d.client.ruc})`,
    `Régimen: ${d.regime} · Terminal: ${d.terminal} · Nave: ${d.vessel} · ETA: ${formatLima(d.eta)}`,
    `BL: ${d.bl}${d.damNumber ? ` · DAM: ${d.damNumber}` : ''}${d.channel ? ` · Canal: ${d.channel}` : ''}`,
    `Estado: ${d.status}`,
  ].join('\n');
}

/** Subject and body in Spanish (es-PE) for each notification. */
export function renderNotification(d: DispatchSnapshot, n: Notification): { subject: string; body: string } {
  switch (n.kind) {
    case 'acknowledgement':
      return {
        subject: `[${d.dispatchId}] Hemos recibido su despacho`,
        body: `Estimado cliente:\n\nConfirmamos la apertura de su despacho. Le mantendremos informado de cada avance hasta la entrega de su carga.`,
      };
    case 'missing_documents':
      return {
        subject: `[${d.dispatchId}] Documentos pendientes para su despacho`,
        body: `Para continuar con el despacho necesitamos los siguientes documentos:\n${n.missing
          .map((k) => `  - ${DOCUMENT_LABEL_ES[k]}`)
          .join('\n')}\n\nPor favor envíelos a la brevedad para evitar sobrecostos.`,
      };
    case 'deadline_reminder':
      return {
        subject: `[${d.dispatchId}] Recordatorio: ${n.label} vence el ${formatLima(n.dueAt)}`,
        body: `El plazo "${n.label}" vence el ${formatLima(n.dueAt)} (hora de Lima). Actúe antes del vencimiento.`,
      };
    case 'deadline_missed':
      return {
        subject: `[${d.dispatchId}] ALERTA: venció ${n.label}`,
        body: `El plazo "${n.label}" venció el ${formatLima(n.dueAt)} (hora de Lima) sin que se registrara la acción esperada. Se informa al supervisor.`,
      };
    case 'legal_deadline_at_risk':
      return {
        subject: `[${d.dispatchId}] ESCALAMIENTO: plazo legal en riesgo (${n.label})`,
        body: `El plazo legal "${n.label}" vence el ${formatLima(n.dueAt)} (hora de Lima). Si no se cumple, el cliente puede incurrir en multas o perder beneficios. Se requiere acción inmediata del supervisor.`,
      };
    case 'regime_expiry_reminder':
      // A temporary export (41, outbound-regimes-2026-12): the goods must come back in the same state.
      if (d.regime === '41') {
        return {
          subject: `[${d.dispatchId}] La reimportación de la exportación temporal (régimen 41) vence en ${n.daysBefore} días`,
          body: `El plazo para reimportar en el mismo estado la mercancía exportada temporalmente vence el ${formatLima(n.expiresAt)} (hora de Lima), dentro de ${n.daysBefore} días. Coordine con el cliente la reimportación (o la exportación definitiva) antes del vencimiento.`,
        };
      }
      return {
        subject: `[${d.dispatchId}] El régimen ${d.regime} vence en ${n.daysBefore} días`,
        body: `El plazo del régimen ${d.regime} vence el ${formatLima(n.expiresAt)} (hora de Lima), dentro de ${n.daysBefore} días. Coordine la regularización antes del vencimiento.`,
      };
    case 'complaint_escalation':
      return {
        subject: `[${d.dispatchId}] Reclamo/contingencia pendiente de informe al supervisor`,
        body: `Categoría: ${n.category}\nRegistrado: ${formatLima(n.reportedAt)}\nDetalle: ${n.complaint}\n\nEl plazo de 24 horas hábiles para informar al supervisor vence el ${formatLima(n.dueAt)}.`,
      };
    case 'terminal_rejected':
      return {
        subject: `[${d.dispatchId}] ${n.terminal} rechazó ${n.step}: se requiere acción del operador`,
        body: `El terminal ${n.terminal} rechazó la solicitud (${n.step}): ${n.reason}\nSe registró una incidencia. Indique cómo continuar (nueva fecha o reintento).`,
      };
    case 'cancelled':
      return {
        subject: `[${d.dispatchId}] Despacho anulado`,
        body: `El despacho fue anulado. Motivo: ${n.reason}`,
      };
    case 'cost_clock_warning':
    case 'cost_clock_accruing':
      return renderMoneyNotification(d, n);
    case 'funds_request':
    case 'third_party_payment_recorded':
    case 'funds_wait_escalation':
      return renderFundsNotification(d, n);
  }
}

/** The full text: body, then the dispatch header every message carries. */
export function renderEmailText(d: DispatchSnapshot, n: Notification): { subject: string; text: string } {
  const { subject, body } = renderNotification(d, n);
  return { subject, text: `${body}\n\n${header(d)}\n\n— Levante, agencia de aduanas (mensaje automático)` };
}
