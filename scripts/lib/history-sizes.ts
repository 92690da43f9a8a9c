/**
 * Drives one complete dispatch per business path with the operators' updates and reports the size of its
 * workflow history: total events, operator actions, and the events by kind (workflow tasks, activities,
 * local-activity markers, search-attribute upserts). Used by `npm run bench:api`.
 */
import type { Client } from '@temporalio/client';
import { temporal } from '@temporalio/proto';
import { sampleDispatch, startDispatch } from '../../test/support/fixtures';
import { claveSol, deliverOriginals, toLevante, toShipped, withdrawAndReturn } from '../../test/support/drive';
import * as m from '../../workflows/dispatch.messages';

type Handle = Awaited<ReturnType<typeof startDispatch>>;
const EventType = temporal.api.enums.v1.EventType;

export interface HistorySize {
  path: string;
  events: number;
  actions: number;
  breakdown: string;
}

const PATHS: Record<string, { dispatch: Parameters<typeof sampleDispatch>[0]; drive: (h: Handle) => Promise<unknown> }> = {
  'import green APMTC (complete)': {
    dispatch: { terminal: 'APMTC' },
    drive: async (h) => {
      await toLevante(h, 'verde');
      await withdrawAndReturn(h);
      await deliverOriginals(h); // closing waits for the originals in the Archive (money-clocks-2026-12)
      await h.executeUpdate(m.closeDispatch, { args: [{ actor: 'bench' }] });
    },
  },
  'import red + SENASA DPWC (complete)': {
    dispatch: { terminal: 'DPWC', restrictedGoods: true },
    drive: async (h) => {
      await toLevante(h, 'rojo');
      await withdrawAndReturn(h);
      await deliverOriginals(h); // closing waits for the originals in the Archive (money-clocks-2026-12)
      await h.executeUpdate(m.closeDispatch, { args: [{ actor: 'bench' }] });
    },
  },
  'definitive export (complete)': {
    dispatch: { regime: '40', terminal: 'DPWC' },
    drive: async (h) => {
      await toShipped(h);
      await h.executeUpdate(m.regularized, { args: [{ actor: 'bench', claveSol: claveSol() }] });
      await deliverOriginals(h); // closing waits for the originals in the Archive (money-clocks-2026-12)
      await h.executeUpdate(m.closeDispatch, { args: [{ actor: 'bench' }] });
    },
  },
};

export async function historySizes(client: Client, taskQueue: string, run: string): Promise<HistorySize[]> {
  const sizes: HistorySize[] = [];
  let n = 0;
  for (const [path, { dispatch, drive }] of Object.entries(PATHS)) {
    const h = await startDispatch(client, taskQueue, sampleDispatch({ ...dispatch, dispatchId: `DSP-HIST-${run}-${++n}` }));
    await drive(h);
    await h.result();
    const events = (await h.fetchHistory()).events ?? [];
    const count = (t: number) => events.filter((e) => e.eventType === t).length;
    sizes.push({
      path,
      events: events.length,
      actions: count(EventType.EVENT_TYPE_WORKFLOW_EXECUTION_UPDATE_ACCEPTED),
      breakdown: [
        `workflow tasks ${count(EventType.EVENT_TYPE_WORKFLOW_TASK_COMPLETED)}`,
        `activities ${count(EventType.EVENT_TYPE_ACTIVITY_TASK_SCHEDULED)}`,
        `markers ${count(EventType.EVENT_TYPE_MARKER_RECORDED)}`,
        `upserts ${count(EventType.EVENT_TYPE_UPSERT_WORKFLOW_SEARCH_ATTRIBUTES)}`,
        `timers ${count(EventType.EVENT_TYPE_TIMER_STARTED)}`,
      ].join(', '),
    });
  }
  return sizes;
}
