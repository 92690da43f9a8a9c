import { allHandlersFinished, ApplicationFailure, condition, setHandler, workflowInfo } from '@temporalio/workflow';
import type { Verdict } from '../../domain/partners/operation';
import {
  canClose,
  canDefinePlan,
  dueCorrectiveNotices,
  isOverdue,
  openCorrectiveAction,
  pendingCorrectiveNotices,
  resolveCorrectiveActionPolicy,
  type CorrectiveActionState,
} from '../../domain/partners/corrective-action';
import type { CorrectiveActionNotice, CorrectiveAudience } from '../../domain/partners/notices-es';
import { sideEffectKey } from '../../domain/ids';
import { partnerEmail, partnerRecords } from './activities';
import {
  closeCorrectiveAction,
  defineCorrectiveAction,
  getCorrectiveAction,
  type CorrectiveActionInput,
  type CorrectiveActionView,
} from './partners.messages';
import { tagPartner } from './search-attributes';
import { SideEffectGuard } from './side-effects';

const nowIso = () => new Date().toISOString();

function assertOk(verdict: Verdict): void {
  if (!verdict.ok) throw ApplicationFailure.nonRetryable(verdict.reason, verdict.type);
}

/**
 * The corrective action of one non-conformity, from opening to closure with evidence: records the
 * non-conformity, tells its owner (partner in copy), reminds before the due date, escalates to management
 * once overdue, and closes only through `closeCorrectiveAction` with evidence.
 */
export async function correctiveActionWorkflow(input: CorrectiveActionInput): Promise<CorrectiveActionState> {
  const policy = resolveCorrectiveActionPolicy(input.policy);
  const workflowId = workflowInfo().workflowId;
  // Before the first command: runs from before change people-routing-2026-12 replay without the bound's handling.
  const guard = SideEffectGuard.atStart();
  let state: CorrectiveActionState | undefined;
  let version = 0;
  const ready = () => state !== undefined;
  const view = (): CorrectiveActionView => {
    if (!state) throw new Error('La acción correctiva aún se está inicializando');
    return { ...state, overdue: isOverdue(state, nowIso()), nextNoticeAt: pendingCorrectiveNotices(state, policy)[0]?.at ?? null, incidents: guard.incidents };
  };
  const persist = () => {
    const record = toRecord(state!, workflowId); // the snapshot of now, even if it lands later
    // Runs from before the change wrote without a queue (concurrent updates wrote at once): they replay so.
    if (!guard.bounded) return partnerRecords.recordNonConformity(record);
    return guard.persist('registro de la no conformidad', () => partnerRecords.recordNonConformity(record));
  };

  setHandler(getCorrectiveAction, view);
  setHandler(
    defineCorrectiveAction,
    async (u) => {
      await condition(ready);
      assertOk(canDefinePlan(state!, u.plan));
      state = { ...state!, actionPlan: u.plan.trim(), nc: { ...state!.nc, owner: u.owner ?? state!.nc.owner } };
      version += 1;
      await persist();
      return view();
    },
    { validator: (u) => state && assertOk(canDefinePlan(state, u.plan)) },
  );
  setHandler(
    closeCorrectiveAction,
    async (u) => {
      await condition(ready);
      assertOk(canClose(state!, u.evidence));
      state = { ...state!, status: 'closed', closedAt: nowIso(), closedBy: u.actor, evidence: u.evidence };
      version += 1;
      await persist();
      return view();
    },
    { validator: (u) => state && assertOk(canClose(state, u.evidence)) },
  );

  tagPartner(input.nc.partnerId, input.nc.office);
  const calendar = await guard.run('carga del calendario', () => partnerRecords.loadBusinessCalendar({ country: 'CO', aroundIso: input.nc.openedAt }));
  state = openCorrectiveAction(input.nc, policy, calendar);
  await persist();
  await send(state, 'opened', { kind: 'opened' }, ['owner', 'partner']);

  await followUp();
  await condition(allHandlersFinished);
  await guard.drained();
  await send(state, 'closed', { kind: 'closed' }, ['owner', 'partner']);
  return state;

  async function send(s: CorrectiveActionState, step: string, notice: CorrectiveActionNotice, audience: CorrectiveAudience[]) {
    await guard.run(`correo «${step}»`, () => partnerEmail.sendCorrectiveActionEmail({ idempotencyKey: sideEffectKey(workflowId, step), state: s, notice, audience }));
  }

  /** Sends due reminders and escalations, then sleeps until the next one or a change; returns once closed. */
  async function followUp(): Promise<void> {
    while (state!.status === 'open') {
      const { send: due, skip } = dueCorrectiveNotices(state!, policy, nowIso());
      for (const n of due) {
        const notice: CorrectiveActionNotice = n.kind === 'reminder' ? { kind: 'reminder', remainingMs: n.remainingMs } : { kind: 'escalation', round: n.round };
        await send(state!, `notice/${n.key}`, notice, n.kind === 'reminder' ? ['owner'] : ['owner', 'management']);
      }
      // Re-read the state: an update may have changed it while the emails went out.
      state = { ...state!, sentNotices: [...state!.sentNotices, ...[...due, ...skip].map((n) => n.key)] };
      const next = pendingCorrectiveNotices(state, policy)[0];
      const seen = version;
      const changed = () => version !== seen;
      // The next reminder or escalation, as data from the policy; an update (plan, closure) wakes the loop early.
      if (next) await condition(changed, Math.max(Date.parse(next.at) - Date.now(), 1));
      else await condition(changed);
    }
  }
}

function toRecord(s: CorrectiveActionState, workflowId: string) {
  return {
    ncId: s.nc.ncId,
    workflowId,
    partnerId: s.nc.partnerId,
    source: s.nc.source,
    description: s.nc.description,
    doNumber: s.nc.doNumber ?? null,
    office: s.nc.office ?? null,
    milestone: s.nc.milestone ?? null,
    openedAt: s.nc.openedAt,
    openedBy: s.nc.openedBy,
    owner: s.nc.owner,
    dueAt: s.dueAt,
    status: s.status,
    actionPlan: s.actionPlan ?? null,
    closedAt: s.closedAt ?? null,
    closedBy: s.closedBy ?? null,
    evidence: s.evidence ?? null,
  };
}
