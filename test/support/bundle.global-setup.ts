/**
 * Builds the workflow bundle once per test run (shared by the workflows and timeskipping projects):
 * every test's Worker then gets `workflowBundle: { codePath }` instead of re-bundling.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { bundleWorkflowCode } from '@temporalio/worker';
import { workflowBundlePath } from './env';

export default async function buildWorkflowBundle(): Promise<void> {
  const path = workflowBundlePath();
  if (existsSync(path)) return;
  const { code } = await bundleWorkflowCode({
    workflowsPath: require.resolve('../../workflows'),
    logger: { info() {}, warn() {}, error: console.error, debug() {}, trace() {}, log() {} },
  });
  mkdirSync(require('node:path').dirname(path), { recursive: true });
  writeFileSync(path, code);
}
