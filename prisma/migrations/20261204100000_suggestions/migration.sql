-- CreateEnum
CREATE TYPE "SuggestionStatus" AS ENUM ('WAITING', 'APPROVED', 'DECLINED', 'WITHDRAWN');

-- AlterTable
ALTER TABLE "ArgumentMap" ADD COLUMN     "requireApproval" BOOLEAN NOT NULL DEFAULT false;

-- CreateTable
CREATE TABLE "MapModerator" (
    "id" TEXT NOT NULL,
    "mapId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "appointedById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "MapModerator_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Suggestion" (
    "id" TEXT NOT NULL,
    "mapId" TEXT NOT NULL,
    "authorId" TEXT,
    "ops" JSONB NOT NULL,
    "nodeId" TEXT NOT NULL,
    "parentId" TEXT,
    "text" TEXT NOT NULL,
    "beforeText" TEXT,
    "status" "SuggestionStatus" NOT NULL DEFAULT 'WAITING',
    "reason" TEXT,
    "decidedById" TEXT,
    "decidedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Suggestion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Flag" (
    "id" TEXT NOT NULL,
    "mapId" TEXT NOT NULL,
    "nodeId" TEXT NOT NULL,
    "raisedById" TEXT NOT NULL,
    "reason" TEXT NOT NULL DEFAULT '',
    "resolvedAt" TIMESTAMP(3),
    "resolvedById" TEXT,
    "resolution" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Flag_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "MapModerator_userId_idx" ON "MapModerator"("userId");

-- CreateIndex
CREATE INDEX "MapModerator_appointedById_idx" ON "MapModerator"("appointedById");

-- CreateIndex
CREATE UNIQUE INDEX "MapModerator_mapId_userId_key" ON "MapModerator"("mapId", "userId");

-- CreateIndex
CREATE INDEX "Suggestion_mapId_status_createdAt_idx" ON "Suggestion"("mapId", "status", "createdAt");

-- CreateIndex
CREATE INDEX "Suggestion_authorId_idx" ON "Suggestion"("authorId");

-- CreateIndex
CREATE INDEX "Suggestion_decidedById_idx" ON "Suggestion"("decidedById");

-- CreateIndex
CREATE INDEX "Flag_mapId_resolvedAt_idx" ON "Flag"("mapId", "resolvedAt");

-- CreateIndex
CREATE INDEX "Flag_raisedById_idx" ON "Flag"("raisedById");

-- CreateIndex
CREATE INDEX "Flag_resolvedById_idx" ON "Flag"("resolvedById");

-- CreateIndex
CREATE UNIQUE INDEX "Flag_nodeId_raisedById_key" ON "Flag"("nodeId", "raisedById");

-- AddForeignKey
ALTER TABLE "MapModerator" ADD CONSTRAINT "MapModerator_mapId_fkey" FOREIGN KEY ("mapId") REFERENCES "ArgumentMap"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MapModerator" ADD CONSTRAINT "MapModerator_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MapModerator" ADD CONSTRAINT "MapModerator_appointedById_fkey" FOREIGN KEY ("appointedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Suggestion" ADD CONSTRAINT "Suggestion_mapId_fkey" FOREIGN KEY ("mapId") REFERENCES "ArgumentMap"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Suggestion" ADD CONSTRAINT "Suggestion_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Suggestion" ADD CONSTRAINT "Suggestion_decidedById_fkey" FOREIGN KEY ("decidedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Flag" ADD CONSTRAINT "Flag_mapId_fkey" FOREIGN KEY ("mapId") REFERENCES "ArgumentMap"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Flag" ADD CONSTRAINT "Flag_nodeId_fkey" FOREIGN KEY ("nodeId") REFERENCES "Node"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Flag" ADD CONSTRAINT "Flag_raisedById_fkey" FOREIGN KEY ("raisedById") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Flag" ADD CONSTRAINT "Flag_resolvedById_fkey" FOREIGN KEY ("resolvedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
