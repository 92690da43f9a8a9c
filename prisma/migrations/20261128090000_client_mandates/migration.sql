-- CreateTable
CREATE TABLE "client_mandates" (
    "clientRuc" CHAR(11) NOT NULL,
    "grantedAt" TIMESTAMP(3) NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "client_mandates_pkey" PRIMARY KEY ("clientRuc")
);

-- CreateIndex
CREATE INDEX "client_mandates_expiresAt_idx" ON "client_mandates"("expiresAt");
