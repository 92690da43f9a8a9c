/**
 * The fault suite's short form (`npm run chaos` with CHAOS_SHORT=1): each of the four faults — worker SIGKILL,
 * Temporal dev server restart, SMTP down with the terminals failing half their calls, PostgreSQL restart — on
 * 10 dispatches with outages of seconds. It runs as its own process on servers of its own (its own PostgreSQL
 * cluster and Temporal dev server; the run's shared servers are never stopped) and reuses this run's workflow
 * bundle. The assertions are the suite's own: its table must say PASS for every scenario.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { workflowBundlePath } from '../support/env';

const MAX_SECONDS = 300;
jest.setTimeout((MAX_SECONDS + 120) * 1000);

let child: ChildProcess | undefined;
afterAll(() => {
  // Interrupted (jest's timeout): the suite stops everything it started on SIGTERM.
  if (child && child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
});

function runShortForm(): Promise<{ code: number | null; output: string }> {
  // Nothing of this run's shared servers reaches the suite: it starts its own.
  const { TEMPORAL_ADDRESS: _a, TEMPORAL_NAMESPACE: _n, TEST_DATABASE_ADMIN_URL: _d, DATABASE_URL: _u, ...env } = process.env;
  return new Promise((resolve, reject) => {
    let output = '';
    child = spawn(process.execPath, ['--import', 'tsx', join(__dirname, '..', '..', 'scripts', 'chaos.ts')], {
      env: { ...env, CHAOS_SHORT: '1', CHAOS_MAX_SECONDS: String(MAX_SECONDS), CHAOS_WORKFLOW_BUNDLE: workflowBundlePath() },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('error', reject);
    child.once('exit', (code) => resolve({ code, output }));
  });
}

test('every dispatch completes through each fault: one email per notification, one booking per appointment, no lost row, 503 then recovery', async () => {
  const { code, output } = await runShortForm();
  const rows = output.split('\n').filter((line) => /^\([abcd]\) .*\s(PASS|FAIL)$/.test(line.trimEnd()));
  if (code !== 0 || rows.length !== 4) {
    // Its own lines (table, failures, notes), without the JSON log lines it quotes after a failure.
    const report = output
      .split('\n')
      .filter((line) => !line.startsWith('{') && !line.includes('of the steps done'))
      .slice(-60)
      .join('\n');
    throw new Error(`the fault suite's short form exited with ${code}:\n${report}`);
  }
  expect(rows.map((r) => r.trimEnd().slice(-4))).toEqual(['PASS', 'PASS', 'PASS', 'PASS']);
});
