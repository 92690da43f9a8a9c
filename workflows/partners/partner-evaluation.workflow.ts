import { executeChild, workflowInfo } from '@temporalio/workflow';
import { sideEffectKey } from '../../domain/ids';
import { evaluatePartner, type PartnerEvaluation } from '../../domain/partners/evaluation';
import { evaluationReportSubjectEs, evaluationReportTextEs } from '../../domain/partners/evaluation-report';
import { partnerEvaluationId, partnerEvaluationWorkflowId } from '../../domain/partners/ids';
import { partnerEmail, partnerRecords } from './activities';
import type { AnnualEvaluationsInput, PartnerEvaluationInput } from './partners.messages';

// Bogotá is UTC−5 all year.
const BOGOTA_OFFSET_MS = -5 * 3_600_000;

/**
 * Performance evaluation of one partner for a year: collects the year's milestones and non-conformities,
 * scores them (domain/partners/evaluation.ts), stores the evaluation as a record and emails the Spanish report
 * to management.
 */
export async function annualPartnerEvaluationWorkflow(input: PartnerEvaluationInput): Promise<PartnerEvaluation> {
  const data = await partnerRecords.collectPartnerYear({ partnerId: input.partnerId, year: input.year });
  const evaluation = evaluatePartner(data, input.policy);
  const subject = evaluationReportSubjectEs(evaluation);
  const text = evaluationReportTextEs(evaluation);
  await partnerRecords.recordPartnerEvaluation({ evaluationId: input.evaluationId, evaluation, reportText: text, requestedBy: input.requestedBy });
  await partnerEmail.sendEvaluationReport({ idempotencyKey: sideEffectKey(workflowInfo().workflowId, `report/${input.evaluationId}`), subject, text });
  return evaluation;
}

/**
 * The yearly run started by the Schedule (schedules/partner-evaluation.ts): evaluates every active partner for
 * the previous year, one child per partner, whose id makes a repeated run idempotent (same record, no second email).
 */
export async function annualPartnerEvaluationsWorkflow(input: AnnualEvaluationsInput = {}): Promise<PartnerEvaluation[]> {
  const year = input.year ?? new Date(Date.now() + BOGOTA_OFFSET_MS).getUTCFullYear() - 1;
  const partnerIds = await partnerRecords.listActivePartnerIds();
  return Promise.all(
    partnerIds.map((partnerId) => {
      const evaluationId = partnerEvaluationId(partnerId, year);
      return executeChild(annualPartnerEvaluationWorkflow, {
        workflowId: partnerEvaluationWorkflowId(evaluationId),
        args: [{ partnerId, year, evaluationId, requestedBy: input.requestedBy ?? 'schedule' }],
      });
    }),
  );
}
