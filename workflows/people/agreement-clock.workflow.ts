/**
 * The clock of one written agreement with a due date (seed 2.1.9), workflow id `agreement-<id>`: a reminder to
 * the executive on duty before it falls due, an alert to the executive and the functional boss when it is missed;
 * a fulfilment (signal from the API) stops it at any point.
 */
import { condition, setHandler, workflowInfo } from '@temporalio/workflow';
import type { AgreementClockInput, AgreementOutcome } from '../../domain/people';
import { noticeActivities as act } from './activities';
import { agreementFulfilled, getAgreementClock, type AgreementClockState } from './people.messages';

/** Waits until the instant or the fulfilment, whichever first; true when fulfilled. */
async function fulfilledBy(state: AgreementClockState, instant: string): Promise<boolean> {
  const ms = Date.parse(instant) - Date.now();
  if (ms > 0) await condition(() => state.fulfilled !== undefined, ms);
  return state.fulfilled !== undefined;
}

/** One agreement's clock: fulfilled (before or after the reminder), or missed. */
export async function agreementClockWorkflow(input: AgreementClockInput): Promise<{ outcome: AgreementOutcome; state: AgreementClockState }> {
  const state: AgreementClockState = { dueAt: input.dueAt, alerted: [] };
  setHandler(agreementFulfilled, (f) => {
    state.fulfilled ??= f;
  });
  setHandler(getAgreementClock, () => state);
  const { workflowId } = workflowInfo();
  const finish = (outcome: AgreementOutcome) => {
    state.outcome = outcome;
    return { outcome, state };
  };

  const remindAt = new Date(Date.parse(input.dueAt) - input.reminderBeforeMs).toISOString();
  if (await fulfilledBy(state, remindAt)) return finish('fulfilled');
  if (Date.parse(input.dueAt) - Date.now() > 0) {
    // An agreement recorded closer to its due time than the reminder lead gets no reminder, only the alert.
    await act.alertAgreement({ workflowId, agreementId: input.agreementId, stage: 'reminder', at: new Date().toISOString() });
    state.alerted.push('reminder');
  }
  if (await fulfilledBy(state, input.dueAt)) return finish('fulfilled');
  await act.alertAgreement({ workflowId, agreementId: input.agreementId, stage: 'missed', at: new Date().toISOString() });
  await act.recordAgreementOutcome({ agreementId: input.agreementId, status: 'missed' });
  state.alerted.push('missed');
  // The clock ends here: a later fulfilment is recorded on the agreement's row by the API.
  return finish('missed');
}
