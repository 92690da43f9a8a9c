/** Live dispatch views through the worker's own Temporal client (the activity context's), by workflow query. */
import { Context } from '@temporalio/activity';
import { WorkflowNotFoundError } from '@temporalio/client';
import type { DispatchView } from '../../domain/dispatch-view';
import type { DispatchViews } from './report-queries';

/** Asks each dispatch workflow for its view (query `getDispatch`); a workflow that does not exist gives null. */
export const activityContextViews: DispatchViews = {
  async view(workflowId) {
    try {
      return await Context.current().client.workflow.getHandle(workflowId).query<DispatchView>('getDispatch');
    } catch (error) {
      if (error instanceof WorkflowNotFoundError) return null;
      throw error;
    }
  },
};
