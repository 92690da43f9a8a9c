-- CreateTable
CREATE TABLE "staff_accounts" (
    "id" TEXT NOT NULL,
    "username" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "role" TEXT NOT NULL,
    "function" TEXT NOT NULL,
    "executiveId" TEXT,
    "clientRuc" CHAR(11),
    "passwordHash" TEXT NOT NULL,
    "failedSignIns" INTEGER NOT NULL DEFAULT 0,
    "lastFailedAt" TIMESTAMP(3),
    "disabledAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "staff_accounts_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "board_sessions" (
    "id" TEXT NOT NULL,
    "accountId" TEXT NOT NULL,
    "csrfToken" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastSeenAt" TIMESTAMP(3) NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "board_sessions_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "staff_accounts_username_key" ON "staff_accounts"("username");

-- CreateIndex
CREATE INDEX "board_sessions_accountId_idx" ON "board_sessions"("accountId");

-- CreateIndex
CREATE INDEX "board_sessions_expiresAt_idx" ON "board_sessions"("expiresAt");

-- AddForeignKey
ALTER TABLE "board_sessions" ADD CONSTRAINT "board_sessions_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "staff_accounts"("id") ON DELETE CASCADE ON UPDATE CASCADE;
