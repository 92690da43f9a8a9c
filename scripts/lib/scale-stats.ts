/** Percentiles and fixed-width table printing shared by the parts of `bench:scale`. */

/** The p-th percentile (nearest rank) of an ascending list; NaN for an empty one. */
export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

export const ascending = (values: number[]) => [...values].sort((a, b) => a - b);

/** A number with `digits` decimals, or "—" when it is not one. */
export const num = (n: number | undefined, digits = 1) => (n === undefined || !Number.isFinite(n) ? '—' : n.toFixed(digits));

/** Prints rows under a header; the first column is left-aligned, the others right-aligned. */
export function printTable(header: string[], rows: string[][]): void {
  const widths = header.map((h, c) => Math.max(h.length, ...rows.map((r) => (r[c] ?? '').length)));
  const line = (cells: string[]) => cells.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!))).join('  ');
  console.log(line(header));
  for (const row of rows) console.log(line(row));
}
