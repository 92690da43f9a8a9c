/**
 * TerminalClient over the HTTP contract in simulator/CONTRACT.md. APMTC and DPWC speak the same contract,
 * so one client parameterized by terminal and base URL serves both.
 */
import type { Terminal } from '../../domain/dispatch';
import type { Appointment, BlAssignment, ChargeDocument, ContainerReturn, TerminalClient } from './terminal-client';
import { errorBody, isRejection, terminalRejected, transientError } from './terminal-errors';

/** Where and how to reach one terminal. */
export interface HttpTerminalClientOptions {
  terminal: Terminal;
  /** Base URL without the /terminals/... path, e.g. http://127.0.0.1:4010. */
  baseUrl: string;
  /** Per-request budget including the body; beyond it the call fails as transient and the activity retries. */
  timeoutMs?: number;
}

// Terminal extranets are slow but a booking should not hang an activity attempt for minutes.
const DEFAULT_TIMEOUT_MS = 10_000;

/** Builds the HTTP client of one terminal. */
export function createHttpTerminalClient(options: HttpTerminalClientOptions): TerminalClient {
  const { terminal, timeoutMs = DEFAULT_TIMEOUT_MS } = options;
  const base = `${options.baseUrl.replace(/\/+$/, '')}/terminals/${terminal}`;

  // Returns the resource in the response envelope; `replayed` is 200-with-a-key (an earlier booking returned).
  async function post<T>(path: string, envelope: string, body: unknown, key?: string): Promise<{ resource: T; replayed: boolean }> {
    const headers: Record<string, string> = { 'content-type': 'application/json', accept: 'application/json' };
    if (key !== undefined) headers['idempotency-key'] = key;
    let status: number;
    let text: string;
    try {
      const res = await fetch(`${base}${path}`, {
        method: 'POST',
        headers,
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(timeoutMs),
      });
      status = res.status;
      text = await res.text();
    } catch (err) {
      // Duck-typed: the abort reason is a DOMException, which need not share this realm's Error.
      const name = (err as { name?: unknown } | null)?.name;
      const timedOut = name === 'TimeoutError' || name === 'AbortError';
      const what = timedOut ? `no answer to POST ${path} within ${timeoutMs} ms` : `POST ${path} failed: ${String(err)}`;
      throw transientError(terminal, what, err);
    }
    const json = parseJson(text);
    if (status >= 200 && status < 300) {
      const resource = (json as Record<string, unknown> | undefined)?.[envelope];
      if (typeof resource !== 'object' || resource === null) {
        throw transientError(terminal, `POST ${path} answered ${status} without "${envelope}"`);
      }
      return { resource: resource as T, replayed: status === 200 && key !== undefined };
    }
    const { code, message } = errorBody(json, status);
    if (isRejection(status)) throw terminalRejected({ terminal, status, code, message, path });
    throw transientError(terminal, `POST ${path} answered ${status} ${code}: ${message}`);
  }

  async function book<T extends { replayed: boolean }>(path: string, envelope: string, body: unknown, key: string): Promise<T> {
    const { resource, replayed } = await post<Omit<T, 'replayed'>>(path, envelope, body, key);
    return { ...resource, replayed } as T;
  }

  return {
    getProforma: async (req, key) => (await post<ChargeDocument>('/proformas', 'proforma', req, key)).resource,
    requestAppointment: (req, key) => book<Appointment>('/appointments', 'appointment', req, key),
    assignBlToCarrier: (req, key) => book<BlAssignment>('/bl-assignments', 'assignment', req, key),
    requestContainerReturn: (req, key) => book<ContainerReturn>('/container-returns', 'containerReturn', req, key),
    liquidate: async (req, key) => (await post<ChargeDocument>('/liquidations', 'liquidation', req, key)).resource,
  };
}

/** Builds both terminals' clients, as the worker's composition root needs them. */
export function createHttpTerminalClients(config: { apmtcUrl: string; dpwcUrl: string; timeoutMs?: number }): Record<Terminal, TerminalClient> {
  const { timeoutMs } = config;
  return {
    APMTC: createHttpTerminalClient({ terminal: 'APMTC', baseUrl: config.apmtcUrl, timeoutMs }),
    DPWC: createHttpTerminalClient({ terminal: 'DPWC', baseUrl: config.dpwcUrl, timeoutMs }),
  };
}

function parseJson(text: string): unknown {
  try {
    return text ? JSON.parse(text) : undefined;
  } catch {
    return undefined;
  }
}
