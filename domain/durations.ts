/** Durations are plain milliseconds in policies so they serialize as JSON and can be overridden per client. */
export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

/** Parses "48h", "30m", "10d", "90s" or a number of milliseconds. Throws on anything else. */
export function parseDuration(value: string | number): number {
  if (typeof value === 'number') {
    if (!Number.isFinite(value) || value < 0) throw new Error(`invalid duration: ${value}`);
    return value;
  }
  const match = /^(\d+(?:\.\d+)?)\s*(ms|s|m|h|d)$/.exec(value.trim());
  if (!match) throw new Error(`invalid duration "${value}": use e.g. 48h, 30m, 10d`);
  const amount = Number(match[1]);
  const unit = { ms: 1, s: 1000, m: MINUTE, h: HOUR, d: DAY }[match[2] as 'ms' | 's' | 'm' | 'h' | 'd'];
  return amount * unit;
}
