/** The scheduled mailbox read (schedule `inbound-mail`, every minute): files new messages, starts and stops response clocks. */
import { mailFetchActivities } from './activities';
import type { Activities } from '../../activities';

type FetchResult = Awaited<ReturnType<Activities['fetchInboundMail']>>;

/** One run of the inbound-mail fetch. */
export async function inboundMailWorkflow(_input: { scheduleId?: string } = {}): Promise<FetchResult> {
  return mailFetchActivities.fetchInboundMail();
}
