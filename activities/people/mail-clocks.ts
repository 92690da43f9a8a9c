/**
 * Starting and stopping response clocks (mailResponseWorkflow) from an activity, through the activity context's
 * Temporal client, by workflow type and signal name (activities import no workflow code). Both are idempotent: a
 * clock already started (a retried fetch) or already finished (a late reply) is left as it is.
 */
import { Context } from '@temporalio/activity';
import { WorkflowExecutionAlreadyStartedError, WorkflowNotFoundError } from '@temporalio/client';
import { MAIL_ANSWERED_SIGNAL, type MailAnswered, type MailResponseInput } from '../../domain/people';

export interface MailClocks {
  /** Starts the clock; false when it was already started. */
  start(workflowId: string, input: MailResponseInput): Promise<boolean>;
  /** Stops the clock as answered; false when it is not running. */
  answered(workflowId: string, answer: MailAnswered): Promise<boolean>;
}

export const activityContextMailClocks: MailClocks = {
  async start(workflowId, input) {
    const ctx = Context.current();
    try {
      await ctx.client.workflow.start('mailResponseWorkflow', { taskQueue: ctx.info.taskQueue, workflowId, args: [input], staticSummary: `Respuesta a correo: ${input.subject.slice(0, 80)}` });
      return true;
    } catch (error) {
      if (error instanceof WorkflowExecutionAlreadyStartedError) return false;
      throw error;
    }
  },
  async answered(workflowId, answer) {
    try {
      await Context.current().client.workflow.getHandle(workflowId).signal(MAIL_ANSWERED_SIGNAL, answer);
      return true;
    } catch (error) {
      if (error instanceof WorkflowNotFoundError) return false;
      throw error;
    }
  },
};
