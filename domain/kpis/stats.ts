/** Small statistics for the KPIs: shares, median and percentiles (nearest rank), with null for no data. */

export interface Ratio {
  hits: number;
  total: number;
  /** 0–100 with one decimal; null when nothing was measured. */
  percent: number | null;
}

export function ratio(hits: number, total: number): Ratio {
  return { hits, total, percent: total === 0 ? null : Math.round((hits / total) * 1000) / 10 };
}

/** The p-th percentile (0 < p ≤ 100) by the nearest-rank method; null for an empty list. */
export function percentile(values: readonly number[], p: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[Math.min(rank, sorted.length) - 1]!;
}

/** The median: the middle value, or the mean of the two middle values; null for an empty list. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export const round1 = (n: number | null): number | null => (n === null ? null : Math.round(n * 10) / 10);
