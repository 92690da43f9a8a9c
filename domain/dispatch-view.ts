import type { Channel, DispatchInput } from './dispatch';
import type { DocumentKind } from './documents';
import { missingDocuments } from './documents';
import type { DispatchStatus } from './lifecycle';
import { STATUS_LABEL_ES } from './lifecycle';
import type { DispatchState } from './state-machine';
import { nextExpectedActions } from './state-machine';
import type { Complaint, DispatchBook } from './dispatch-book';
import type { Deadline } from './clocks';
import { containerList } from './imports/containers';
import type { ContainerSteps } from './imports/import-types';
import { planVsActual, type PlanRow } from './imports/plan';
import type { DispatchCostsView } from './money/dispatch-costs';
import type { DispatchMoneyView } from './money/money-view';

/** What the API and supervisors see of one dispatch: returned by the query and by every operator action. */
export interface DispatchView {
  dispatchId: string;
  status: DispatchStatus;
  statusLabel: string;
  direction: DispatchState['direction'];
  regime: DispatchState['regime'];
  modality: DispatchState['modality'];
  terminal: DispatchState['terminal'];
  channel?: Channel;
  damNumber?: string;
  client: { ruc: string; name: string };
  executive: { name: string; email: string };
  vessel: string;
  eta: string;
  bl: string;
  restrictedGoods: boolean;
  requiredDocuments: DocumentKind[];
  documentsReceived: Partial<Record<DocumentKind, string>>;
  missingDocuments: DocumentKind[];
  deadlines: Deadline[];
  nextDeadline?: Deadline;
  atRisk: boolean;
  overdue: boolean;
  nextActions: string[];
  complaints: Complaint[];
  incidents: DispatchBook['incidents'];
  extraordinaryServices: DispatchBook['extraordinaryServices'];
  terminalBookings: DispatchBook['terminalBookings'];
  milestones: Omit<DispatchState, 'requiredDocuments' | 'documentsReceived' | 'status'>;
  /** Planned vs actual milestones with the delay (import-steps-2026-12); empty without a plan. */
  plan: PlanRow[];
  /** Each container's own steps (import-steps-2026-12), in input order; empty for older dispatches. */
  containers: ContainerSteps[];
  openedAt: string;
  updatedAt: string;
  /** Cost clocks per container with accrued and projected costs (money-clocks-2026-12). */
  costs?: DispatchCostsView;
  /** Third-party payments through the funds gate and whether one waits for funds (money-clocks-2026-12). */
  money?: DispatchMoneyView;
}

export function toDispatchView(args: {
  input: DispatchInput;
  openedAt: string;
  state: DispatchState;
  book: DispatchBook;
  deadlines: Deadline[];
  flags: { atRisk: boolean; overdue: boolean; next?: Deadline };
  /** The instant the delays are measured at (workflow time). */
  now: string;
  costs?: DispatchCostsView;
  money?: DispatchMoneyView;
}): DispatchView {
  const { input, state, book } = args;
  const { requiredDocuments, documentsReceived, status, ...milestones } = state;
  return {
    dispatchId: input.dispatchId,
    status,
    statusLabel: STATUS_LABEL_ES[status],
    direction: state.direction,
    regime: state.regime,
    modality: state.modality,
    terminal: state.terminal,
    channel: state.channel,
    damNumber: state.damNumber,
    client: { ruc: input.client.ruc, name: input.client.name },
    executive: input.executive,
    vessel: book.vessel,
    eta: book.eta,
    bl: input.bl,
    restrictedGoods: input.restrictedGoods,
    requiredDocuments,
    documentsReceived,
    missingDocuments: missingDocuments(requiredDocuments, documentsReceived),
    deadlines: args.deadlines,
    nextDeadline: args.flags.next,
    atRisk: args.flags.atRisk,
    overdue: args.flags.overdue,
    nextActions: nextExpectedActions(state),
    complaints: book.complaints,
    incidents: book.incidents,
    extraordinaryServices: book.extraordinaryServices,
    terminalBookings: book.terminalBookings,
    milestones,
    plan: planVsActual(state, args.now),
    containers: containerList(state),
    openedAt: args.openedAt,
    updatedAt: state.updatedAt,
    ...(args.costs ? { costs: args.costs } : {}),
    ...(args.money ? { money: args.money } : {}),
  };
}
