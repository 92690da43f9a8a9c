-- The terminal's proformas and liquidations as issued, amounts as exact decimal text (issue #14: they were dropped).
CREATE TABLE "terminal_charge_documents" (
    "id" TEXT NOT NULL,
    "dispatchId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "terminal" TEXT NOT NULL,
    "currency" TEXT NOT NULL,
    "lines" JSONB NOT NULL,
    "subtotal" TEXT NOT NULL,
    "igv" TEXT NOT NULL,
    "total" TEXT NOT NULL,
    "issuedAt" TIMESTAMP(3) NOT NULL,
    "recordedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "terminal_charge_documents_pkey" PRIMARY KEY ("id")
);

CREATE INDEX "terminal_charge_documents_dispatchId_issuedAt_idx" ON "terminal_charge_documents"("dispatchId", "issuedAt");
