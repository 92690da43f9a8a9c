/**
 * Contracts with alliance partners over Prisma, and the scheduled reminders to management before a contract
 * ends (schedule `partner-contract-expiry`): one email per contract and threshold (60, 30, 7 days, last day).
 */
import type { Contact } from '../../domain/dispatch';
import { contractReminderDue, daysLeft, bogotaDate, type PartnerContract } from '../../domain/partners/contract';
import { OFFICE_LABEL_ES, type CustomsOffice } from '../../domain/partners/partner';
import type { PrismaClient } from '../../prisma/client';
import { messageIdFor } from '../email/email.activities';
import type { Mailer } from '../email/mailer';
import type { SentMailLog } from '../records/record-store';

export interface ContractStore {
  contractsOf(partnerId: string): Promise<PartnerContract[]>;
  /** Creates or replaces the contract (by partner and reference). */
  putContract(c: PartnerContract, by: string): Promise<void>;
  /** Contracts whose last day is on or after `day` ('YYYY-MM-DD'), with their partner's name. */
  contractsEndingFrom(day: string): Promise<(PartnerContract & { partnerName: string })[]>;
}

type Row = { partnerId: string; reference: string; startsOn: Date; endsOn: Date; offices: unknown; serviceTimes: unknown };
const day = (d: Date) => d.toISOString().slice(0, 10);
const toContract = (r: Row): PartnerContract => ({
  partnerId: r.partnerId, reference: r.reference, startsOn: day(r.startsOn), endsOn: day(r.endsOn),
  offices: r.offices as CustomsOffice[], serviceTimesHours: (r.serviceTimes ?? {}) as Record<string, number>,
});

export function createPrismaContractStore(prisma: PrismaClient): ContractStore {
  return {
    async contractsOf(partnerId) {
      return (await prisma.partnerContract.findMany({ where: { partnerId }, orderBy: { startsOn: 'asc' } })).map(toContract);
    },
    async putContract(c, by) {
      const data = { startsOn: new Date(`${c.startsOn}T00:00:00Z`), endsOn: new Date(`${c.endsOn}T00:00:00Z`), offices: c.offices, serviceTimes: c.serviceTimesHours };
      await prisma.partnerContract.upsert({
        where: { partnerId_reference: { partnerId: c.partnerId, reference: c.reference } },
        create: { partnerId: c.partnerId, reference: c.reference, ...data, createdBy: by },
        update: data,
      });
    },
    async contractsEndingFrom(from) {
      const rows = await prisma.partnerContract.findMany({ where: { endsOn: { gte: new Date(`${from}T00:00:00Z`) } }, orderBy: { endsOn: 'asc' }, take: 500 });
      const names = new Map((await prisma.partner.findMany({ where: { id: { in: [...new Set(rows.map((r) => r.partnerId))] } }, select: { id: true, name: true } })).map((p) => [p.id, p.name]));
      return rows.map((r) => ({ ...toContract(r), partnerName: names.get(r.partnerId) ?? r.partnerId }));
    },
  };
}

export interface ContractReminderDeps {
  contracts: ContractStore;
  managers: () => Promise<Contact[]>;
  fallbackManager: Contact;
  mailer: Mailer;
  sentLog: SentMailLog;
}

function reminderText(c: PartnerContract & { partnerName: string }, left: number): { subject: string; text: string } {
  const when = left === 0 ? 'vence hoy' : `vence en ${left} días (${c.endsOn})`;
  return {
    subject: `Contrato con aliado por vencer: ${c.partnerName} (${c.reference}) ${when}`,
    text: [
      `El contrato ${c.reference} con ${c.partnerName} ${when}.`,
      `Vigencia: del ${c.startsOn} al ${c.endsOn}.`,
      `Aduanas cubiertas: ${c.offices.map((o) => OFFICE_LABEL_ES[o] ?? o).join(', ')}.`,
      '',
      'Vencido el contrato, Levante rechaza nuevas operaciones con este aliado en esas aduanas. Renueve el contrato y regístrelo en Levante (PUT /partners/:id/contracts/:referencia).',
    ].join('\n'),
  };
}

export function createContractReminderActivities(deps: ContractReminderDeps) {
  return {
    /** Reminds management of the contracts reaching a threshold on the run's date; each reminder once. */
    async sendPartnerContractReminders(run: { scheduledAt: string }): Promise<{ sent: string[] }> {
      const sent: string[] = [];
      for (const c of await deps.contracts.contractsEndingFrom(bogotaDate(run.scheduledAt))) {
        const threshold = contractReminderDue(c, run.scheduledAt);
        if (threshold === undefined) continue;
        const messageId = messageIdFor(`partner-contract/${c.partnerId}/${c.reference}/${threshold}d`);
        if (await deps.sentLog.wasSent(messageId)) continue;
        const managers = await deps.managers();
        const to = [...new Set((managers.length ? managers : [deps.fallbackManager]).map((m) => m.email.toLowerCase()))];
        const { subject, text } = reminderText(c, daysLeft(c, run.scheduledAt));
        await deps.mailer.send({ messageId, to, subject, text });
        await deps.sentLog.markSent({ messageId, dispatchId: null, kind: 'partner_contract_expiry', recipients: to, subject, sentAt: new Date().toISOString() });
        sent.push(`${c.partnerId}/${c.reference}/${threshold}d`);
      }
      return { sent };
    },
  };
}
