/**
 * Records the histories of whole dispatches from a real Temporal dev server as replay fixtures
 * (test/workflows/histories/*.json). Re-record when a change is meant to alter the workflow's commands and
 * every running dispatch has been migrated; otherwise the replay test is what stops a non-deterministic change.
 * Needs the same environment as the tests (TEMPORAL_ADDRESS, TEMPORAL_NAMESPACE, TEST_DATABASE_ADMIN_URL,
 * LEVANTE_TEST_WORK_DIR); prints the number of events of each history.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { historyToJSON } from '@temporalio/common/lib/proto-utils';
import buildWorkflowBundle from '../test/support/bundle.global-setup';
import { startTestStack } from '../test/support/stack';
import { sampleDispatch, startDispatch } from '../test/support/fixtures';
import { toLevante, toShipped, withdrawAndReturn } from '../test/support/drive';
import * as m from '../workflows/dispatch.messages';

async function main(): Promise<void> {
  await buildWorkflowBundle();
  const stack = await startTestStack('record');
  const queue = stack.config.TEMPORAL_TASK_QUEUE;
  const out = join(__dirname, '..', 'test', 'workflows', 'histories');
  const flows: Record<string, () => Promise<Awaited<ReturnType<typeof startDispatch>>>> = {
    'import-green-apmtc': async () => {
      const h = await startDispatch(stack.client, queue, sampleDispatch({ dispatchId: 'DSP-REPLAY-IMPORT', terminal: 'APMTC' }));
      await toLevante(h, 'verde');
      await withdrawAndReturn(h);
      await h.executeUpdate(m.closeDispatch, { args: [{ actor: 'esc' }] });
      return h;
    },
    'import-red-senasa-dpwc': async () => {
      const h = await startDispatch(stack.client, queue, sampleDispatch({ dispatchId: 'DSP-REPLAY-RED', terminal: 'DPWC', restrictedGoods: true }));
      await toLevante(h, 'rojo');
      await withdrawAndReturn(h);
      await h.executeUpdate(m.closeDispatch, { args: [{ actor: 'esc' }] });
      return h;
    },
    'export-definitive': async () => {
      const h = await startDispatch(stack.client, queue, sampleDispatch({ dispatchId: 'DSP-REPLAY-EXPORT', regime: '40', terminal: 'DPWC' }));
      await toShipped(h);
      await h.executeUpdate(m.regularized, { args: [{ actor: 'esc' }] });
      await h.executeUpdate(m.closeDispatch, { args: [{ actor: 'esc' }] });
      return h;
    },
    'cancelled-with-complaint': async () => {
      const h = await startDispatch(stack.client, queue, sampleDispatch({ dispatchId: 'DSP-REPLAY-CANCEL' }));
      await h.executeUpdate(m.documentsReceived, { args: [{ actor: 'op', documents: ['commercial_invoice'] }] });
      await h.executeUpdate(m.logComplaint, { args: [{ actor: 'esc', category: 'storage', description: 'Almacenaje extra' }] });
      await h.executeUpdate(m.recordExtraordinaryService, { args: [{ actor: 'esc', description: 'Atención fuera de horario', reason: 'out_of_hours' }] });
      await h.executeUpdate(m.cancelDispatch, { args: [{ actor: 'esc', reason: 'El cliente desistió' }] });
      return h;
    },
  };
  try {
    for (const [name, run] of Object.entries(flows)) {
      const handle = await run();
      await handle.result();
      const history = await handle.fetchHistory();
      writeFileSync(join(out, `${name}.json`), historyToJSON(history));
      console.log(`${name}: ${history.events?.length} events`);
    }
  } finally {
    await stack.close();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
