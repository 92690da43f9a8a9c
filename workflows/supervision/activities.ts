/**
 * Activity options of the scheduled supervision runs. Each run gets its own proxies so that its retries end
 * inside its schedule's execution timeout (schedules/definitions.ts) and fail as the activity's own failure,
 * readable in Temporal Web, instead of running into the workflow timeout.
 */
import { proxyActivities, type ActivityInterfaceFor, type ActivityOptions } from '@temporalio/workflow';
import type { Duration } from '@temporalio/common';
import type { Activities } from '../../activities';

// A database or mail outage is transient: back off from 5 s up to 2 min between attempts, until the bound.
const RETRY: ActivityOptions['retry'] = { initialInterval: '5 seconds', backoffCoefficient: 2, maximumInterval: '2 minutes' };

// The business calendar: one short PostgreSQL read.
const calendarWithin = (scheduleToCloseTimeout: Duration): ActivityOptions => ({ startToCloseTimeout: '30 seconds', scheduleToCloseTimeout, retry: RETRY });

// Heartbeat timeout 1 min: a scan heartbeats after every dispatch it queries (and every email it sends) and
// after every page of 200 rows, each normally well under a second and never near a minute even when SMTP is
// slow. A minute without one means the worker died or hangs: the retry starts then, not at the start-to-close
// timeout, and resumes after the last dispatch heartbeated.
const scanWithin = (startToCloseTimeout: Duration, scheduleToCloseTimeout: Duration): ActivityOptions => ({
  heartbeatTimeout: '1 minute',
  startToCloseTimeout,
  scheduleToCloseTimeout,
  retry: RETRY,
});

/** The proxies of one kind of run: its business-calendar lookup and its scan. */
export interface RunActivities {
  calendar: ActivityInterfaceFor<Activities>;
  scan: ActivityInterfaceFor<Activities>;
}

/** Client status report (run timeout 3 h): one client's open dispatches, a few pages of rows and one email. */
export const clientReportRun: RunActivities = {
  // Past 30 min + 135 min of retries the run fails: the client's schedule pauses on failure, Temporal Web shows why.
  calendar: proxyActivities<Activities>(calendarWithin('30 minutes')),
  scan: proxyActivities<Activities>(scanWithin('10 minutes', '135 minutes')),
};

/** Supervisor digest (run timeout 1 h): a workflow query per dispatch with a complaint, pages of at-risk rows. */
export const digestRun: RunActivities = {
  // Past 10 min + 40 min of retries the digest fails visibly in Temporal Web; tomorrow's digest is the backstop.
  calendar: proxyActivities<Activities>(calendarWithin('10 minutes')),
  scan: proxyActivities<Activities>(scanWithin('20 minutes', '40 minutes')),
};

/** Weekend programming (run timeout 4 h): the weekend's slots and pages of pending withdrawals, one email. */
export const weekendRun: RunActivities = {
  // Past 30 min + 3 h of retries the run fails visibly in Temporal Web; the schedule's next run is the backstop.
  calendar: proxyActivities<Activities>(calendarWithin('30 minutes')),
  scan: proxyActivities<Activities>(scanWithin('10 minutes', '3 hours')),
};

/** Expiry sweep (run timeout 4 h): a workflow query per released regime 20/70 dispatch, the largest scan. */
export const expirySweepRun: RunActivities = {
  // Past 30 min + 3 h of retries the sweep fails visibly in Temporal Web; the next weekday's sweep repeats it all.
  calendar: proxyActivities<Activities>(calendarWithin('30 minutes')),
  scan: proxyActivities<Activities>(scanWithin('30 minutes', '3 hours')),
};

/** Escalation re-check (run timeout 10 min, no calendar): a workflow query per overdue dispatch, emails if missed. */
export const escalationRecheckRun: Pick<RunActivities, 'scan'> = {
  // Past 8 min of retries the re-check fails visibly in Temporal Web; the next re-check (minutes later) is the backstop.
  scan: proxyActivities<Activities>(scanWithin('5 minutes', '8 minutes')),
};
