/** What a history recorder gets (the stack of its server) and gives back (the workflow runs to save). */
import type { WorkflowHandle } from '@temporalio/client';
import type { TestStack } from '../stack';
import type { TimeSkippingStack } from '../timeskipping';

/** One workflow run whose history is saved; without `runId`, the latest run of the id. */
export interface RunRef {
  workflowId: string;
  runId?: string;
}

/** Drives one business path to its end and names the run behind each of the path's files. */
export type Recorder<S extends TestStack = TestStack> = (stack: S) => Promise<Record<string, RunRef>>;
export type TimeSkippingRecorder = Recorder<TimeSkippingStack>;

/** The latest run of the handle's workflow (the only one, unless it continued-as-new). */
export function latestRun(handle: WorkflowHandle): RunRef {
  return { workflowId: handle.workflowId };
}

/** Moves the time-skipping server's clock to `instant` (no-op when already past it). */
export async function sleepUntil(stack: TimeSkippingStack, instant: Date): Promise<void> {
  const now = await stack.env.currentTimeMs();
  if (instant.getTime() > now) await stack.env.sleep(instant.getTime() - now);
}

/** Polls `probe` every 100 ms until it returns a value. */
export async function until<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 60_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = await probe();
    if (found !== undefined) return found;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
