/**
 * Process-control chart (cuadro de control de procesos) of a partner's service times: an individuals / moving-range
 * (XmR) chart per milestone and customs office. Center line = mean of the service times; control limits =
 * mean ± 2.66 · MR̄ (MR̄ = mean of the absolute differences between consecutive points; 2.66 = 3 / d₂ with d₂ = 1.128).
 * A point outside the limits is a special cause worth a look even when it met the agreed time.
 */
import { HOUR } from '../durations';
import { parseInstant } from '../calendar';

/** Shewhart's constant for individuals charts: 3 / d₂(n = 2). */
export const XMR_LIMIT_FACTOR = 2.66;

/** One measured service time: business hours from the previous milestone to this one. */
export interface ServiceTimeSample {
  doNumber: string;
  reportedAt: string;
  serviceMs: number;
  targetMs: number;
}

export interface ChartPoint {
  doNumber: string;
  at: string;
  hours: number;
  /** |this − previous| in hours; absent for the first point. */
  movingRange?: number;
  overTarget: boolean;
  outOfControl: boolean;
}

export interface ControlChart {
  points: ChartPoint[];
  /** Center line (mean), hours; null with no points. */
  center: number | null;
  /** Mean moving range, hours; null with fewer than two points. */
  meanMovingRange: number | null;
  upperControlLimit: number | null;
  /** Never below zero: a service time cannot be negative. */
  lowerControlLimit: number | null;
  /** The agreed service time, hours (the latest sample's target). */
  targetHours: number | null;
  outOfControlCount: number;
  overTargetCount: number;
}

const round = (n: number) => Math.round(n * 1000) / 1000;

/** The XmR chart of the samples, ordered by report time. */
export function controlChart(samples: readonly ServiceTimeSample[]): ControlChart {
  const sorted = [...samples].sort((a, b) => parseInstant(a.reportedAt) - parseInstant(b.reportedAt));
  const hours = sorted.map((s) => s.serviceMs / HOUR);
  const ranges = hours.slice(1).map((h, i) => Math.abs(h - hours[i]!));
  const center = hours.length ? hours.reduce((a, b) => a + b, 0) / hours.length : null;
  const mrBar = ranges.length ? ranges.reduce((a, b) => a + b, 0) / ranges.length : null;
  const ucl = center !== null && mrBar !== null ? center + XMR_LIMIT_FACTOR * mrBar : null;
  const lcl = center !== null && mrBar !== null ? Math.max(0, center - XMR_LIMIT_FACTOR * mrBar) : null;
  const points = sorted.map((s, i): ChartPoint => {
    const h = hours[i]!;
    return {
      doNumber: s.doNumber,
      at: s.reportedAt,
      hours: round(h),
      ...(i > 0 ? { movingRange: round(ranges[i - 1]!) } : {}),
      overTarget: s.serviceMs > s.targetMs,
      outOfControl: ucl !== null && lcl !== null && (h > ucl || h < lcl),
    };
  });
  const last = sorted.at(-1);
  return {
    points,
    center: center === null ? null : round(center),
    meanMovingRange: mrBar === null ? null : round(mrBar),
    upperControlLimit: ucl === null ? null : round(ucl),
    lowerControlLimit: lcl === null ? null : round(lcl),
    targetHours: last ? round(last.targetMs / HOUR) : null,
    outOfControlCount: points.filter((p) => p.outOfControl).length,
    overTargetCount: points.filter((p) => p.overTarget).length,
  };
}
