-- AlterTable
ALTER TABLE "ArgumentMap" ADD COLUMN     "anonymousSince" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "MapPseudonym" (
    "mapId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "MapPseudonym_pkey" PRIMARY KEY ("mapId","userId")
);

-- CreateIndex
CREATE INDEX "MapPseudonym_userId_idx" ON "MapPseudonym"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "MapPseudonym_mapId_number_key" ON "MapPseudonym"("mapId", "number");

-- AddForeignKey
ALTER TABLE "MapPseudonym" ADD CONSTRAINT "MapPseudonym_mapId_fkey" FOREIGN KEY ("mapId") REFERENCES "ArgumentMap"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MapPseudonym" ADD CONSTRAINT "MapPseudonym_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
