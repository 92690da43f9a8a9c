/** What the API needs, built once by the entry point (server.ts) or a test, and passed to createApp. */
import type { Client } from '@temporalio/client';
import type { PrismaRecordStore } from '../activities/records';
import type { PrismaClient } from '../prisma/client';
import type { Logger } from './logger';
import type { BoardSettings } from './routes/board/settings';
import type { PrincipalCache } from './principal-cache';

export interface ApiDeps {
  temporal: Client;
  /** Task queue of the dispatch worker: where new dispatch workflows start. */
  taskQueue: string;
  /** Record-store ports (read model, client directory, roster, non-working days). */
  store: PrismaRecordStore;
  /** For list queries, API keys and the audit trail. */
  prisma: PrismaClient;
  logger?: Logger;
  /** Called after a client's agreement changes (e.g. to re-plan its status-report schedule). */
  onClientAgreementChanged?: (ruc: string) => Promise<void>;
  health: () => Promise<{ temporal: boolean; database: boolean }>;
  /** Body size limit for JSON requests (default 64kb). */
  bodyLimit?: string;
  /**
   * How long an operator action waits for its outcome before answering 202 with where to read it (default 8 s).
   * The action goes on in its workflow; only the HTTP answer is bounded.
   */
  actionAnswerWithinMs?: number;
  /** Origins allowed by CORS; none by default (no CORS headers at all). */
  corsOrigins?: string[];
  /** METRICS_TOKEN: when set, `GET /metrics` wants it as a Bearer token; unset → public like /health. */
  metricsToken?: string;
  /** Known API keys in memory while listening for key changes (api/principal-cache.ts); without it every request reads its key. */
  principals?: PrincipalCache;
  /** The control board at /board (sessions, Temporal Web link, refresh period); `false` leaves it out. */
  board?: BoardSettings | false;
}
