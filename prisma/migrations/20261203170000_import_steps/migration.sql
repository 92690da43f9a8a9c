-- Planned vs actual milestones of an import (lifecycle feature import-steps-2026-12), written by the workflow's
-- read-model write with the rest of the row; null for dispatches opened before the feature and for exports.

-- AlterTable
ALTER TABLE "dispatches" ADD COLUMN "plan" JSONB;
