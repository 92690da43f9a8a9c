/** Addresses of the servers `npm test` started for this run (scripts/test.ts), with local fallbacks. */
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const testEnv = {
  temporalAddress: process.env.TEMPORAL_ADDRESS ?? '127.0.0.1:7233',
  namespace: process.env.TEMPORAL_NAMESPACE ?? 'levante-test',
  testServer: process.env.TEMPORAL_TEST_SERVER,
};

export function workflowBundlePath(): string {
  const dir = process.env.LEVANTE_TEST_WORK_DIR ?? join(tmpdir(), `levante-bundle-${process.ppid}`);
  return join(dir, 'workflow-bundle.js');
}

/** A task queue / id unique to one test, so tests never see each other's workflows. */
export function uniqueId(prefix: string): string {
  return `${prefix}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
}
