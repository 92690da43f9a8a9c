import type { ClientRecord } from '../activities/records';

/** Client records by RUC (null: not in the directory), shared by the routes that read and write them. */
export type ClientCache = TtlCache<string, ClientRecord | null>;

/**
 * A small in-process cache with a time-to-live and a size bound (the oldest entry goes first). Concurrent
 * loads of one key share a single promise. Used for client agreements, read each time a dispatch opens. (API keys
 * have a cache of their own, emptied by PostgreSQL's notification of any key change: principal-cache.ts.)
 */
export class TtlCache<K, V> {
  private readonly entries = new Map<K, { value: Promise<V>; expires: number }>();

  constructor(
    private readonly ttlMs: number,
    private readonly max = 1_000,
    private readonly now: () => number = Date.now,
  ) {}

  /** The cached value, or `load()`'s; a value `keep` refuses (e.g. an unknown key) is not cached. */
  get(key: K, load: () => Promise<V>, keep: (value: V) => boolean = () => true): Promise<V> {
    const hit = this.entries.get(key);
    if (hit && hit.expires > this.now()) return hit.value;
    const value = load();
    this.entries.delete(key);
    this.entries.set(key, { value, expires: this.now() + this.ttlMs });
    if (this.entries.size > this.max) this.entries.delete(this.entries.keys().next().value as K);
    value.then(
      (v) => {
        if (!keep(v)) this.forget(key, value);
      },
      () => this.forget(key, value),
    );
    return value;
  }

  delete(key: K): void {
    this.entries.delete(key);
  }

  private forget(key: K, value: Promise<V>): void {
    if (this.entries.get(key)?.value === value) this.entries.delete(key);
  }
}
