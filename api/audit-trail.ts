/**
 * The audit trail of the API and the board, written after each answer with group commit: a row waits a few
 * milliseconds for the rows of the answers that follow, and while one INSERT is on its way to PostgreSQL the rows
 * answered meanwhile wait and go together in the next one. A busy API writes one multi-row INSERT per round trip
 * instead of one per request, so ten operators opening dispatches at the same moment cost the database one
 * statement, not ten.
 *
 * Each row keeps the moment its request was answered (`at`), not the moment its batch reached the database. A
 * batch the database refuses (one row it cannot store, e.g. a NUL character in a JSON body) is written row by row,
 * so one bad row never loses the others; a row that still fails is logged, as a lost audit row always was.
 */
import { randomUUID } from 'node:crypto';
import type { PrismaClient } from '../prisma/client';
import type { Logger } from './logger';

export interface AuditEntry {
  actor: string;
  action: string;
  target: string;
  details: Record<string, unknown>;
}

export interface AuditTrail {
  /** Queues the row; resolves once it is written or its failure logged. Never rejects. */
  record(entry: AuditEntry): Promise<void>;
  /** Resolves once every row recorded so far is written (or its failure logged). */
  written(): Promise<void>;
}

interface Queued {
  row: AuditEntry & { at: Date };
  done: () => void;
}

/** At most this many rows per INSERT; a longer queue is written in several round trips. */
const MAX_BATCH = 200;
/**
 * How long a row waits for others before its INSERT leaves. Each statement costs the API's process 1–2 ms of CPU
 * whatever its size (Prisma's client and the pg driver), so under load fewer, larger statements leave that CPU to
 * the answers; nobody waits for a row, and shutdown waits for all of them (written()).
 */
const GATHER_MS = 20;

export function createAuditTrail(prisma: Pick<PrismaClient, '$executeRaw'>, logger: Logger): AuditTrail {
  let queue: Queued[] = [];
  let flushing: Promise<void> | null = null;

  // One statement per batch, as raw SQL: a createMany built by Prisma's query compiler cost the API about a
  // millisecond of CPU per row (bench:api profile), more than the rest of an opening's own work.
  const insert = (rows: Queued['row'][]) => prisma.$executeRaw`
    INSERT INTO audit_events (id, actor, action, target, at, details)
    SELECT id, actor, action, target, at AT TIME ZONE 'UTC', details
    FROM unnest(${rows.map(() => randomUUID())}::text[], ${rows.map((r) => r.actor)}::text[], ${rows.map((r) => r.action)}::text[],
      ${rows.map((r) => r.target)}::text[], ${rows.map((r) => r.at.toISOString())}::timestamptz[],
      ${rows.map((r) => JSON.stringify(r.details))}::jsonb[]) AS t(id, actor, action, target, at, details)`;

  const writeBatch = async (batch: Queued[]) => {
    try {
      await insert(batch.map((q) => q.row));
    } catch (err) {
      for (const { row } of batch) {
        // Row by row only when the batch was refused, so one bad row is the only one lost.
        const failure = batch.length === 1 ? err : await insert([row]).then(() => null, (e: unknown) => e);
        // The workflow history already names the actor; a lost audit row must not fail a done action.
        if (failure) logger.warn('audit write failed', { action: row.action, target: row.target, error: String(failure) });
      }
    }
    for (const q of batch) q.done();
  };

  const flush = async () => {
    while (queue.length > 0) {
      const batch = queue.slice(0, MAX_BATCH);
      queue = queue.slice(batch.length);
      await writeBatch(batch);
    }
    flushing = null;
  };

  return {
    record(entry) {
      const written = new Promise<void>((done) => queue.push({ row: { ...entry, at: new Date() }, done }));
      // The first row waits GATHER_MS for the rows of the answers that follow it, so they share one INSERT.
      flushing ??= new Promise<void>((resolve) => setTimeout(() => void flush().then(resolve), GATHER_MS));
      return written;
    },
    async written() {
      while (flushing) await flushing;
    },
  };
}
