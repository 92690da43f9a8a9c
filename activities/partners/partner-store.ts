/**
 * Narrow ports over the partner subsystem's records in PostgreSQL: the partner registry, the operations' read
 * model and milestones (the control chart's data), non-conformities, evaluations and the management roster.
 * Records are plain JSON (ISO strings). Writes a retried activity may repeat are idempotent by natural keys.
 */
import type { Contact } from '../../domain/dispatch';
import type { Evidence, NonConformitySource } from '../../domain/partners/corrective-action';
import type { PartnerEvaluation } from '../../domain/partners/evaluation';
import type { CustomsOffice, Milestone, Partner } from '../../domain/partners/partner';
import type { MilestoneRecord } from '../../domain/partners/operation';
import type { OperationDirection } from '../../domain/partners/contract';
import type { Page, Paged } from '../reports/scan';

export interface PartnerDirectory {
  getPartner(partnerId: string): Promise<Partner | null>;
  listPartners(filter?: { active?: boolean; office?: CustomsOffice }): Promise<Partner[]>;
  /** Creates or replaces the partner with its offices (an office left out is removed). */
  upsertPartner(partner: Partner): Promise<void>;
}

/** The operation's row in the read model, written whole on every change. */
export interface ExternalOperationRecord {
  doNumber: string;
  workflowId: string;
  partnerId: string;
  office: CustomsOffice;
  dispatchId: string | null;
  /** import | export (absent from runs recorded before it existed: import). */
  direction?: OperationDirection;
  status: string;
  aforo: string | null;
  nextMilestone: Milestone | null;
  nextDueAt: string | null;
  assignedAt: string;
  closedAt: string | null;
}

/** A reported milestone and its measured service time, with the operation it belongs to. */
export interface MilestoneSample extends MilestoneRecord {
  doNumber: string;
  partnerId: string;
  office: CustomsOffice;
}

export interface SampleFilter {
  partnerId: string;
  office?: CustomsOffice;
  milestone?: Milestone;
  /** Only the operations of this direction (imports and exports are charted apart). */
  direction?: OperationDirection;
  from?: string;
  to?: string;
}

export interface OperationLog {
  upsertOperation(record: ExternalOperationRecord): Promise<void>;
  getOperation(doNumber: string): Promise<ExternalOperationRecord | null>;
  listOperations(filter: { partnerId?: string; status?: string; limit?: number }): Promise<ExternalOperationRecord[]>;
  /** Idempotent by (doNumber, milestone). */
  recordMilestone(sample: MilestoneSample): Promise<void>;
  /** Samples in report order. */
  listSamples(filter: SampleFilter): Promise<MilestoneSample[]>;
  /** One keyset page of samples, by row key (not report order): for scans that heartbeat between pages. */
  listSamplesPage(filter: SampleFilter, page: Page): Promise<Paged<MilestoneSample>>;
  /** Operations assigned to the partner in [from, to). */
  countOperations(filter: { partnerId: string; from: string; to: string }): Promise<number>;
}

export interface NonConformityRecord {
  ncId: string;
  workflowId: string;
  partnerId: string;
  source: NonConformitySource;
  description: string;
  doNumber: string | null;
  office: CustomsOffice | null;
  milestone: Milestone | null;
  openedAt: string;
  openedBy: string;
  owner: Contact;
  dueAt: string;
  status: 'open' | 'closed';
  actionPlan: string | null;
  closedAt: string | null;
  closedBy: string | null;
  evidence: Evidence | null;
}

export interface NonConformityStore {
  /** Creates the record, or replaces its mutable fields (plan, due date, closure) when it exists. */
  upsertNonConformity(record: NonConformityRecord): Promise<void>;
  getNonConformity(ncId: string): Promise<NonConformityRecord | null>;
  listNonConformities(filter: { partnerId?: string; status?: 'open' | 'closed'; from?: string; to?: string }): Promise<NonConformityRecord[]>;
}

export interface EvaluationRecord {
  evaluationId: string;
  evaluation: PartnerEvaluation;
  reportText: string;
  requestedBy: string;
  createdAt?: string;
}

export interface EvaluationStore {
  /** Idempotent by evaluationId: a retry replaces the same record. */
  saveEvaluation(record: EvaluationRecord): Promise<void>;
  listEvaluations(partnerId: string): Promise<EvaluationRecord[]>;
}

export interface ManagementRoster {
  activeManagers(): Promise<Contact[]>;
  upsertManager(contact: Contact & { active?: boolean }): Promise<void>;
}

export type PartnerStore = PartnerDirectory & OperationLog & NonConformityStore & EvaluationStore & ManagementRoster;
