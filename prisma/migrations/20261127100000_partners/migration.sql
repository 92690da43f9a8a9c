-- CreateTable
CREATE TABLE "partners" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "nit" TEXT NOT NULL,
    "contacts" JSONB NOT NULL DEFAULT '[]',
    "accountManager" JSONB NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "partners_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "partner_offices" (
    "partnerId" TEXT NOT NULL,
    "office" TEXT NOT NULL,
    "serviceTimes" JSONB NOT NULL,

    CONSTRAINT "partner_offices_pkey" PRIMARY KEY ("partnerId","office")
);

-- CreateTable
CREATE TABLE "external_operations" (
    "doNumber" TEXT NOT NULL,
    "workflowId" TEXT NOT NULL,
    "partnerId" TEXT NOT NULL,
    "office" TEXT NOT NULL,
    "dispatchId" TEXT,
    "status" TEXT NOT NULL,
    "aforo" TEXT,
    "nextMilestone" TEXT,
    "nextDueAt" TIMESTAMP(3),
    "assignedAt" TIMESTAMP(3) NOT NULL,
    "closedAt" TIMESTAMP(3),
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "external_operations_pkey" PRIMARY KEY ("doNumber")
);

-- CreateTable
CREATE TABLE "operation_milestones" (
    "id" TEXT NOT NULL,
    "doNumber" TEXT NOT NULL,
    "partnerId" TEXT NOT NULL,
    "office" TEXT NOT NULL,
    "milestone" TEXT NOT NULL,
    "startedAt" TIMESTAMP(3) NOT NULL,
    "reportedAt" TIMESTAMP(3) NOT NULL,
    "dueAt" TIMESTAMP(3) NOT NULL,
    "serviceSeconds" INTEGER NOT NULL,
    "targetSeconds" INTEGER NOT NULL,
    "onTime" BOOLEAN NOT NULL,
    "reportedBy" TEXT NOT NULL,

    CONSTRAINT "operation_milestones_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "non_conformities" (
    "id" TEXT NOT NULL,
    "workflowId" TEXT NOT NULL,
    "partnerId" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "doNumber" TEXT,
    "office" TEXT,
    "milestone" TEXT,
    "openedAt" TIMESTAMP(3) NOT NULL,
    "openedBy" TEXT NOT NULL,
    "ownerName" TEXT NOT NULL,
    "ownerEmail" TEXT NOT NULL,
    "dueAt" TIMESTAMP(3) NOT NULL,
    "status" TEXT NOT NULL,
    "actionPlan" TEXT,
    "closedAt" TIMESTAMP(3),
    "closedBy" TEXT,
    "evidence" JSONB,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "non_conformities_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "partner_evaluations" (
    "id" TEXT NOT NULL,
    "partnerId" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "score" DOUBLE PRECISION,
    "rating" TEXT NOT NULL,
    "metrics" JSONB NOT NULL,
    "reportText" TEXT NOT NULL,
    "requestedBy" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "partner_evaluations_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "management_contacts" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "management_contacts_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "partner_offices_office_idx" ON "partner_offices"("office");

-- CreateIndex
CREATE UNIQUE INDEX "external_operations_workflowId_key" ON "external_operations"("workflowId");

-- CreateIndex
CREATE INDEX "external_operations_partnerId_office_idx" ON "external_operations"("partnerId", "office");

-- CreateIndex
CREATE INDEX "external_operations_status_idx" ON "external_operations"("status");

-- CreateIndex
CREATE INDEX "external_operations_dispatchId_idx" ON "external_operations"("dispatchId");

-- CreateIndex
CREATE INDEX "operation_milestones_partnerId_office_milestone_reportedAt_idx" ON "operation_milestones"("partnerId", "office", "milestone", "reportedAt");

-- CreateIndex
CREATE UNIQUE INDEX "operation_milestones_doNumber_milestone_key" ON "operation_milestones"("doNumber", "milestone");

-- CreateIndex
CREATE UNIQUE INDEX "non_conformities_workflowId_key" ON "non_conformities"("workflowId");

-- CreateIndex
CREATE INDEX "non_conformities_partnerId_openedAt_idx" ON "non_conformities"("partnerId", "openedAt");

-- CreateIndex
CREATE INDEX "non_conformities_status_idx" ON "non_conformities"("status");

-- CreateIndex
CREATE INDEX "partner_evaluations_partnerId_year_idx" ON "partner_evaluations"("partnerId", "year");

-- CreateIndex
CREATE UNIQUE INDEX "management_contacts_email_key" ON "management_contacts"("email");

-- AddForeignKey
ALTER TABLE "partner_offices" ADD CONSTRAINT "partner_offices_partnerId_fkey" FOREIGN KEY ("partnerId") REFERENCES "partners"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "external_operations" ADD CONSTRAINT "external_operations_partnerId_fkey" FOREIGN KEY ("partnerId") REFERENCES "partners"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "operation_milestones" ADD CONSTRAINT "operation_milestones_doNumber_fkey" FOREIGN KEY ("doNumber") REFERENCES "external_operations"("doNumber") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "non_conformities" ADD CONSTRAINT "non_conformities_partnerId_fkey" FOREIGN KEY ("partnerId") REFERENCES "partners"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "partner_evaluations" ADD CONSTRAINT "partner_evaluations_partnerId_fkey" FOREIGN KEY ("partnerId") REFERENCES "partners"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
