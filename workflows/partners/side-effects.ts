/**
 * Bounded side effects of the partner workflows (issue #12 item 2, change people-routing-2026-12). Their record
 * and email activities retry as the dispatch's do (RECORD_OPTIONS / EMAIL_OPTIONS: 8 attempts, about 2 and 4
 * minutes of backoff). Past that bound a run from before the change failed the whole workflow; now the failure
 * opens an incident the operator sees on the operation or corrective action (GET …, `incidents`), and the same
 * step is tried again every RETRY_OUTLASTED_AFTER_MS until it goes through (its idempotency key keeps it single).
 */
import { ActivityFailure, log, patched, sleep } from '@temporalio/workflow';
import { outlastedRetries } from '../dispatch/runtime';

export const PARTNER_PATCHES = {
  /** 2026-12-03: record writes and emails past their retries open an incident and retry later instead of failing the run. */
  boundedSideEffects: 'people-routing-2026-12',
} as const;

/** After a record write or email outlasted its retries, the next try comes this much later. */
export const RETRY_OUTLASTED_AFTER_MS = 10 * 60_000;

/** A side effect that outlasted its retries: what, since when, why, and when it finally went through. */
export interface SideEffectIncident {
  what: string;
  at: string;
  cause: string;
  resolvedAt: string | null;
}

export class SideEffectGuard {
  readonly incidents: SideEffectIncident[] = [];
  private chain: Promise<void> = Promise.resolve();

  /** `bounded`: asked once, at the start of the run (patched), so old histories replay their old branch. */
  constructor(readonly bounded: boolean) {}

  /** Call before the run's first command. */
  static atStart(): SideEffectGuard {
    return new SideEffectGuard(patched(PARTNER_PATCHES.boundedSideEffects));
  }

  /** True while a step waits for its next try after outlasting its retries. */
  get outage(): boolean {
    return this.incidents.some((i) => i.resolvedAt === null);
  }

  /**
   * Runs the step; past its retries (a run from after the change) opens an incident, calls `onIncident`, and tries
   * again every RETRY_OUTLASTED_AFTER_MS until it goes through.
   */
  async run<T>(what: string, step: () => Promise<T>, onIncident?: () => void): Promise<T> {
    let incident: SideEffectIncident | undefined;
    for (;;) {
      try {
        const result = await step();
        if (incident) incident.resolvedAt = new Date().toISOString();
        return result;
      } catch (err) {
        if (!this.bounded || !outlastedRetries(err)) throw err;
        if (!incident) {
          const cause = err instanceof ActivityFailure && err.cause ? err.cause.message : err instanceof Error ? err.message : String(err);
          incident = { what, at: new Date().toISOString(), cause, resolvedAt: null };
          this.incidents.push(incident);
          log.warn('side effect outlasted its retries; retrying later', { what, cause });
          onIncident?.();
        }
        await sleep(RETRY_OUTLASTED_AFTER_MS);
      }
    }
  }

  /**
   * Record writes strictly in order (an older snapshot never overwrites a newer one). The returned promise settles
   * when the write lands — or, during an outage, as soon as it is queued or has outlasted its retries: the operator's
   * action answers and the write lands later. Runs from before the change behave as a plain ordered chain.
   */
  persist(what: string, work: () => Promise<unknown>): Promise<void> {
    const duringOutage = this.outage;
    let answer!: () => void;
    const answered = new Promise<void>((resolve) => (answer = resolve));
    const next = this.chain.then(async () => {
      await this.run(what, work, answer);
    });
    this.chain = next.catch(() => undefined);
    return duringOutage ? Promise.resolve() : Promise.race([next, answered]);
  }

  /** Settles once every queued write has landed: awaited before the run completes. */
  drained(): Promise<void> {
    return this.chain;
  }
}
