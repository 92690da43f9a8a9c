/**
 * The mandate expiry reminder (seed 2.1.13): an email to the client's titular executive (their substitute while
 * absent; the supervisors' fallback address when the client has no executive in the directory), idempotent by
 * the workflow id, the mandate's expiry and the threshold (Message-ID).
 */
import type { Contact } from '../../domain/dispatch';
import { formatAtOffset, LIMA_UTC_OFFSET_MINUTES } from '../../domain/calendar';
import { DAY } from '../../domain/durations';
import { responsibleFor } from '../../domain/people';
import { messageIdFor } from '../email/email.activities';
import type { Mailer } from '../email/mailer';
import type { ClientRecord, SentMailLog } from '../records/record-store';
import type { PeopleStore } from '../people/people-store';
import type { MandateStore } from './mandate-store';

export interface MandateActivityDeps {
  mandates: MandateStore;
  people: Pick<PeopleStore, 'assignment' | 'directory'>;
  clients: { getClient(ruc: string): Promise<ClientRecord | null> };
  mailer: Mailer;
  sentLog: SentMailLog;
  fallbackSupervisor: Contact;
}

const limaDay = (iso: string) => formatAtOffset(iso, LIMA_UTC_OFFSET_MINUTES).slice(0, 10);

export function createMandateActivities(deps: MandateActivityDeps) {
  return {
    /** Reminds the client's executive that its mandate expires in `daysBefore` days; skipped once renewed. */
    async sendMandateExpiryReminder(req: { workflowId: string; clientRuc: string; expiresAt: string; daysBefore: number; at: string }): Promise<{ sent: boolean; to: string[] }> {
      const inForce = await deps.mandates.current(req.clientRuc);
      // Renewed after the workflow planned this reminder (its signal not seen yet): nothing to remind.
      if (inForce && Date.parse(inForce.expiresAt) > Date.parse(req.expiresAt)) return { sent: false, to: [] };
      const messageId = messageIdFor(`${req.workflowId}/${req.expiresAt}/${req.daysBefore}d`);
      const assignment = await deps.people.assignment(req.clientRuc);
      const dir = assignment ? await deps.people.directory(req.at) : undefined;
      const who = assignment && dir ? responsibleFor(dir.absences, assignment.executiveUsername, req.at) : undefined;
      const executive = dir?.staff.find((s) => s.username === who && s.active);
      const to = [(executive ?? deps.fallbackSupervisor).email.toLowerCase()];
      if (await deps.sentLog.wasSent(messageId)) return { sent: false, to };
      const client = await deps.clients.getClient(req.clientRuc);
      const name = client?.name ?? `RUC ${req.clientRuc}`;
      // Days actually left when it fires (a mandate recorded late gets its overdue reminder at once).
      const daysLeft = Math.max(0, Math.round((Date.parse(req.expiresAt) - Date.parse(req.at)) / DAY));
      const subject = `Mandato electrónico de ${name} (RUC ${req.clientRuc}) vence en ${daysLeft} días`;
      const text = [
        executive ? `${executive.name}:` : 'Supervisión: el cliente no tiene ejecutivo titular registrado en el directorio.',
        '',
        `El mandato electrónico (poder) que ${name} (RUC ${req.clientRuc}) otorgó a la agencia vence el ${limaDay(req.expiresAt)}${inForce?.reference ? ` (referencia ${inForce.reference})` : ''}.`,
        'Coordine con el cliente su renovación en SUNAT y registre el nuevo mandato en Levante (POST /clients/{ruc}/mandates): sin mandato vigente no se pueden numerar sus despachos.',
        '',
        'Levante · Agencia de aduanas',
      ].join('\n');
      await deps.mailer.send({ messageId, to, subject, text });
      await deps.sentLog.markSent({ messageId, dispatchId: null, kind: 'mandate_expiry_reminder', recipients: to, subject, sentAt: new Date().toISOString() });
      return { sent: true, to };
    },
  };
}
