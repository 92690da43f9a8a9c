/**
 * Long scans of the scheduled activities: keyset pages instead of one unbounded query, a heartbeat after each
 * page or item carrying the scan's cursor, resumption from the previous attempt's last heartbeat, and
 * cancellation honoured between pages and items.
 */
import { activityInfo, Context, heartbeat } from '@temporalio/activity';

/** Rows per page in production: one short indexed query, and a heartbeat well inside the heartbeat timeout. */
export const DEFAULT_PAGE_SIZE = 200;

/** A keyset page request: at most `take` rows strictly after the key `after` (null: from the start), in key order. */
export interface Page {
  after: string | null;
  take: number;
}

/** One page of rows and the key to ask the next page after; `next` is null once the scan reached its end. */
export interface Paged<T> {
  items: T[];
  next: string | null;
}

/** Builds a page from rows read in key order with `take`: a short page is the last one. */
export function pageOf<R, T>(rows: R[], page: Page, keyOf: (row: R) => string, map: (row: R) => T): Paged<T> {
  const last = rows[rows.length - 1];
  return { items: rows.map(map), next: last !== undefined && rows.length >= page.take ? keyOf(last) : null };
}

/** Heartbeat details of a scan, named so that details another scan left behind are never mistaken for these. */
interface Checkpoint<P> {
  scan: string;
  progress: P;
}

/** The progress the previous attempt of this activity last heartbeated for `scan`; undefined on a first attempt. */
export function resumeFrom<P>(scan: string): P | undefined {
  const details = activityInfo().heartbeatDetails as Checkpoint<P> | undefined;
  return details?.scan === scan ? details.progress : undefined;
}

/**
 * Heartbeats the scan's progress (the SDK throttles what reaches the server) and stops the activity with the
 * cancellation's CancelledFailure once the workflow cancelled it or the server timed it out. Progress is
 * sent as is later, so pass a value that is not mutated afterwards.
 */
export function checkpoint<P>(scan: string, progress: P): void {
  heartbeat({ scan, progress } satisfies Checkpoint<P>);
  Context.current().cancellationSignal.throwIfAborted();
}

/** The pages of a keyset scan from `after` on; cancellation is checked before each page is read. */
export async function* pages<T>(read: (page: Page) => Promise<Paged<T>>, after: string | null, take: number): AsyncGenerator<Paged<T>> {
  let cursor = after;
  do {
    Context.current().cancellationSignal.throwIfAborted();
    const page = await read({ after: cursor, take });
    if (page.items.length > 0) yield page;
    cursor = page.next;
  } while (cursor !== null);
}

/**
 * Every row of a read-only scan, page by page, calling `beat` with the cursor after each page. A retry reads
 * again from the start: the rows are cheap to read, and a report describes one moment, not a mix of attempts.
 */
export async function readAll<T>(read: (page: Page) => Promise<Paged<T>>, take: number, beat: (cursor: string | null) => void): Promise<T[]> {
  const all: T[] = [];
  for await (const page of pages(read, null, take)) {
    all.push(...page.items);
    beat(page.next);
  }
  return all;
}
