-- AlterTable
ALTER TABLE "ArgumentMap" ADD COLUMN     "blindVoting" BOOLEAN NOT NULL DEFAULT true;

-- CreateTable
CREATE TABLE "Vote" (
    "id" TEXT NOT NULL,
    "mapId" TEXT NOT NULL,
    "nodeId" TEXT NOT NULL,
    "voterId" TEXT NOT NULL,
    "perspective" TEXT NOT NULL,
    "impact" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Vote_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MapPerspective" (
    "id" TEXT NOT NULL,
    "mapId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "MapPerspective_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Vote_mapId_idx" ON "Vote"("mapId");

-- CreateIndex
CREATE INDEX "Vote_voterId_idx" ON "Vote"("voterId");

-- CreateIndex
CREATE UNIQUE INDEX "Vote_nodeId_voterId_perspective_key" ON "Vote"("nodeId", "voterId", "perspective");

-- CreateIndex
CREATE UNIQUE INDEX "MapPerspective_mapId_name_key" ON "MapPerspective"("mapId", "name");

-- AddForeignKey
ALTER TABLE "Vote" ADD CONSTRAINT "Vote_mapId_fkey" FOREIGN KEY ("mapId") REFERENCES "ArgumentMap"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Vote" ADD CONSTRAINT "Vote_nodeId_fkey" FOREIGN KEY ("nodeId") REFERENCES "Node"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Vote" ADD CONSTRAINT "Vote_voterId_fkey" FOREIGN KEY ("voterId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MapPerspective" ADD CONSTRAINT "MapPerspective_mapId_fkey" FOREIGN KEY ("mapId") REFERENCES "ArgumentMap"("id") ON DELETE CASCADE ON UPDATE CASCADE;
