-- CreateTable
CREATE TABLE "MapCheckpoint" (
    "mapId" TEXT NOT NULL,
    "seq" INTEGER NOT NULL,
    "graph" JSONB NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "MapCheckpoint_pkey" PRIMARY KEY ("mapId","seq")
);

-- AddForeignKey
ALTER TABLE "MapCheckpoint" ADD CONSTRAINT "MapCheckpoint_mapId_fkey" FOREIGN KEY ("mapId") REFERENCES "ArgumentMap"("id") ON DELETE CASCADE ON UPDATE CASCADE;
