-- Client mandates (issue #13, seed 2.1.13): the reference of the mandate in force, and every mandate recorded for a
-- client (renewals included) through POST /clients/:ruc/mandates.

-- AlterTable
ALTER TABLE "client_mandates" ADD COLUMN "reference" TEXT;

-- CreateTable
CREATE TABLE "client_mandate_grants" (
    "id" TEXT NOT NULL,
    "clientRuc" CHAR(11) NOT NULL,
    "grantedAt" TIMESTAMP(3) NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "reference" TEXT NOT NULL,
    "recordedBy" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "client_mandate_grants_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "client_mandate_grants_clientRuc_grantedAt_idx" ON "client_mandate_grants"("clientRuc", "grantedAt");
