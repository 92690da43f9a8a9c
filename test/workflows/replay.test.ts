/**
 * Replays histories recorded from the dev server (scripts/record-histories.ts) against today's workflow code.
 * A change that would make running dispatches non-deterministic fails here before it is deployed.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { historyFromJSON } from '@temporalio/common/lib/proto-utils';
import { Worker } from '@temporalio/worker';
import { workflowBundlePath } from '../support/env';

const dir = join(__dirname, 'histories');
const files = readdirSync(dir).filter((f) => f.endsWith('.json'));

jest.setTimeout(60_000);

test('there are recorded histories of imports, an export and a cancellation', () => {
  expect(files).toEqual(expect.arrayContaining(['import-green-apmtc.json', 'import-red-senasa-dpwc.json', 'export-definitive.json', 'cancelled-with-complaint.json']));
});

test.each(files)('%s replays without non-determinism', async (file) => {
  const history = historyFromJSON(JSON.parse(readFileSync(join(dir, file), 'utf8')));
  await Worker.runReplayHistory({ workflowBundle: { codePath: workflowBundlePath() } }, history, file.replace('.json', ''));
});
