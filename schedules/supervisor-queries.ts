/**
 * Ready-made Temporal visibility queries for supervisors (Temporal Web's filter box, or
 * `temporal workflow list --query "…"`), over the search attributes every dispatch keeps up to date
 * (workflows/dispatch/search-attributes.ts). docs/supervision.md lists them; the dev-server test runs them.
 * "Open" means not closed or cancelled: a closed dispatch of a temporary regime still runs for its reminders.
 */
const DISPATCHES = "WorkflowType = 'dispatchWorkflow'";
const OPEN = "DispatchStatus NOT IN ('closed', 'cancelled')";

export const SUPERVISOR_QUERIES = {
  /** All red-channel dispatches at DPWC that are still open. */
  redChannelAtDpwc: `${DISPATCHES} AND ${OPEN} AND Channel = 'rojo' AND Terminal = 'DPWC'`,
  /** Everything overdue: a deadline of any clock has passed. */
  everythingOverdue: `${DISPATCHES} AND ${OPEN} AND Overdue = true`,
  /** At risk: inside a reminder window, or overdue. */
  atRisk: `${DISPATCHES} AND ${OPEN} AND AtRisk = true`,
  /** This client's open dispatches. */
  clientOpenDispatches: (ruc: string) => `${DISPATCHES} AND ${OPEN} AND ClientRuc = '${ruc}'`,
  /** One dispatch by its DAM number. */
  byDamNumber: (damNumber: string) => `${DISPATCHES} AND DamNumber = '${damNumber}'`,
  /** An executive's open dispatches, next deadline first (sort in Temporal Web by NextDeadlineAt). */
  executiveOpenDispatches: (executiveId: string) => `${DISPATCHES} AND ${OPEN} AND ExecutiveId = '${executiveId}'`,
  /** Open dispatches with a deadline before an instant (e.g. the end of the shift). */
  deadlineBefore: (iso: string) => `${DISPATCHES} AND ${OPEN} AND NextDeadlineAt < '${iso}'`,
  /** A definitive export (regime 40, opened with its own DAM) by its DAM number. */
  exportByDamNumber: (damNumber: string) => `${DISPATCHES} AND Regime = '40' AND DamNumber = '${damNumber}'`,
  /** Open exports with a given control channel (e.g. rojo: physical inspection pending before shipment). */
  exportsByChannel: (channel: 'verde' | 'naranja' | 'rojo') => `${DISPATCHES} AND ${OPEN} AND Regime = '40' AND Channel = '${channel}'`,
  /** Open dispatches of one regime (e.g. '60' re-exports, '89' reshipments, '41' temporary exports). */
  openByRegime: (regime: string) => `${DISPATCHES} AND ${OPEN} AND Regime = '${regime}'`,
  /** Every dispatch of the outbound regimes of outbound-regimes-2026-12, open or not (a closed 41 still waits for its re-import). */
  outboundRegimes: `${DISPATCHES} AND Regime IN ('60', '89', '41')`,
  /** Runs started by one schedule (client report, digest, sweeps). */
  scheduledRuns: (scheduleId: string) => `TemporalScheduledById = '${scheduleId}'`,
};
