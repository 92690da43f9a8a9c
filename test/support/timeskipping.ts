/**
 * Temporal's Java time-skipping test server (provisioned by scripts/lib/test-server.mjs) plus the real stack
 * (PostgreSQL, SMTP, terminal simulator, real worker). Timers of days or months pass in seconds.
 */
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { temporal } from '@temporalio/proto';
import { SEARCH_ATTRIBUTE_TYPES } from '../../domain/search-attributes';

const INDEXED = temporal.api.enums.v1.IndexedValueType;
const TYPE_OF = { Keyword: INDEXED.INDEXED_VALUE_TYPE_KEYWORD, Datetime: INDEXED.INDEXED_VALUE_TYPE_DATETIME, Bool: INDEXED.INDEXED_VALUE_TYPE_BOOL };

/** The test server knows no custom search attributes until told, like a fresh namespace. */
async function registerSearchAttributes(env: TestWorkflowEnvironment): Promise<void> {
  const searchAttributes = Object.fromEntries(Object.entries(SEARCH_ATTRIBUTE_TYPES).map(([name, type]) => [name, TYPE_OF[type]]));
  await env.connection.operatorService.addSearchAttributes({ namespace: env.namespace ?? 'default', searchAttributes });
}
import { startTestStack, type TestStack } from './stack';

export interface TimeSkippingStack extends TestStack {
  env: TestWorkflowEnvironment;
}

export async function startTimeSkippingStack(name: string): Promise<TimeSkippingStack> {
  const path = process.env.TEMPORAL_TEST_SERVER;
  if (!path) throw new Error('TEMPORAL_TEST_SERVER is not set: run the suite with `npm test` (scripts/test.ts provisions it).');
  const env = await TestWorkflowEnvironment.createTimeSkipping({ server: { executable: { type: 'existing-path', path } } });
  await registerSearchAttributes(env);
  const stack = await startTestStack(name, { client: env.client, nativeConnection: env.nativeConnection });
  const close = stack.close.bind(stack);
  return Object.assign(stack, {
    env,
    async close() {
      await close();
      await env.teardown();
    },
  });
}
