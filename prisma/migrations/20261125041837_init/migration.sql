-- CreateTable
CREATE TABLE "clients" (
    "ruc" CHAR(11) NOT NULL,
    "name" TEXT NOT NULL,
    "contacts" JSONB NOT NULL DEFAULT '[]',
    "statusReportRecipients" JSONB NOT NULL DEFAULT '[]',
    "statusReportSchedule" JSONB,
    "deadlineOverrides" JSONB NOT NULL DEFAULT '{}',
    "extraRequiredDocuments" JSONB NOT NULL DEFAULT '[]',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "clients_pkey" PRIMARY KEY ("ruc")
);

-- CreateTable
CREATE TABLE "supervisors" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "onShift" JSONB,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "supervisors_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "dispatches" (
    "id" TEXT NOT NULL,
    "workflowId" TEXT NOT NULL,
    "clientRuc" CHAR(11) NOT NULL,
    "direction" TEXT NOT NULL,
    "regime" TEXT NOT NULL,
    "modality" TEXT NOT NULL,
    "terminal" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "channel" TEXT,
    "damNumber" TEXT,
    "vessel" TEXT NOT NULL,
    "eta" TIMESTAMP(3) NOT NULL,
    "bl" TEXT NOT NULL,
    "goods" TEXT NOT NULL,
    "restrictedGoods" BOOLEAN NOT NULL,
    "executiveId" TEXT NOT NULL,
    "executiveName" TEXT NOT NULL,
    "executiveEmail" TEXT NOT NULL,
    "nextDeadlineAt" TIMESTAMP(3),
    "nextDeadlineClock" TEXT,
    "atRisk" BOOLEAN NOT NULL DEFAULT false,
    "overdue" BOOLEAN NOT NULL DEFAULT false,
    "openedAt" TIMESTAMP(3) NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "closedAt" TIMESTAMP(3),

    CONSTRAINT "dispatches_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "status_history" (
    "id" TEXT NOT NULL,
    "dispatchId" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL,
    "actor" TEXT NOT NULL,
    "note" TEXT,
    "idempotencyKey" TEXT NOT NULL,

    CONSTRAINT "status_history_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "glosas" (
    "id" TEXT NOT NULL,
    "dispatchId" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "payload" JSONB NOT NULL,
    "actor" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL,
    "idempotencyKey" TEXT NOT NULL,

    CONSTRAINT "glosas_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "incidents" (
    "id" TEXT NOT NULL,
    "dispatchId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "actor" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL,
    "resolvedAt" TIMESTAMP(3),
    "idempotencyKey" TEXT NOT NULL,

    CONSTRAINT "incidents_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "emails_sent" (
    "messageId" TEXT NOT NULL,
    "dispatchId" TEXT,
    "kind" TEXT NOT NULL,
    "recipients" JSONB NOT NULL,
    "subject" TEXT NOT NULL,
    "sentAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "emails_sent_pkey" PRIMARY KEY ("messageId")
);

-- CreateTable
CREATE TABLE "appointments" (
    "id" TEXT NOT NULL,
    "idempotencyKey" TEXT NOT NULL,
    "dispatchId" TEXT NOT NULL,
    "terminal" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "reference" TEXT NOT NULL,
    "slot" TIMESTAMP(3),
    "status" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "appointments_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "non_working_days" (
    "country" TEXT NOT NULL,
    "date" DATE NOT NULL,
    "reason" TEXT NOT NULL,
    "createdBy" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "non_working_days_pkey" PRIMARY KEY ("country","date")
);

-- CreateTable
CREATE TABLE "audit_events" (
    "id" TEXT NOT NULL,
    "actor" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "target" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "details" JSONB NOT NULL DEFAULT '{}',

    CONSTRAINT "audit_events_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "supervisors_email_key" ON "supervisors"("email");

-- CreateIndex
CREATE UNIQUE INDEX "dispatches_workflowId_key" ON "dispatches"("workflowId");

-- CreateIndex
CREATE UNIQUE INDEX "dispatches_damNumber_key" ON "dispatches"("damNumber");

-- CreateIndex
CREATE INDEX "dispatches_status_idx" ON "dispatches"("status");

-- CreateIndex
CREATE INDEX "dispatches_clientRuc_idx" ON "dispatches"("clientRuc");

-- CreateIndex
CREATE INDEX "dispatches_regime_idx" ON "dispatches"("regime");

-- CreateIndex
CREATE INDEX "dispatches_channel_idx" ON "dispatches"("channel");

-- CreateIndex
CREATE INDEX "dispatches_terminal_idx" ON "dispatches"("terminal");

-- CreateIndex
CREATE INDEX "dispatches_executiveId_idx" ON "dispatches"("executiveId");

-- CreateIndex
CREATE INDEX "dispatches_executiveEmail_idx" ON "dispatches"("executiveEmail");

-- CreateIndex
CREATE INDEX "dispatches_nextDeadlineAt_idx" ON "dispatches"("nextDeadlineAt");

-- CreateIndex
CREATE INDEX "dispatches_openedAt_idx" ON "dispatches"("openedAt");

-- CreateIndex
CREATE UNIQUE INDEX "status_history_idempotencyKey_key" ON "status_history"("idempotencyKey");

-- CreateIndex
CREATE INDEX "status_history_dispatchId_at_idx" ON "status_history"("dispatchId", "at");

-- CreateIndex
CREATE UNIQUE INDEX "glosas_idempotencyKey_key" ON "glosas"("idempotencyKey");

-- CreateIndex
CREATE INDEX "glosas_dispatchId_at_idx" ON "glosas"("dispatchId", "at");

-- CreateIndex
CREATE INDEX "glosas_code_idx" ON "glosas"("code");

-- CreateIndex
CREATE UNIQUE INDEX "incidents_idempotencyKey_key" ON "incidents"("idempotencyKey");

-- CreateIndex
CREATE INDEX "incidents_dispatchId_at_idx" ON "incidents"("dispatchId", "at");

-- CreateIndex
CREATE INDEX "incidents_kind_idx" ON "incidents"("kind");

-- CreateIndex
CREATE INDEX "emails_sent_dispatchId_idx" ON "emails_sent"("dispatchId");

-- CreateIndex
CREATE UNIQUE INDEX "appointments_idempotencyKey_key" ON "appointments"("idempotencyKey");

-- CreateIndex
CREATE INDEX "appointments_dispatchId_idx" ON "appointments"("dispatchId");

-- CreateIndex
CREATE INDEX "audit_events_target_at_idx" ON "audit_events"("target", "at");

-- CreateIndex
CREATE INDEX "audit_events_at_idx" ON "audit_events"("at");

-- AddForeignKey
ALTER TABLE "dispatches" ADD CONSTRAINT "dispatches_clientRuc_fkey" FOREIGN KEY ("clientRuc") REFERENCES "clients"("ruc") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "status_history" ADD CONSTRAINT "status_history_dispatchId_fkey" FOREIGN KEY ("dispatchId") REFERENCES "dispatches"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "glosas" ADD CONSTRAINT "glosas_dispatchId_fkey" FOREIGN KEY ("dispatchId") REFERENCES "dispatches"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "incidents" ADD CONSTRAINT "incidents_dispatchId_fkey" FOREIGN KEY ("dispatchId") REFERENCES "dispatches"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "appointments" ADD CONSTRAINT "appointments_dispatchId_fkey" FOREIGN KEY ("dispatchId") REFERENCES "dispatches"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
