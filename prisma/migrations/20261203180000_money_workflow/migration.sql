-- Money in the dispatch workflow (issue #14, lifecycle feature money-clocks-2026-12): the read model shows a
-- payment waiting for the client's funds and the cost clocks' figures; the supervisor digest lists the dispatches
-- that start costing money soon (by costNextChargeAt).

-- AlterTable
ALTER TABLE "dispatches" ADD COLUMN     "costNextChargeAt" TIMESTAMP(3),
ADD COLUMN     "costs" JSONB,
ADD COLUMN     "waitingForFunds" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "clients" ADD COLUMN     "extraServices" JSONB;

-- CreateIndex
CREATE INDEX "dispatches_costNextChargeAt_idx" ON "dispatches"("costNextChargeAt");

-- CreateTable
CREATE TABLE "liquidation_files" (
    "dispatchId" TEXT NOT NULL,
    "file" JSONB NOT NULL,
    "pdf" BYTEA NOT NULL,
    "compiledAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "liquidation_files_pkey" PRIMARY KEY ("dispatchId")
);

-- CreateTable
CREATE TABLE "invoice_regularizations" (
    "dispatchId" TEXT NOT NULL,
    "invoiceNumber" TEXT NOT NULL,
    "actor" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "invoice_regularizations_pkey" PRIMARY KEY ("dispatchId")
);
