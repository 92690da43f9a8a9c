/**
 * The clock of a written agreement (agreementClockWorkflow): the reminder to the executive on duty before it is
 * due, the alert to that executive and the functional boss of the agreement's matter when it is missed, and the
 * outcome on the agreement's row. Recipients are decided at the instant the clock fired (workflow time).
 */
import type { Contact } from '../../domain/dispatch';
import { formatAtOffset, LIMA_UTC_OFFSET_MINUTES } from '../../domain/calendar';
import { AGREEMENT_SOURCE_LABEL_ES, AGREEMENT_CHANNEL_LABEL_ES, executiveOnDuty, functionalBosses, type Agreement, type AgreementStatus, type StaffMember } from '../../domain/people';
import { messageIdFor } from '../email/email.activities';
import type { Mailer } from '../email/mailer';
import type { SentMailLog } from '../records/record-store';
import type { PeopleStore } from './people-store';
import type { DispatchOwner, PeopleRecords } from './people-records';

export interface AgreementDeps {
  records: PeopleRecords;
  people: Pick<PeopleStore, 'directory' | 'assignment'>;
  mailer: Mailer;
  sentLog: SentMailLog;
  fallbackSupervisor: Contact;
}

const lima = (iso: string) => formatAtOffset(iso, LIMA_UTC_OFFSET_MINUTES);

function agreementText(stage: 'reminder' | 'missed', a: Agreement, executive: Contact): { subject: string; text: string } {
  const subject = stage === 'reminder' ? `[${a.dispatchId}] Recordatorio: acuerdo por cumplir` : `[${a.dispatchId}] ALERTA: acuerdo incumplido`;
  const lines = [
    stage === 'reminder'
      ? `Un acuerdo registrado en el despacho ${a.dispatchId} vence el ${lima(a.dueAt!)}. Asegure su cumplimiento (función 2.1.9).`
      : `Venció el plazo de un acuerdo del despacho ${a.dispatchId} sin que se registrara su cumplimiento. Se informa al ejecutivo de turno y a la jefatura funcional.`,
    '',
    `Acuerdo: ${a.content}`,
    `Con: ${a.agreedWith} (${AGREEMENT_SOURCE_LABEL_ES[a.source]})`,
    `Fecha del acuerdo: ${lima(a.agreedAt)} · medio: ${AGREEMENT_CHANNEL_LABEL_ES[a.channel]}${a.reference ? ` · referencia: ${a.reference}` : ''}`,
    `Vence: ${lima(a.dueAt!)}`,
    `Ejecutivo de turno: ${executive.name} <${executive.email}>`,
    '',
    'Al cumplirlo, márquelo como cumplido en Levante (el plazo se detiene).',
  ];
  return { subject, text: lines.join('\n') };
}

export function createAgreementActivities(deps: AgreementDeps) {
  /** The executive on duty for the dispatch's titular at the instant, or the dispatch's executive when the directory names nobody. */
  async function executiveFor(owner: DispatchOwner | null, staff: StaffMember[], dir: Awaited<ReturnType<AgreementDeps['people']['directory']>>, at: string): Promise<Contact | null> {
    const titular = owner
      ? ((await deps.people.assignment(owner.clientRuc))?.executiveUsername ?? staff.find((s) => s.executiveId === owner.executiveId)?.username)
      : undefined;
    const onDuty = executiveOnDuty(dir.staff, dir.shifts, dir.absences, at, titular);
    if (onDuty) return onDuty;
    return owner ? { name: owner.executiveName, email: owner.executiveEmail } : null;
  }

  return {
    /** Reminder before, or alert when missed, about one agreement; idempotent by the clock's workflow id and stage. */
    async alertAgreement(req: { workflowId: string; agreementId: string; stage: 'reminder' | 'missed'; at: string }): Promise<{ sent: boolean; to: string[] }> {
      const messageId = messageIdFor(`${req.workflowId}/${req.stage}`);
      const agreement = await deps.records.agreement(req.agreementId);
      if (!agreement || agreement.status === 'fulfilled' || !agreement.dueAt) return { sent: false, to: [] };
      const dir = await deps.people.directory(req.at);
      const owner = await deps.records.dispatchOwner(agreement.dispatchId);
      const executive = (await executiveFor(owner, dir.staff, dir, req.at)) ?? deps.fallbackSupervisor;
      const bosses = req.stage === 'missed' ? functionalBosses(agreement.matter, dir.staff, dir.absences, req.at) : [];
      const people = req.stage === 'missed' ? [executive, ...(bosses.length ? bosses : [deps.fallbackSupervisor])] : [executive];
      const to = [...new Set(people.map((p) => p.email.toLowerCase()))];
      if (await deps.sentLog.wasSent(messageId)) return { sent: false, to };
      const { subject, text } = agreementText(req.stage, agreement, executive);
      await deps.mailer.send({ messageId, to, subject, text });
      await deps.sentLog.markSent({ messageId, dispatchId: agreement.dispatchId, kind: `agreement_${req.stage}`, recipients: to, subject, sentAt: new Date().toISOString() });
      return { sent: true, to };
    },

    /** Records how the agreement's clock ended (missed); a fulfilment recorded through the API is never overwritten. */
    async recordAgreementOutcome(req: { agreementId: string; status: AgreementStatus }): Promise<boolean> {
      return deps.records.setAgreementStatus(req.agreementId, req.status);
    },
  };
}
