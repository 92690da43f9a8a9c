/**
 * Activities of the partner subsystem: the workflows read the registry and write the read model, milestones,
 * non-conformities and evaluations through these, and send their emails here. Every write is idempotent by a
 * natural key and every email by a Message-ID derived from workflow state, so Temporal's retries are safe.
 */
import { ApplicationFailure } from '@temporalio/common';
import type { Contact } from '../../domain/dispatch';
import { ErrorType } from '../../domain/errors';
import type { CorrectiveActionState } from '../../domain/partners/corrective-action';
import type { EvaluationData } from '../../domain/partners/evaluation';
import { correctiveActionEmailEs, type CorrectiveActionNotice, type CorrectiveAudience } from '../../domain/partners/notices-es';
import { agreementAt, MILESTONES, type CustomsOffice, type PartnerAgreement } from '../../domain/partners/partner';
import { contractInForce } from '../../domain/partners/contract';
import { HOUR } from '../../domain/durations';
import { messageIdFor, type SentMailLog } from '../email/email.activities';
import type { Mailer } from '../email/mailer';
import { checkpoint, DEFAULT_PAGE_SIZE, readAll, type Page } from '../reports/scan';
import type { EvaluationRecord, ExternalOperationRecord, MilestoneSample, NonConformityRecord, PartnerStore } from './partner-store';
import type { ContractStore } from './contracts';

export interface PartnerActivityDeps {
  store: PartnerStore;
  mailer: Mailer;
  sentLog: SentMailLog;
  /** Receives management email when the roster is empty, so an escalation is never dropped. */
  fallbackManager: Contact;
  /** Rows per page of the yearly scan of milestone samples (default DEFAULT_PAGE_SIZE); tests use a small one. */
  pageSize?: number;
  /** Contracts with the partners: the service times of the contract in force override the registry's. */
  contracts?: Pick<ContractStore, 'contractsOf'>;
}

/** Bogotá is UTC−5 all year: the year runs from 05:00 UTC on 1 January. */
function yearBounds(year: number): { from: string; to: string } {
  return { from: `${year}-01-01T05:00:00.000Z`, to: `${year + 1}-01-01T05:00:00.000Z` };
}

// Report order, as listSamples gives it: the evaluation's sums then add up in the same order on every run.
const reportOrder = (a: MilestoneSample, b: MilestoneSample) =>
  a.reportedAt.localeCompare(b.reportedAt) || a.doNumber.localeCompare(b.doNumber) || a.milestone.localeCompare(b.milestone);

export function createPartnerActivities(deps: PartnerActivityDeps) {
  const { store } = deps;
  const pageSize = deps.pageSize ?? DEFAULT_PAGE_SIZE;

  async function sendOnce(input: { idempotencyKey: string; to: string[]; cc?: string[]; kind: string; subject: string; text: string }) {
    const messageId = messageIdFor(input.idempotencyKey);
    if (await deps.sentLog.wasSent(messageId)) return { messageId, sent: false };
    const to = [...new Set(input.to.map((e) => e.toLowerCase()))];
    if (to.length === 0) throw ApplicationFailure.nonRetryable(`No recipients for ${input.kind}`, ErrorType.InvalidInput);
    const cc = [...new Set((input.cc ?? []).map((e) => e.toLowerCase()))].filter((e) => !to.includes(e));
    // Send first, then record (same reasoning as sendDispatchEmail): a crash in between re-sends with the same Message-ID.
    await deps.mailer.send({ messageId, to, cc: cc.length ? cc : undefined, subject: input.subject, text: input.text });
    await deps.sentLog.markSent({ messageId, dispatchId: null, kind: input.kind, recipients: [...to, ...cc], subject: input.subject, sentAt: new Date().toISOString() });
    return { messageId, sent: true };
  }

  async function management(): Promise<string[]> {
    const managers = await store.activeManagers();
    return (managers.length ? managers : [deps.fallbackManager]).map((m) => m.email);
  }

  return {
    /** The partner and its agreed service times at the office; NotFound when it does not cover the office. */
    async loadPartnerAgreement(input: { partnerId: string; office: CustomsOffice; at?: string }): Promise<PartnerAgreement> {
      const partner = await store.getPartner(input.partnerId);
      const agreement = partner && agreementAt(partner, input.office);
      if (!partner || !partner.active || !agreement) {
        throw ApplicationFailure.nonRetryable(`El aliado ${input.partnerId} no está activo en la aduana ${input.office}`, ErrorType.NotFound);
      }
      // The times written in the contract in force at the assignment win over the registry's (contracts, issue 15).
      const contract = input.at && deps.contracts ? contractInForce(await deps.contracts.contractsOf(partner.partnerId), input.office, input.at) : undefined;
      const serviceTimes = { ...agreement.serviceTimes };
      for (const m of MILESTONES) {
        const hours = contract?.serviceTimesHours[m];
        if (hours !== undefined) serviceTimes[m] = hours * HOUR;
      }
      return { partnerId: partner.partnerId, partnerName: partner.name, contacts: partner.contacts, accountManager: partner.accountManager, serviceTimes };
    },

    /** Writes the operation's read-model row (whole record, last write wins). */
    async recordExternalOperation(record: ExternalOperationRecord): Promise<void> {
      await store.upsertOperation(record);
    },

    /** Records a reported milestone and its service time once per (DO, milestone): the control chart's data. */
    async recordOperationMilestone(sample: MilestoneSample): Promise<void> {
      await store.recordMilestone(sample);
    },

    /** Creates or updates a non-conformity record (opening, action plan, closure). */
    async recordNonConformity(record: NonConformityRecord): Promise<void> {
      await store.upsertNonConformity(record);
    },

    /** Emails about a corrective action (opened, reminder, escalation, closed), once per idempotency key. */
    async sendCorrectiveActionEmail(input: { idempotencyKey: string; state: CorrectiveActionState; notice: CorrectiveActionNotice; audience: CorrectiveAudience[] }) {
      const { subject, text } = correctiveActionEmailEs(input.state, input.notice);
      const to: string[] = [];
      const cc: string[] = [];
      if (input.audience.includes('owner')) to.push(input.state.nc.owner.email);
      if (input.audience.includes('management')) to.push(...(await management()));
      if (input.audience.includes('partner')) cc.push(...input.state.nc.partnerContacts.map((c) => c.email));
      return sendOnce({ idempotencyKey: input.idempotencyKey, to, cc, kind: `corrective_action_${input.notice.kind}`, subject, text });
    },

    /**
     * The year's data of a partner for its evaluation: operations, milestone samples, non-conformities. The
     * samples (a year of milestones) are read page by page with a heartbeat after each; a retry reads again.
     */
    async collectPartnerYear(input: { partnerId: string; year: number }): Promise<EvaluationData> {
      const partner = await store.getPartner(input.partnerId);
      if (!partner) throw ApplicationFailure.nonRetryable(`No existe el aliado ${input.partnerId}`, ErrorType.NotFound);
      const bounds = yearBounds(input.year);
      const [operations, ncs] = await Promise.all([
        store.countOperations({ partnerId: input.partnerId, ...bounds }),
        store.listNonConformities({ partnerId: input.partnerId, ...bounds }),
      ]);
      const read = (page: Page) => store.listSamplesPage({ partnerId: input.partnerId, ...bounds }, page);
      const samples = (await readAll(read, pageSize, (cursor) => checkpoint('partner-year', { cursor }))).sort(reportOrder);
      return {
        partnerId: partner.partnerId,
        partnerName: partner.name,
        year: input.year,
        operations,
        samples: samples.map((s) => ({ milestone: s.milestone, office: s.office, serviceMs: s.serviceMs, targetMs: s.targetMs, onTime: s.onTime })),
        nonConformities: ncs.map((n) => ({ source: n.source, status: n.status, dueAt: n.dueAt, closedAt: n.closedAt })),
      };
    },

    /** Stores the evaluation as the year's quality record (idempotent by evaluation id). */
    async recordPartnerEvaluation(record: EvaluationRecord): Promise<void> {
      await store.saveEvaluation(record);
    },

    /** Emails the Spanish evaluation report to management, once per idempotency key. */
    async sendEvaluationReport(input: { idempotencyKey: string; subject: string; text: string }) {
      return sendOnce({ ...input, to: await management(), kind: 'partner_evaluation' });
    },

    /** Ids of the partners to evaluate (active ones). */
    async listActivePartnerIds(): Promise<string[]> {
      return (await store.listPartners({ active: true })).map((p) => p.partnerId);
    },
  };
}

export type PartnerActivities = ReturnType<typeof createPartnerActivities>;
