/** Spanish (es-PE) texts of the money notices of a dispatch (issue #14): cost clocks, funds, liquidation. */
import type { DispatchSnapshot, Notification } from '../../domain/notifications';
import { formatMoney } from '../../domain/money/money';

type MoneyNotification = Extract<Notification, { kind: 'cost_clock_warning' | 'cost_clock_accruing' }>;
type FundsNotification = Extract<Notification, { kind: 'funds_request' | 'third_party_payment_recorded' | 'funds_wait_escalation' }>;

/** Lima has no daylight saving time (UTC−5): 2026-12-24T14:00Z → 24/12/2026 09:00. */
const formatLima = (iso: string) => {
  const t = new Date(Date.parse(iso) - 5 * 3_600_000).toISOString();
  return `${limaDay(t.slice(0, 10))} ${t.slice(11, 16)}`;
};

/** 2026-12-24 → 24/12/2026 */
export const limaDay = (date: string) => `${date.slice(8, 10)}/${date.slice(5, 7)}/${date.slice(0, 4)}`;

export function renderMoneyNotification(d: DispatchSnapshot, n: MoneyNotification): { subject: string; body: string } {
  const what = n.clock === 'storage_free_time' ? 'almacenaje' : 'sobreestadía';
  const figures = [
    `Contenedor: ${n.containerNumber} (${n.size}')`,
    `Último día libre: ${limaDay(n.lastFreeDay)} · primer día con cobro: ${limaDay(n.firstChargeableDay)}`,
    `Tarifa diaria: ${formatMoney(n.dailyRate)} por contenedor (${n.source})`,
    `Costo estimado si no se hace nada: ${formatMoney(n.estimatedCost)} (${n.estimatedDays} día(s) × ${formatMoney(n.dailyRate)}, hasta el ${limaDay(n.estimatedUntil)}, primer día hábil en que se puede actuar)`,
  ].join('\n');
  const action = n.clock === 'storage_free_time' ? 'el retiro del contenedor' : 'la devolución del contenedor vacío';
  if (n.kind === 'cost_clock_warning') {
    return {
      subject: `[${d.dispatchId}] Aviso de costo: vence el tiempo libre de ${what} del contenedor ${n.containerNumber} — ${formatMoney(n.estimatedCost)}`,
      body: `El tiempo libre de ${what} del contenedor ${n.containerNumber} termina el ${limaDay(n.lastFreeDay)}. Coordine ${action} hoy para evitar el cobro.\n\n${figures}`,
    };
  }
  return {
    subject: `[${d.dispatchId}] ESCALAMIENTO: el contenedor ${n.containerNumber} ya genera ${what} — ${formatMoney(n.estimatedCost)}`,
    body: `Terminó el tiempo libre de ${what} del contenedor ${n.containerNumber} y el cobro ya corre desde el ${limaDay(n.firstChargeableDay)}. Se informa al supervisor (contingencia de costo).\n\n${figures}`,
  };
}

/** Funds gate: the funds request to the client, the payment recorded, the wait escalated to the supervisor. */
export function renderFundsNotification(d: DispatchSnapshot, n: FundsNotification): { subject: string; body: string } {
  const payment = `Pago: ${formatMoney(n.amount)} a ${n.payee} por ${n.concept} (ref. ${n.reference})`;
  switch (n.kind) {
    case 'funds_request':
      return {
        subject: `[${d.dispatchId}] Solicitud de fondos: ${formatMoney(n.shortfall ?? n.amount)} para continuar su despacho`,
        body: `Estimado cliente:\n\nPara continuar con su despacho debemos pagar por su cuenta el siguiente gasto de terceros y sus fondos no lo cubren.\n\n${payment}\nFaltan: ${formatMoney(n.shortfall ?? n.amount)}\nDetalle: ${n.reason ?? ''}\n\nLe agradeceremos realizar el abono (transferencia o letras) a la brevedad. En cuanto lo registremos, el pago se hará sin más trámite.`,
      };
    case 'third_party_payment_recorded':
      return {
        subject: `[${d.dispatchId}] Pago a terceros registrado: ${formatMoney(n.amount)} a ${n.payee}`,
        body: `Los fondos del cliente cubren el pago y quedó registrado en la cuenta del despacho. Puede continuar con el trámite.\n\n${payment}`,
      };
    case 'funds_wait_escalation':
      return {
        subject: `[${d.dispatchId}] ESCALAMIENTO: el despacho sigue esperando fondos del cliente (${formatMoney(n.shortfall ?? n.amount)})`,
        body: `El pago a terceros sigue sin fondos desde el ${n.waitingSince ? formatLima(n.waitingSince) : '—'} (hora de Lima); el plazo de espera venció el ${n.dueAt ? formatLima(n.dueAt) : '—'}. Se informa al supervisor.\n\n${payment}\nFaltan: ${formatMoney(n.shortfall ?? n.amount)}\nDetalle: ${n.reason ?? ''}`,
      };
  }
}
