-- People (issue #15): the staff directory (positions, shifts, absences with substitutes), each client's titular
-- executive and agreed email response time, the communication log of a dispatch (and its triage list), and the
-- inbound-mail cursors. Default shifts are seeded here; admins change them through the API.

-- CreateTable
CREATE TABLE "staff_members" (
    "username" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "position" TEXT NOT NULL,
    "executiveId" TEXT,
    "shiftId" TEXT,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "updatedBy" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "staff_members_pkey" PRIMARY KEY ("username")
);

-- CreateTable
CREATE TABLE "work_shifts" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "days" JSONB NOT NULL,
    "start" TEXT NOT NULL,
    "end" TEXT NOT NULL,
    "breakTime" JSONB,
    "updatedBy" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "work_shifts_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "staff_absences" (
    "id" TEXT NOT NULL,
    "username" TEXT NOT NULL,
    "substituteUsername" TEXT NOT NULL,
    "startsAt" TIMESTAMP(3) NOT NULL,
    "endsAt" TIMESTAMP(3) NOT NULL,
    "reason" TEXT NOT NULL,
    "createdBy" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "staff_absences_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "client_service_assignments" (
    "clientRuc" CHAR(11) NOT NULL,
    "executiveUsername" TEXT NOT NULL,
    "mailResponseMinutes" INTEGER,
    "updatedBy" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "client_service_assignments_pkey" PRIMARY KEY ("clientRuc")
);

-- CreateTable
CREATE TABLE "communication_entries" (
    "id" TEXT NOT NULL,
    "dispatchId" TEXT,
    "channel" TEXT NOT NULL,
    "direction" TEXT NOT NULL,
    "messageId" TEXT,
    "inReplyTo" TEXT,
    "fromAddress" TEXT,
    "toAddresses" JSONB NOT NULL DEFAULT '[]',
    "subject" TEXT NOT NULL,
    "summary" TEXT NOT NULL,
    "matchedBy" TEXT,
    "triageReason" TEXT,
    "mailbox" TEXT,
    "occurredAt" TIMESTAMP(3) NOT NULL,
    "recordedBy" TEXT NOT NULL,
    "responseStatus" TEXT,
    "answeredAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "communication_entries_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "mailbox_cursors" (
    "mailbox" TEXT NOT NULL,
    "uidValidity" TEXT NOT NULL,
    "lastUid" INTEGER NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "mailbox_cursors_pkey" PRIMARY KEY ("mailbox")
);

-- CreateIndex
CREATE UNIQUE INDEX "staff_members_email_key" ON "staff_members"("email");

-- CreateIndex
CREATE UNIQUE INDEX "staff_members_executiveId_key" ON "staff_members"("executiveId");

-- CreateIndex
CREATE INDEX "staff_absences_username_endsAt_idx" ON "staff_absences"("username", "endsAt");

-- CreateIndex
CREATE INDEX "client_service_assignments_executiveUsername_idx" ON "client_service_assignments"("executiveUsername");

-- CreateIndex
CREATE UNIQUE INDEX "communication_entries_messageId_key" ON "communication_entries"("messageId");

-- CreateIndex
CREATE INDEX "communication_entries_dispatchId_occurredAt_idx" ON "communication_entries"("dispatchId", "occurredAt");

-- CreateIndex
CREATE INDEX "communication_entries_inReplyTo_idx" ON "communication_entries"("inReplyTo");

-- Seed: the shifts of domain/people/shifts.ts (seed 2.5.1 for the night shift).
INSERT INTO "work_shifts" ("id", "name", "days", "start", "end", "breakTime", "updatedBy", "updatedAt") VALUES
    ('night', 'Turno noche', '[1,2,3,4,5]', '22:00', '08:00', '{"start":"03:00","end":"04:00"}', 'migration', CURRENT_TIMESTAMP),
    ('day', 'Turno día', '[1,2,3,4,5]', '08:00', '17:00', NULL, 'migration', CURRENT_TIMESTAMP),
    ('afternoon', 'Turno tarde', '[1,2,3,4,5]', '13:00', '22:00', NULL, 'migration', CURRENT_TIMESTAMP);
