import { proxyActivities, type ActivityOptions } from '@temporalio/workflow';
import type { Activities } from '../../activities';
import { EMAIL_OPTIONS, RECORD_OPTIONS } from '../dispatch/activities';

// The yearly evaluation's reads (schedule run timeout 1 day). Past 6 hours of retries the partner's child fails,
// the yearly run fails with it and its schedule pauses (pause-on-failure): Temporal Web shows the cause to a person.
const YEARLY_RETRY: ActivityOptions['retry'] = { initialInterval: '5 seconds', backoffCoefficient: 2, maximumInterval: '5 minutes' };
const YEARLY_READ_OPTIONS: ActivityOptions = { startToCloseTimeout: '1 minute', scheduleToCloseTimeout: '6 hours', retry: YEARLY_RETRY };
// collectPartnerYear reads a year of milestone samples page by page (200 rows) and heartbeats after each page:
// a minute without one means the worker died or hangs, and the retry starts then instead of after 10 minutes.
const YEAR_SCAN_OPTIONS: ActivityOptions = { heartbeatTimeout: '1 minute', startToCloseTimeout: '10 minutes', scheduleToCloseTimeout: '6 hours', retry: YEARLY_RETRY };

const records = proxyActivities<Activities>(RECORD_OPTIONS);
const yearlyReads = proxyActivities<Activities>(YEARLY_READ_OPTIONS);
const yearScans = proxyActivities<Activities>(YEAR_SCAN_OPTIONS);

// Same policies as the dispatch for the operations' records and emails (RECORD_OPTIONS / EMAIL_OPTIONS: 8 attempts);
// past them the step opens an incident and is tried again later (side-effects.ts, change people-routing-2026-12).
export const partnerRecords: typeof records = new Proxy(records, {
  get(target, name, receiver) {
    if (name === 'collectPartnerYear') return yearScans.collectPartnerYear;
    if (name === 'listActivePartnerIds') return yearlyReads.listActivePartnerIds;
    return Reflect.get(target, name, receiver) as unknown;
  },
});
export const partnerEmail = proxyActivities<Activities>(EMAIL_OPTIONS);
