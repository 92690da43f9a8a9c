import { allHandlersFinished, ApplicationFailure, condition, setHandler } from '@temporalio/workflow';
import { ErrorType } from '../../domain/errors';
import type { ExternalOperationView } from '../../domain/partners/operation-view';
import {
  breachDescriptionEs,
  breachesWithoutNonConformity,
  initialOperationState,
  isClosedOperation,
  openClock,
} from '../../domain/partners/operation';
import { partnerRecords } from './activities';
import { nowIso, OperationRuntime } from './operation-runtime';
import {
  cancelOperation,
  getExternalOperation,
  logOperationComplaint,
  reportMilestone,
  type ExternalOperationInput,
} from './partners.messages';
import { tagPartner } from './search-attributes';
import { SideEffectGuard } from './side-effects';

/**
 * One operation (DO) run by an alliance partner at a Colombian customs office. The partner reports its
 * milestones through the API; each milestone has a clock in Colombian business time, sized by the service time
 * agreed with the partner at that office. A breached clock opens a non-conformity whose corrective action is
 * followed by a child workflow.
 */
export async function externalOperationWorkflow(input: ExternalOperationInput): Promise<ExternalOperationView> {
  // Before the first command: runs from before change people-routing-2026-12 replay without the bound's handling.
  const guard = SideEffectGuard.atStart();
  // Set once the partner's agreement and the calendar are loaded.
  const live: { rt?: OperationRuntime } = {};
  const ready = () => live.rt !== undefined;
  // Handlers are registered before the first await so an early update is not lost; they wait for the runtime.
  setHandler(getExternalOperation, () => {
    if (!live.rt) throw new Error('La operación aún se está inicializando');
    return live.rt.view();
  });
  setHandler(
    reportMilestone,
    async (r) => {
      await condition(ready);
      await live.rt!.apply({ type: 'milestone', milestone: r.milestone, at: r.occurredAt ?? nowIso(), actor: r.actor, aforo: r.aforo });
      return live.rt!.view();
    },
    { validator: (r) => live.rt?.assertAllowed({ type: 'milestone', milestone: r.milestone, at: r.occurredAt ?? nowIso(), actor: r.actor, aforo: r.aforo }) },
  );
  setHandler(
    cancelOperation,
    async (c) => {
      await condition(ready);
      await live.rt!.apply({ type: 'cancelled', at: nowIso(), actor: c.actor, reason: c.reason });
      return live.rt!.view();
    },
    { validator: (c) => live.rt?.assertAllowed({ type: 'cancelled', at: nowIso(), actor: c.actor, reason: c.reason }) },
  );
  setHandler(logOperationComplaint, async (c) => {
    await condition(ready);
    const ncId = await live.rt!.openNonConformity({ source: 'complaint', description: c.description, openedBy: c.actor, owner: c.owner });
    return { ncId };
  }, {
    validator: (c) => {
      if (!c.description.trim()) throw ApplicationFailure.nonRetryable('Describa el reclamo', ErrorType.InvalidInput);
    },
  });

  tagPartner(input.partnerId, input.office);
  const agreement = await guard.run('lectura del acuerdo con el aliado', () => partnerRecords.loadPartnerAgreement({ partnerId: input.partnerId, office: input.office, at: input.assignedAt }));
  const calendar = await guard.run('carga del calendario', () => partnerRecords.loadBusinessCalendar({ country: 'CO', aroundIso: input.assignedAt }));
  const rt = (live.rt = new OperationRuntime(input, agreement, calendar, initialOperationState(input), guard));
  await rt.persist(() => partnerRecords.recordExternalOperation(rt.readModel()));
  await superviseClocks(rt);
  await condition(allHandlersFinished);
  // Writes queued during an outage land before the run completes (already settled otherwise: no command).
  await guard.drained();
  return rt.view();
}

/** Opens a non-conformity for each breached clock, then sleeps until the running clock expires or something changes. */
async function superviseClocks(rt: OperationRuntime): Promise<void> {
  for (;;) {
    for (const milestone of breachesWithoutNonConformity(rt.state, rt.calendar, rt.agreement.serviceTimes, nowIso())) {
      const dueAt = rt.state.milestones.find((m) => m.milestone === milestone)?.dueAt ?? openClock(rt.state, rt.calendar, rt.agreement.serviceTimes)!.dueAt;
      await rt.openNonConformity({ source: 'breach', milestone, description: breachDescriptionEs(rt.state, milestone, dueAt, rt.calendar), openedBy: 'levante' });
    }
    if (isClosedOperation(rt.state)) return;
    const clock = openClock(rt.state, rt.calendar, rt.agreement.serviceTimes)!;
    const breached = rt.state.nonConformities.some((nc) => nc.source === 'breach' && nc.milestone === clock.milestone);
    const seen = rt.version;
    const changed = () => rt.version !== seen;
    if (breached) await condition(changed);
    // The clock of the milestone the partner owes now, in business time; a timer wakes the loop when it expires.
    else await condition(changed, Math.max(Date.parse(clock.dueAt) - Date.now(), 1));
  }
}
