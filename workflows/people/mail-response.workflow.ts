/**
 * The response clock of one client email (seed 2.1.19: answer emails at once), workflow id from the hash of its
 * Message-ID: it waits for a reply up to the client's agreed response time in Peruvian business time, then alerts
 * the executive on duty, and after as long again their boss (Servicio al Cliente). A reply stops it at any point.
 */
import { condition, setHandler, workflowInfo } from '@temporalio/workflow';
import { addBusinessTime } from '../../domain/calendar';
import { mailResponseDueAt, type MailResponseInput, type MailResponseOutcome } from '../../domain/people';
import { peopleActivities as act } from './activities';
import { getMailResponse, mailAnswered, type MailResponseState } from './people.messages';

/** Waits until the instant or an answer, whichever first; true when answered. */
async function answeredBy(state: MailResponseState, instant: string): Promise<boolean> {
  const ms = Date.parse(instant) - Date.now();
  if (ms > 0) await condition(() => state.answered !== undefined, ms);
  return state.answered !== undefined;
}

/** One inbound client email's response clock: answered, or alerted to the executive and then escalated. */
export async function mailResponseWorkflow(input: MailResponseInput): Promise<{ outcome: MailResponseOutcome; state: MailResponseState }> {
  const state: MailResponseState = { alerted: [] };
  setHandler(mailAnswered, (answer) => {
    state.answered ??= answer;
  });
  setHandler(getMailResponse, () => state);
  const { workflowId } = workflowInfo();
  const cal = await act.loadBusinessCalendar({ country: 'PE', aroundIso: input.receivedAt });
  state.dueAt = mailResponseDueAt(cal, input.receivedAt, input.agreedBusinessMs);

  const finish = async (outcome: MailResponseOutcome) => {
    state.outcome = outcome;
    await act.recordMailResponseOutcome({ messageId: input.messageId, status: outcome, answeredAt: state.answered?.at });
    return { outcome, state };
  };

  if (await answeredBy(state, state.dueAt)) return finish('answered');
  await act.alertUnansweredMail({ workflowId, stage: 'executive', input, dueAt: state.dueAt, at: new Date().toISOString() });
  state.alerted.push('executive');

  const bossAt = addBusinessTime(cal, state.dueAt, input.bossAfterBusinessMs);
  if (await answeredBy(state, bossAt)) return finish('answered_after_alert');
  await act.alertUnansweredMail({ workflowId, stage: 'boss', input, dueAt: state.dueAt, at: new Date().toISOString() });
  state.alerted.push('boss');
  return finish('escalated');
}
