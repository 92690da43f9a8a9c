import { ApplicationFailure, ParentClosePolicy, startChild, workflowInfo } from '@temporalio/workflow';
import { WorkflowExecutionAlreadyStartedError } from '@temporalio/common';
import { ErrorType } from '../../domain/errors';
import type { BusinessCalendar } from '../../domain/calendar';
import type { Contact } from '../../domain/dispatch';
import { correctiveActionWorkflowId, operationNonConformityId } from '../../domain/partners/ids';
import type { NonConformityInput } from '../../domain/partners/corrective-action';
import {
  applyOperationEvent,
  canApply,
  isClosedOperation,
  openClock,
  type OperationEvent,
  type OperationState,
} from '../../domain/partners/operation';
import { toOperationView, type ExternalOperationView } from '../../domain/partners/operation-view';
import type { Milestone, PartnerAgreement } from '../../domain/partners/partner';
import { partnerRecords } from './activities';
import { correctiveActionWorkflow } from './corrective-action.workflow';
import type { ExternalOperationInput } from './partners.messages';
import { SideEffectGuard } from './side-effects';

export const nowIso = () => new Date().toISOString();

/**
 * The live operation inside its workflow. Every change goes through the pure state machine, then is persisted in
 * order (milestone sample, read model) by idempotent activities.
 */
export class OperationRuntime {
  version = 0;
  readonly workflowId = workflowInfo().workflowId;

  constructor(
    readonly input: ExternalOperationInput,
    readonly agreement: PartnerAgreement,
    readonly calendar: BusinessCalendar,
    public state: OperationState,
    readonly guard: SideEffectGuard = new SideEffectGuard(false),
  ) {}

  view(): ExternalOperationView {
    return { ...toOperationView(this.state, this.input.dispatchId, this.calendar, this.agreement.serviceTimes, nowIso()), incidents: this.guard.incidents };
  }

  /** Throws the state machine's Spanish reason when the event is not allowed now (update validators). */
  assertAllowed(event: OperationEvent): void {
    const verdict = canApply(this.state, event, nowIso());
    if (!verdict.ok) throw ApplicationFailure.nonRetryable(verdict.reason, verdict.type);
  }

  async apply(event: OperationEvent): Promise<void> {
    this.assertAllowed(event); // the state may have moved while a handler awaited
    this.state = applyOperationEvent(this.state, event, this.calendar, this.agreement.serviceTimes, nowIso());
    this.version += 1;
    const sample = event.type === 'milestone' ? this.state.milestones.at(-1) : undefined;
    const record = this.readModel();
    await this.persist(async () => {
      if (sample) {
        await partnerRecords.recordOperationMilestone({ ...sample, doNumber: this.state.doNumber, partnerId: this.state.partnerId, office: this.state.office });
      }
      await partnerRecords.recordExternalOperation(record);
    });
  }

  /** Ordered record writes; during an outage the caller gets its answer and the write lands later (side-effects.ts). */
  persist(work: () => Promise<unknown>): Promise<void> {
    return this.guard.persist('registro de la operación', work);
  }

  /**
   * Opens a non-conformity on this operation: its id comes from the operation's count (deterministic), and a
   * child workflow follows its corrective action. The child outlives the operation (ABANDON): a delivered DO
   * can still owe a corrective action.
   */
  async openNonConformity(opts: { source: 'breach' | 'complaint'; description: string; openedBy: string; milestone?: Milestone; owner?: Contact }): Promise<string> {
    const ncId = operationNonConformityId(this.state.doNumber, this.state.nonConformities.length + 1);
    const openedAt = nowIso();
    await this.apply({ type: 'nonConformityOpened', nc: { ncId, source: opts.source, milestone: opts.milestone, openedAt } });
    const nc: NonConformityInput = {
      ncId,
      partnerId: this.agreement.partnerId,
      partnerName: this.agreement.partnerName,
      source: opts.source,
      description: opts.description,
      doNumber: this.state.doNumber,
      office: this.state.office,
      milestone: opts.milestone,
      openedAt,
      openedBy: opts.openedBy,
      owner: opts.owner ?? this.agreement.accountManager,
      partnerContacts: this.agreement.contacts,
    };
    try {
      await startChild(correctiveActionWorkflow, {
        workflowId: correctiveActionWorkflowId(ncId),
        args: [{ nc, policy: this.input.correctiveActionPolicy }],
        parentClosePolicy: ParentClosePolicy.ABANDON,
      });
    } catch (err) {
      // Only an id clash can fail the start (its follow-up already runs): tell the caller, do not fail the task.
      if (err instanceof WorkflowExecutionAlreadyStartedError) {
        throw ApplicationFailure.nonRetryable(`La no conformidad ${ncId} ya tiene una acción correctiva en curso.`, ErrorType.InvalidTransition);
      }
      throw err;
    }
    return ncId;
  }

  readModel() {
    const clock = openClock(this.state, this.calendar, this.agreement.serviceTimes);
    const s = this.state;
    return {
      doNumber: s.doNumber,
      workflowId: this.workflowId,
      partnerId: s.partnerId,
      office: s.office,
      dispatchId: this.input.dispatchId ?? null,
      // Activity input only (replay-safe): the read model knows which control chart the operation belongs to.
      direction: this.input.direction ?? 'import',
      status: s.status,
      aforo: s.aforo ?? null,
      nextMilestone: clock?.milestone ?? null,
      nextDueAt: clock?.dueAt ?? null,
      assignedAt: s.assignedAt,
      closedAt: isClosedOperation(s) ? (s.cancelledAt ?? s.milestones.at(-1)?.reportedAt ?? null) : null,
    };
  }
}
