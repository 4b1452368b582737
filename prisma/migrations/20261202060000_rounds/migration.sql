-- CreateTable
CREATE TABLE "ClassFormat" (
    "id" TEXT NOT NULL,
    "classroomId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "definition" JSONB NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ClassFormat_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Round" (
    "id" TEXT NOT NULL,
    "mapId" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "motion" TEXT NOT NULL,
    "format" JSONB NOT NULL,
    "clock" JSONB NOT NULL,
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Round_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RoundSeat" (
    "roundId" TEXT NOT NULL,
    "position" TEXT NOT NULL,
    "teamId" TEXT NOT NULL,

    CONSTRAINT "RoundSeat_pkey" PRIMARY KEY ("roundId","position")
);

-- CreateTable
CREATE TABLE "RoundJudge" (
    "roundId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "chair" BOOLEAN NOT NULL DEFAULT false,

    CONSTRAINT "RoundJudge_pkey" PRIMARY KEY ("roundId","userId")
);

-- CreateTable
CREATE TABLE "FlowEntry" (
    "id" TEXT NOT NULL,
    "roundId" TEXT NOT NULL,
    "speech" INTEGER NOT NULL,
    "answersId" TEXT,
    "relation" "Relation",
    "nodeId" TEXT,
    "text" TEXT NOT NULL,
    "teamId" TEXT,
    "authorId" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "deletedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "FlowEntry_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Ballot" (
    "id" TEXT NOT NULL,
    "roundId" TEXT NOT NULL,
    "judgeId" TEXT NOT NULL,
    "decision" JSONB NOT NULL,
    "speakers" JSONB NOT NULL DEFAULT '[]',
    "reason" TEXT NOT NULL DEFAULT '',
    "ties" JSONB NOT NULL DEFAULT '[]',
    "submittedAt" TIMESTAMP(3),
    "releasedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Ballot_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ClassFormat_classroomId_idx" ON "ClassFormat"("classroomId");

-- CreateIndex
CREATE INDEX "Round_createdById_idx" ON "Round"("createdById");

-- CreateIndex
CREATE UNIQUE INDEX "Round_mapId_number_key" ON "Round"("mapId", "number");

-- CreateIndex
CREATE INDEX "RoundSeat_teamId_idx" ON "RoundSeat"("teamId");

-- CreateIndex
CREATE INDEX "RoundJudge_userId_idx" ON "RoundJudge"("userId");

-- CreateIndex
CREATE INDEX "FlowEntry_roundId_deletedAt_idx" ON "FlowEntry"("roundId", "deletedAt");

-- CreateIndex
CREATE INDEX "FlowEntry_answersId_idx" ON "FlowEntry"("answersId");

-- CreateIndex
CREATE INDEX "FlowEntry_nodeId_idx" ON "FlowEntry"("nodeId");

-- CreateIndex
CREATE INDEX "FlowEntry_teamId_idx" ON "FlowEntry"("teamId");

-- CreateIndex
CREATE INDEX "FlowEntry_authorId_idx" ON "FlowEntry"("authorId");

-- CreateIndex
CREATE INDEX "Ballot_judgeId_idx" ON "Ballot"("judgeId");

-- CreateIndex
CREATE UNIQUE INDEX "Ballot_roundId_judgeId_key" ON "Ballot"("roundId", "judgeId");

-- AddForeignKey
ALTER TABLE "ClassFormat" ADD CONSTRAINT "ClassFormat_classroomId_fkey" FOREIGN KEY ("classroomId") REFERENCES "Classroom"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Round" ADD CONSTRAINT "Round_mapId_fkey" FOREIGN KEY ("mapId") REFERENCES "ArgumentMap"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Round" ADD CONSTRAINT "Round_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RoundSeat" ADD CONSTRAINT "RoundSeat_roundId_fkey" FOREIGN KEY ("roundId") REFERENCES "Round"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RoundSeat" ADD CONSTRAINT "RoundSeat_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RoundJudge" ADD CONSTRAINT "RoundJudge_roundId_fkey" FOREIGN KEY ("roundId") REFERENCES "Round"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RoundJudge" ADD CONSTRAINT "RoundJudge_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FlowEntry" ADD CONSTRAINT "FlowEntry_roundId_fkey" FOREIGN KEY ("roundId") REFERENCES "Round"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FlowEntry" ADD CONSTRAINT "FlowEntry_answersId_fkey" FOREIGN KEY ("answersId") REFERENCES "FlowEntry"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FlowEntry" ADD CONSTRAINT "FlowEntry_nodeId_fkey" FOREIGN KEY ("nodeId") REFERENCES "Node"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FlowEntry" ADD CONSTRAINT "FlowEntry_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FlowEntry" ADD CONSTRAINT "FlowEntry_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Ballot" ADD CONSTRAINT "Ballot_roundId_fkey" FOREIGN KEY ("roundId") REFERENCES "Round"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Ballot" ADD CONSTRAINT "Ballot_judgeId_fkey" FOREIGN KEY ("judgeId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
