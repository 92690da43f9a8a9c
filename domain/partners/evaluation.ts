/**
 * Annual performance evaluation of an alliance partner (evaluación de desempeño de socios comerciales), from the
 * year's recorded data: on-time rate of milestones, mean and spread of service times, non-conformities and how
 * they were closed, complaints. Pure scoring; the weights and thresholds are data.
 */
import { HOUR } from '../durations';
import type { NonConformitySource } from './corrective-action';
import { closedOnTime } from './corrective-action';
import { MILESTONES, type Milestone } from './partner';

export interface EvaluationSample {
  milestone: Milestone;
  office: string;
  serviceMs: number;
  targetMs: number;
  onTime: boolean;
}

export interface EvaluationNonConformity {
  source: NonConformitySource;
  status: 'open' | 'closed';
  dueAt: string;
  closedAt?: string | null;
}

export interface EvaluationData {
  partnerId: string;
  partnerName: string;
  year: number;
  /** Operations assigned to the partner in the year. */
  operations: number;
  samples: EvaluationSample[];
  nonConformities: EvaluationNonConformity[];
}

export interface MilestoneStats {
  milestone: Milestone;
  count: number;
  meanHours: number;
  stdDevHours: number;
  onTimeRate: number;
}

export type Rating = 'A' | 'B' | 'C' | 'N';

export const RATING_LABEL_ES: Record<Rating, string> = {
  A: 'Confiable: se mantiene la alianza',
  B: 'Condicionado: requiere plan de mejora',
  C: 'No confiable: revisar la continuidad de la alianza',
  N: 'Sin operaciones medidas en el periodo',
};

export interface PartnerEvaluation {
  partnerId: string;
  partnerName: string;
  year: number;
  operations: number;
  milestonesMeasured: number;
  /** Share of milestones reported within the agreed time; null when none was measured. */
  onTimeRate: number | null;
  byMilestone: MilestoneStats[];
  nonConformities: { total: number; breaches: number; complaints: number; closed: number; closedOnTime: number; open: number };
  /** 0–100, null when there is nothing to score. */
  score: number | null;
  rating: Rating;
}

/** Weights of the score (sum 1) and rating thresholds. */
export interface EvaluationPolicy {
  weights: { onTime: number; closure: number; consistency: number; complaints: number };
  /** A complaint rate (complaints per operation) at or above this scores zero. */
  complaintRateForZero: number;
  thresholds: { A: number; B: number };
}

export const DEFAULT_EVALUATION_POLICY: EvaluationPolicy = {
  weights: { onTime: 0.5, closure: 0.2, consistency: 0.15, complaints: 0.15 },
  complaintRateForZero: 0.2,
  thresholds: { A: 85, B: 70 },
};

const round = (n: number, digits = 3) => Math.round(n * 10 ** digits) / 10 ** digits;

function stats(milestone: Milestone, samples: EvaluationSample[]): MilestoneStats {
  const hours = samples.map((s) => s.serviceMs / HOUR);
  const mean = hours.reduce((a, b) => a + b, 0) / hours.length;
  // Sample standard deviation (n − 1): the year's operations are a sample of the partner's process.
  const variance = hours.length > 1 ? hours.reduce((a, h) => a + (h - mean) ** 2, 0) / (hours.length - 1) : 0;
  return {
    milestone,
    count: samples.length,
    meanHours: round(mean),
    stdDevHours: round(Math.sqrt(variance)),
    onTimeRate: round(samples.filter((s) => s.onTime).length / samples.length),
  };
}

export function evaluatePartner(data: EvaluationData, policy: EvaluationPolicy = DEFAULT_EVALUATION_POLICY): PartnerEvaluation {
  const byMilestone = MILESTONES.map((m) => data.samples.filter((s) => s.milestone === m))
    .filter((list) => list.length > 0)
    .map((list) => stats(list[0]!.milestone, list));
  const ncs = data.nonConformities;
  const nonConformities = {
    total: ncs.length,
    breaches: ncs.filter((n) => n.source === 'breach').length,
    complaints: ncs.filter((n) => n.source === 'complaint').length,
    closed: ncs.filter((n) => n.status === 'closed').length,
    closedOnTime: ncs.filter((n) => closedOnTime(n)).length,
    open: ncs.filter((n) => n.status === 'open').length,
  };
  const measured = data.samples.length;
  const onTimeRate = measured ? round(data.samples.filter((s) => s.onTime).length / measured) : null;
  const base = { partnerId: data.partnerId, partnerName: data.partnerName, year: data.year, operations: data.operations, milestonesMeasured: measured, onTimeRate, byMilestone, nonConformities };
  if (onTimeRate === null) return { ...base, score: null, rating: 'N' };

  const closure = ncs.length ? nonConformities.closedOnTime / ncs.length : 1;
  // Consistency: 1 − coefficient of variation, averaged over milestones (a predictable partner scores high).
  const consistency =
    byMilestone.reduce((a, m) => a + (m.meanHours > 0 ? Math.max(0, 1 - m.stdDevHours / m.meanHours) : 1), 0) / byMilestone.length;
  const complaintRate = nonConformities.complaints / Math.max(1, data.operations);
  const complaints = Math.max(0, 1 - complaintRate / policy.complaintRateForZero);
  const w = policy.weights;
  const score = round(100 * (w.onTime * onTimeRate + w.closure * closure + w.consistency * consistency + w.complaints * complaints), 1);
  const rating: Rating = score >= policy.thresholds.A ? 'A' : score >= policy.thresholds.B ? 'B' : 'C';
  return { ...base, score, rating };
}
