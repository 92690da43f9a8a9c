-- Indexes of the dispatch list (GET /dispatches and the board's queue) measured by `npm run bench:scale` over
-- 100,000 dispatches: docs/operations.md, "Scale". (clientRuc) and (executiveId) become (…, status), which
-- serve the same lookups and also count a client's or an executive's open dispatches from the index alone.

-- DropIndex
DROP INDEX "dispatches_clientRuc_idx";

-- DropIndex
DROP INDEX "dispatches_executiveId_idx";

-- CreateIndex
CREATE INDEX "dispatches_clientRuc_status_idx" ON "dispatches"("clientRuc", "status");

-- CreateIndex
CREATE INDEX "dispatches_executiveId_status_idx" ON "dispatches"("executiveId", "status");

-- CreateIndex
CREATE INDEX "dispatches_atRisk_nextDeadlineAt_idx" ON "dispatches"("atRisk", "nextDeadlineAt");

-- CreateIndex
CREATE INDEX "dispatches_overdue_nextDeadlineAt_idx" ON "dispatches"("overdue", "nextDeadlineAt");

-- CreateIndex
CREATE INDEX "dispatches_eta_idx" ON "dispatches"("eta");

-- CreateIndex
CREATE INDEX "dispatches_updatedAt_idx" ON "dispatches"("updatedAt");
