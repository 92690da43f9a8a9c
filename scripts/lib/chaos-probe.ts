/**
 * What a monitor sees of the API during a scenario, three requests in a loop: `GET /health` (public), a live read
 * of one dispatch (`GET /dispatches/:id`, answered from its workflow when the worker answers the query) and an
 * action the workflow's validator refuses (`close` on a dispatch that was only opened: 409, never in history).
 * Together they need PostgreSQL, the Temporal server and the worker, so the API has recovered when all three
 * answer normally again.
 */
import { ApiClient, sleep } from './chaos-http';

interface ProbeResult {
  kind: 'health' | 'read' | 'act';
  sentAt: number;
  /** When the answer came: a request sent during the outage may be answered after it. */
  at: number;
  ok: boolean;
}

export class Prober {
  private readonly results: ProbeResult[] = [];
  private loops: Promise<void>[] = [];
  private running = false;

  constructor(
    private readonly api: ApiClient,
    private readonly dispatchId: string,
    private readonly intervalMs = 500,
  ) {}

  start(): void {
    this.running = true;
    this.loops = [
      this.loop('health', async () => (await this.api.request('GET', '/health')).status === 200),
      this.loop('read', async () => {
        const res = await this.api.request('GET', `/dispatches/${this.dispatchId}`);
        return res.status === 200 && res.body.source === 'workflow';
      }),
      this.loop('act', async () => (await this.api.request('POST', `/dispatches/${this.dispatchId}/actions/close`, {})).status === 409),
    ];
  }

  async stop(): Promise<void> {
    this.running = false;
    await Promise.all(this.loops);
  }

  /** The first instant after `since` by which health, a live read and the validator had each answered normally. */
  recoveredAt(since: number): number | undefined {
    const firstOk = (kind: ProbeResult['kind']) =>
      Math.min(...this.results.filter((r) => r.kind === kind && r.ok && r.at >= since).map((r) => r.at));
    const times = (['health', 'read', 'act'] as const).map(firstOk);
    return times.every(Number.isFinite) ? Math.max(...times) : undefined;
  }

  /** Waits until recoveredAt(since) is known, at most `timeoutMs`. */
  async waitRecovered(since: number, timeoutMs: number): Promise<number | undefined> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      const at = this.recoveredAt(since);
      if (at !== undefined) return at;
      await sleep(250);
    }
    return this.recoveredAt(since);
  }

  private async loop(kind: ProbeResult['kind'], probe: () => Promise<boolean>): Promise<void> {
    while (this.running) {
      const sentAt = Date.now();
      const ok = await probe();
      this.results.push({ kind, sentAt, at: Date.now(), ok });
      await sleep(this.intervalMs);
    }
  }
}
