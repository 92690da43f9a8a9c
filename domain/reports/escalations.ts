/**
 * Escalation re-check: which escalations a dispatch should already have sent. Each one carries the SAME
 * idempotency key the dispatch workflow uses for it (`<workflowId>/notice/<clock>/<ref>/missed`, see
 * domain/schedule.ts and workflows/dispatch.workflow.ts), so whichever of the two sends it first, the other
 * finds its Message-ID in the sent-mail log and never sends it twice. Pure.
 */
import type { Deadline } from '../clocks';
import type { Complaint } from '../dispatch-book';
import { sideEffectKey } from '../ids';
import type { Audience, Notification } from '../notifications';

export interface DueEscalation {
  idempotencyKey: string;
  audience: Audience[];
  notification: Notification;
}

/** Clocks whose passing is escalated to the supervisors (regime expiry only reminds the client). */
const ESCALATED = new Set(['document_review', 'dam_draft', 'regularization_target', 'regularization_legal', 'complaint_escalation']);

/**
 * Escalations of deadlines that passed at least `graceMs` before `now`: the grace leaves the workflow time to
 * send its own first, so the re-check only acts on what is really missing.
 */
export function dueEscalations(
  dispatch: { workflowId: string; deadlines: Deadline[]; complaints: Complaint[] },
  now: string,
  graceMs: number,
): DueEscalation[] {
  const cutoff = Date.parse(now) - graceMs;
  return dispatch.deadlines
    .filter((d) => ESCALATED.has(d.clock) && Date.parse(d.dueAt) <= cutoff)
    .flatMap((d): DueEscalation[] => {
      const idempotencyKey = sideEffectKey(dispatch.workflowId, `notice/${d.clock}/${d.ref ?? 'main'}/missed`);
      const audience: Audience[] = ['supervisors', 'executive'];
      if (d.clock !== 'complaint_escalation') {
        return [{ idempotencyKey, audience, notification: { kind: 'deadline_missed', clock: d.clock, dueAt: d.dueAt, label: d.label } }];
      }
      const c = dispatch.complaints.find((x) => x.id === d.ref);
      if (!c) return [];
      return [{ idempotencyKey, audience, notification: { kind: 'complaint_escalation', complaint: c.description, category: c.category, reportedAt: c.at, dueAt: d.dueAt } }];
    });
}
