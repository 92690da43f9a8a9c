/** Spanish emails about non-conformities and their corrective actions (dates in Bogotá time). */
import { BOGOTA_UTC_OFFSET_MINUTES, formatAtOffset } from '../calendar';
import { HOUR } from '../durations';
import { NC_SOURCE_LABEL_ES, type CorrectiveActionState } from './corrective-action';
import { MILESTONE_LABEL_ES, OFFICE_LABEL_ES } from './partner';

/** Who receives a corrective-action email: its owner, the partner (in copy), management. */
export type CorrectiveAudience = 'owner' | 'partner' | 'management';

export type CorrectiveActionNotice =
  | { kind: 'opened' }
  | { kind: 'reminder'; remainingMs: number }
  | { kind: 'escalation'; round: number }
  | { kind: 'closed' };

const bogota = (iso: string) => `${formatAtOffset(iso, BOGOTA_UTC_OFFSET_MINUTES)} (hora de Bogotá)`;

function details(s: CorrectiveActionState): string {
  const nc = s.nc;
  return [
    `No conformidad: ${nc.ncId} — ${NC_SOURCE_LABEL_ES[nc.source]}`,
    `Aliado: ${nc.partnerName} (${nc.partnerId})`,
    ...(nc.doNumber ? [`Operación (DO): ${nc.doNumber}${nc.office ? ` · Aduana: ${OFFICE_LABEL_ES[nc.office]}` : ''}`] : []),
    ...(nc.milestone ? [`Hito: ${MILESTONE_LABEL_ES[nc.milestone]}`] : []),
    `Detalle: ${nc.description}`,
    `Responsable de la acción correctiva: ${nc.owner.name} <${nc.owner.email}>`,
    `Fecha límite: ${bogota(s.dueAt)}`,
    ...(s.actionPlan ? [`Acción correctiva: ${s.actionPlan}`] : []),
  ].join('\n');
}

export function correctiveActionEmailEs(s: CorrectiveActionState, n: CorrectiveActionNotice): { subject: string; text: string } {
  const tag = `[${s.nc.ncId}]`;
  const body = {
    opened: () => ({
      subject: `${tag} Nueva no conformidad del aliado ${s.nc.partnerName}`,
      text: 'Se registró una no conformidad. Defina la acción correctiva y ciérrela con evidencia antes de la fecha límite.',
    }),
    reminder: (remainingMs: number) => ({
      subject: `${tag} Recordatorio: la acción correctiva vence el ${bogota(s.dueAt)}`,
      text: `Quedan ${Math.round(remainingMs / HOUR)} horas para cerrar la acción correctiva con evidencia.`,
    }),
    escalation: (round: number) => ({
      subject: `${tag} ESCALAMIENTO${round > 1 ? ` (${round}.º aviso)` : ''}: acción correctiva vencida`,
      text: 'La acción correctiva venció sin cerrarse con evidencia. Se informa a la gerencia para su seguimiento.',
    }),
    closed: () => ({
      subject: `${tag} No conformidad cerrada`,
      text: `La acción correctiva se cerró el ${bogota(s.closedAt!)} por ${s.closedBy}.\nEvidencia: ${s.evidence?.description ?? ''}${s.evidence?.url ? `\nEnlace: ${s.evidence.url}` : ''}`,
    }),
  };
  const { subject, text } =
    n.kind === 'reminder' ? body.reminder(n.remainingMs) : n.kind === 'escalation' ? body.escalation(n.round) : body[n.kind]();
  return { subject, text: `${text}\n\n${details(s)}\n\n— Levante, control de operaciones con aliados (mensaje automático)` };
}
