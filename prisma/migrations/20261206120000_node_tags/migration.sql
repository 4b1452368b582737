-- AlterTable
ALTER TABLE "ArgumentMap" ADD COLUMN     "tagColors" JSONB;

-- AlterTable
ALTER TABLE "Node" ADD COLUMN     "tags" TEXT[] DEFAULT ARRAY[]::TEXT[];
