-- People routing (issue #15, change people-routing-2026-12): written agreements about a dispatch (seed
-- 2.1.9–2.1.10), contracts with alliance partners (annex of seed 004), and the direction (import/export) of a
-- partner's operation, so each is controlled on its own chart.

-- CreateTable
CREATE TABLE "dispatch_agreements" (
    "id" TEXT NOT NULL,
    "dispatchId" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "agreedWith" TEXT NOT NULL,
    "agreedAt" TIMESTAMP(3) NOT NULL,
    "content" TEXT NOT NULL,
    "channel" TEXT NOT NULL,
    "reference" TEXT,
    "matter" TEXT NOT NULL,
    "dueAt" TIMESTAMP(3),
    "status" TEXT NOT NULL,
    "fulfilledAt" TIMESTAMP(3),
    "fulfilledBy" TEXT,
    "fulfilmentNote" TEXT,
    "recordedBy" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "dispatch_agreements_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "partner_contracts" (
    "id" TEXT NOT NULL,
    "partnerId" TEXT NOT NULL,
    "reference" TEXT NOT NULL,
    "startsOn" DATE NOT NULL,
    "endsOn" DATE NOT NULL,
    "offices" JSONB NOT NULL,
    "serviceTimes" JSONB NOT NULL DEFAULT '{}',
    "createdBy" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "partner_contracts_pkey" PRIMARY KEY ("id")
);

-- AlterTable
ALTER TABLE "external_operations" ADD COLUMN "direction" TEXT NOT NULL DEFAULT 'import';

-- CreateIndex
CREATE INDEX "dispatch_agreements_dispatchId_agreedAt_idx" ON "dispatch_agreements"("dispatchId", "agreedAt");

-- CreateIndex
CREATE INDEX "dispatch_agreements_status_dueAt_idx" ON "dispatch_agreements"("status", "dueAt");

-- CreateIndex
CREATE INDEX "partner_contracts_endsOn_idx" ON "partner_contracts"("endsOn");

-- CreateIndex
CREATE UNIQUE INDEX "partner_contracts_partnerId_reference_key" ON "partner_contracts"("partnerId", "reference");

-- CreateIndex
CREATE INDEX "external_operations_direction_idx" ON "external_operations"("direction");
