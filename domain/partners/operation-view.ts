/** Live view of a partner's operation: what the query returns and the API serves. Plain JSON. */
import { parseInstant, type BusinessCalendar } from '../calendar';
import { OPERATION_STATUS_LABEL_ES, openClock, type MilestoneRecord, type OperationNonConformity, type OperationState, type OperationStatus } from './operation';
import { MILESTONE_LABEL_ES, OFFICE_LABEL_ES, type CustomsOffice, type Milestone, type ServiceTimes } from './partner';

export interface ExternalOperationView {
  /** Record writes that outlasted their retries and wait for the next try (workflows/partners/side-effects.ts). */
  incidents?: { what: string; at: string; cause: string; resolvedAt: string | null }[];
  doNumber: string;
  partnerId: string;
  office: CustomsOffice;
  officeLabel: string;
  dispatchId: string | null;
  status: OperationStatus;
  statusLabel: string;
  assignedAt: string;
  aforo: string | null;
  milestones: MilestoneRecord[];
  /** The milestone the partner owes now and its deadline; null once delivered or cancelled. */
  clock: { milestone: Milestone; label: string; startedAt: string; dueAt: string; overdue: boolean } | null;
  nonConformities: OperationNonConformity[];
}

export function toOperationView(s: OperationState, dispatchId: string | undefined, cal: BusinessCalendar, times: ServiceTimes, nowIso: string): ExternalOperationView {
  const clock = openClock(s, cal, times);
  return {
    doNumber: s.doNumber,
    partnerId: s.partnerId,
    office: s.office,
    officeLabel: OFFICE_LABEL_ES[s.office],
    dispatchId: dispatchId ?? null,
    status: s.status,
    statusLabel: OPERATION_STATUS_LABEL_ES[s.status],
    assignedAt: s.assignedAt,
    aforo: s.aforo ?? null,
    milestones: s.milestones,
    clock: clock ? {
      milestone: clock.milestone,
      label: MILESTONE_LABEL_ES[clock.milestone],
      startedAt: clock.startedAt,
      dueAt: clock.dueAt,
      overdue: parseInstant(nowIso) >= parseInstant(clock.dueAt),
    } : null,
    nonConformities: s.nonConformities,
  };
}
