/** Spanish (es-PE) texts of the money notices of a dispatch (issue #14): cost clocks, funds, liquidation. */
import type { DispatchSnapshot, Notification } from '../../domain/notifications';
import { formatMoney } from '../../domain/money/money';

type MoneyNotification = Extract<Notification, { kind: 'cost_clock_warning' | 'cost_clock_accruing' }>;

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
