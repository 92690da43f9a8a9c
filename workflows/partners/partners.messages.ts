/**
 * Messages of the partner workflows (external operation, corrective action, evaluation). The API imports only
 * this file from workflows/partners. Updates carry the acting user (`actor`): a partner's API key or an operator.
 */
import { defineQuery, defineUpdate } from '@temporalio/workflow';
import type { Contact } from '../../domain/dispatch';
import type { CorrectiveActionPolicy, CorrectiveActionState, Evidence, NonConformityInput } from '../../domain/partners/corrective-action';
import type { EvaluationPolicy } from '../../domain/partners/evaluation';
import type { Aforo } from '../../domain/partners/operation';
import type { ExternalOperationView } from '../../domain/partners/operation-view';
import type { CustomsOffice, Milestone } from '../../domain/partners/partner';
import type { OperationDirection } from '../../domain/partners/contract';
import type { SideEffectIncident } from './side-effects';

/** Input of an external operation: the partner's DO at a customs office, standalone or linked to a dispatch. */
export interface ExternalOperationInput {
  doNumber: string;
  partnerId: string;
  office: CustomsOffice;
  /** The dispatch this operation belongs to, when there is one (link only; see docs/partners.md). */
  dispatchId?: string;
  /** When the operation was assigned to the partner: the first clock (`received`) starts here. */
  assignedAt: string;
  openedBy: string;
  /** Import or export (the seed controls them apart, each on its own chart); absent in operations started before: import. */
  direction?: OperationDirection;
  /** Corrective-action policy of the non-conformities this operation opens (tests run it short). */
  correctiveActionPolicy?: Partial<CorrectiveActionPolicy>;
}

export interface MilestoneReport {
  actor: string;
  milestone: Milestone;
  /** When it happened (ISO); defaults to now. Cannot be before the previous milestone nor in the future. */
  occurredAt?: string;
  /** Required with `declared`: automatic levante or the kind of inspection (aforo). */
  aforo?: Aforo;
}

export interface ComplaintReport {
  actor: string;
  description: string;
  /** Owner of the corrective action; defaults to the partner's account manager. */
  owner?: Contact;
}

/** The partner reported a milestone of its operation; answers with the operation after it. */
export const reportMilestone = defineUpdate<ExternalOperationView, [MilestoneReport]>('reportMilestone');
/** A complaint about this operation: opens a non-conformity with its corrective action; answers with its id. */
export const logOperationComplaint = defineUpdate<{ ncId: string }, [ComplaintReport]>('logOperationComplaint');
/** The operation was withdrawn (client cancelled, reassigned): stops its clocks. */
export const cancelOperation = defineUpdate<ExternalOperationView, [{ actor: string; reason: string }]>('cancelOperation');
/** Live state of the operation: milestones, service times, the running clock, non-conformities. */
export const getExternalOperation = defineQuery<ExternalOperationView>('getExternalOperation');

/** Input of a corrective action's workflow: the non-conformity it answers. */
export interface CorrectiveActionInput {
  nc: NonConformityInput;
  policy?: Partial<CorrectiveActionPolicy>;
}

export interface CorrectiveActionView extends CorrectiveActionState {
  overdue: boolean;
  nextNoticeAt: string | null;
  /** Emails or record writes that outlasted their retries (runs from change people-routing-2026-12 on). */
  incidents?: SideEffectIncident[];
}

/** The owner recorded the corrective action to take (and may hand it to someone else). */
export const defineCorrectiveAction = defineUpdate<CorrectiveActionView, [{ actor: string; plan: string; owner?: Contact }]>('defineCorrectiveAction');
/** The action was carried out: closes the non-conformity; refused without evidence. */
export const closeCorrectiveAction = defineUpdate<CorrectiveActionView, [{ actor: string; evidence: Evidence }]>('closeCorrectiveAction');
/** Live state of the corrective action. */
export const getCorrectiveAction = defineQuery<CorrectiveActionView>('getCorrectiveAction');

/** Input of one partner's evaluation for a year (scheduled or on demand). */
export interface PartnerEvaluationInput {
  partnerId: string;
  year: number;
  evaluationId: string;
  requestedBy: string;
  policy?: EvaluationPolicy;
}

/** Input of the yearly run over every active partner; `year` defaults to the previous calendar year (Bogotá). */
export interface AnnualEvaluationsInput {
  year?: number;
  requestedBy?: string;
}
