-- AlterTable
ALTER TABLE "ArgumentMap" ADD COLUMN     "argdownFrontmatter" JSONB,
ADD COLUMN     "sections" JSONB;

-- AlterTable
ALTER TABLE "Node" ADD COLUMN     "argdownData" JSONB,
ADD COLUMN     "section" TEXT;
