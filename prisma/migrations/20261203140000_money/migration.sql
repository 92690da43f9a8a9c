-- The money of a dispatch (issue #14): exchange rates, client credit, the per-dispatch ledger and client proformas.
-- Amounts are NUMERIC(14,2) and rates NUMERIC(12,6): exact decimals, never floating point.

-- CreateTable
CREATE TABLE "exchange_rates" (
    "date" DATE NOT NULL,
    "rate" DECIMAL(12,6) NOT NULL,
    "source" TEXT NOT NULL,
    "createdBy" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "exchange_rates_pkey" PRIMARY KEY ("date")
);

-- CreateTable
CREATE TABLE "client_credits" (
    "clientRuc" CHAR(11) NOT NULL,
    "status" TEXT NOT NULL,
    "creditLimit" DECIMAL(14,2),
    "currency" TEXT,
    "updatedBy" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "client_credits_pkey" PRIMARY KEY ("clientRuc")
);

-- CreateTable
CREATE TABLE "ledger_entries" (
    "id" TEXT NOT NULL,
    "dispatchId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "amount" DECIMAL(14,2) NOT NULL,
    "currency" TEXT NOT NULL,
    "method" TEXT,
    "reference" TEXT NOT NULL,
    "payee" TEXT,
    "concept" TEXT,
    "actor" TEXT NOT NULL,
    "idempotencyKey" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ledger_entries_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "proformas" (
    "id" TEXT NOT NULL,
    "dispatchId" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "clientRuc" CHAR(11) NOT NULL,
    "notes" TEXT,
    "rateDate" DATE,
    "rate" DECIMAL(12,6),
    "rateSource" TEXT,
    "createdBy" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "proformas_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "proforma_lines" (
    "id" TEXT NOT NULL,
    "proformaId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "quantity" INTEGER NOT NULL,
    "unitAmount" DECIMAL(14,2) NOT NULL,
    "amount" DECIMAL(14,2) NOT NULL,
    "currency" TEXT NOT NULL,

    CONSTRAINT "proforma_lines_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "ledger_entries_idempotencyKey_key" ON "ledger_entries"("idempotencyKey");

-- CreateIndex
CREATE INDEX "ledger_entries_dispatchId_createdAt_idx" ON "ledger_entries"("dispatchId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "proformas_dispatchId_version_key" ON "proformas"("dispatchId", "version");

-- CreateIndex
CREATE UNIQUE INDEX "proforma_lines_proformaId_position_key" ON "proforma_lines"("proformaId", "position");

-- AddForeignKey
ALTER TABLE "proforma_lines" ADD CONSTRAINT "proforma_lines_proformaId_fkey" FOREIGN KEY ("proformaId") REFERENCES "proformas"("id") ON DELETE CASCADE ON UPDATE CASCADE;
