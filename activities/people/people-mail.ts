/** Spanish text of the unanswered-email alerts (user-facing text is es-PE; times in America/Lima). */
import { formatAtOffset, LIMA_UTC_OFFSET_MINUTES } from '../../domain/calendar';
import type { MailResponseInput, StaffMember } from '../../domain/people';

const lima = (iso: string) => formatAtOffset(iso, LIMA_UTC_OFFSET_MINUTES);

export function unansweredMailText(stage: 'executive' | 'boss', input: MailResponseInput, dueAt: string, executive: StaffMember | undefined): { subject: string; text: string } {
  const where = input.dispatchId ? `despacho ${input.dispatchId}` : 'sin despacho (lista de clasificación)';
  const subject =
    stage === 'executive'
      ? `Correo sin responder: ${input.subject || '(sin asunto)'} · ${where}`
      : `Escalamiento: correo de cliente sin responder · ${where}`;
  const lines = [
    stage === 'executive'
      ? 'Un correo del cliente no ha sido respondido dentro del plazo acordado. Por favor, respóndalo de inmediato (función 2.1.19).'
      : 'Un correo del cliente sigue sin respuesta después de alertar al ejecutivo de turno. Se informa a la jefatura de Servicio al Cliente.',
    '',
    `De: ${input.from}`,
    `Asunto: ${input.subject || '(sin asunto)'}`,
    `Recibido: ${lima(input.receivedAt)}`,
    `Plazo de respuesta: ${lima(dueAt)}`,
    `Despacho: ${input.dispatchId ?? 'sin clasificar'}`,
    `Ejecutivo de turno: ${executive ? `${executive.name} <${executive.email}>` : 'no identificado'}`,
    '',
    'Responda desde su correo citando el mensaje (la respuesta detiene el plazo) o registre la respuesta en Levante.',
  ];
  return { subject, text: lines.join('\n') };
}
