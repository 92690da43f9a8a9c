/**
 * The chaos suite's HTTP client of the API: every answer (or network failure) is recorded with its time, so a
 * scenario can tell what the API said while a dependency was down and when it answered normally again.
 */

export interface ApiAnswer {
  /** When the request was sent and when its answer arrived (ms since epoch). */
  sentAt: number;
  at: number;
  method: string;
  path: string;
  /** HTTP status, or 0 when no answer came (connection refused, reset, timeout). */
  status: number;
  retryAfter?: string;
  code?: string;
  message?: string;
  source: 'driver' | 'probe';
}

export interface ApiResponse {
  status: number;
  headers: Headers;
  body: Record<string, unknown>;
}

/** Every answer the API gave during the run, in arrival order. */
export class AnswerLog {
  readonly answers: ApiAnswer[] = [];

  between(from: number, to: number): ApiAnswer[] {
    return this.answers.filter((a) => a.at >= from && a.at <= to);
  }
}

export class ApiClient {
  constructor(
    private readonly baseUrl: string,
    private readonly key: string,
    private readonly log: AnswerLog,
    private readonly source: ApiAnswer['source'],
  ) {}

  /** One request; resolves with status 0 when the API gave no answer at all. */
  async request(method: string, path: string, body?: unknown, idempotencyKey?: string): Promise<ApiResponse> {
    const sentAt = Date.now();
    const headers: Record<string, string> = { Authorization: `Bearer ${this.key}` };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    if (idempotencyKey) headers['Idempotency-Key'] = idempotencyKey;
    try {
      const res = await fetch(`${this.baseUrl}${path}`, {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(60_000),
      });
      const text = await res.text();
      let parsed: Record<string, unknown> = {};
      try {
        parsed = text ? (JSON.parse(text) as Record<string, unknown>) : {};
      } catch {
        parsed = { raw: text.slice(0, 300) };
      }
      const error = parsed.error as { code?: string; message?: string } | undefined;
      this.log.answers.push({
        sentAt,
        at: Date.now(),
        method,
        path,
        status: res.status,
        retryAfter: res.headers.get('retry-after') ?? undefined,
        code: error?.code,
        message: error?.message,
        source: this.source,
      });
      return { status: res.status, headers: res.headers, body: parsed };
    } catch (err) {
      this.log.answers.push({ sentAt, at: Date.now(), method, path, status: 0, message: String(err), source: this.source });
      return { status: 0, headers: new Headers(), body: {} };
    }
  }
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** How long a 503 asks the client to wait (Retry-After in seconds), bounded to 1..30 s. */
export function retryDelayMs(res: ApiResponse): number {
  const seconds = Number(res.headers.get('retry-after'));
  return Number.isFinite(seconds) && seconds > 0 ? Math.min(seconds, 30) * 1000 : 1000;
}
