import { proxyActivities } from '@temporalio/workflow';
import type { Activities } from '../../activities';
import { EMAIL_OPTIONS, RECORD_OPTIONS } from '../dispatch/activities';

// Same policies as the dispatch: PostgreSQL or the mail server being down is transient, retried without limit.
export const partnerRecords = proxyActivities<Activities>(RECORD_OPTIONS);
export const partnerEmail = proxyActivities<Activities>(EMAIL_OPTIONS);
