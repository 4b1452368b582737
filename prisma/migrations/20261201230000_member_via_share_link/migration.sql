-- AlterTable
ALTER TABLE "MapMember" ADD COLUMN     "directRole" "MapRole",
ADD COLUMN     "viaShareLinkId" TEXT;

-- CreateIndex
CREATE INDEX "MapMember_viaShareLinkId_idx" ON "MapMember"("viaShareLinkId");

-- AddForeignKey
ALTER TABLE "MapMember" ADD CONSTRAINT "MapMember_viaShareLinkId_fkey" FOREIGN KEY ("viaShareLinkId") REFERENCES "ShareLink"("id") ON DELETE CASCADE ON UPDATE CASCADE;
