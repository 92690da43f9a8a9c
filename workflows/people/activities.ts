/** Activity proxies of the people workflows. */
import { proxyActivities } from '@temporalio/workflow';
import type { Activities } from '../../activities';

// Directory reads and one email: short. A mail or database outage is transient: retry with backoff, no bound
// but the workflow's (an alert late is better than none; the Message-ID keeps it single).
export const peopleActivities = proxyActivities<Activities>({
  startToCloseTimeout: '1 minute',
  retry: { initialInterval: '5 seconds', backoffCoefficient: 2, maximumInterval: '5 minutes' },
});

// The mailbox fetch: heartbeats after every message; a minute without one means the worker died or IMAP hangs.
export const mailFetchActivities = proxyActivities<Activities>({
  startToCloseTimeout: '5 minutes',
  heartbeatTimeout: '1 minute',
  scheduleToCloseTimeout: '10 minutes',
  retry: { initialInterval: '5 seconds', backoffCoefficient: 2, maximumInterval: '1 minute' },
});

// Agreement clocks and the shift handover: one email each, decided at a fixed instant. Bounded (unlike the
// mail clock above): 10 attempts over about 20 minutes; past it the workflow fails and shows in Temporal Web with
// its cause, and the API still lists the agreement as open.
export const noticeActivities = proxyActivities<Activities>({
  startToCloseTimeout: '1 minute',
  retry: { initialInterval: '5 seconds', backoffCoefficient: 2, maximumInterval: '5 minutes', maximumAttempts: 10 },
});
