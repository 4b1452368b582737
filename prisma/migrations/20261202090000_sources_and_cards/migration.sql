-- CreateEnum
CREATE TYPE "CitationStyle" AS ENUM ('DEBATE', 'MLA', 'APA', 'CHICAGO');

-- CreateEnum
CREATE TYPE "SourceFormat" AS ENUM ('TEXT', 'MARKDOWN', 'PDF', 'DOCX', 'HTML');

-- AlterEnum
ALTER TYPE "AnnotationKind" ADD VALUE 'CUT';

-- AlterTable
ALTER TABLE "Classroom" ADD COLUMN     "citationStyle" "CitationStyle" NOT NULL DEFAULT 'DEBATE';

-- AlterTable
ALTER TABLE "Source" ADD COLUMN     "accessedOn" DATE,
ADD COLUMN     "fileName" TEXT,
ADD COLUMN     "format" "SourceFormat" NOT NULL DEFAULT 'TEXT',
ADD COLUMN     "pageLabels" TEXT[] DEFAULT ARRAY[]::TEXT[],
ADD COLUMN     "pageStarts" INTEGER[] DEFAULT ARRAY[]::INTEGER[],
ADD COLUMN     "qualifications" TEXT NOT NULL DEFAULT '';

-- AlterTable
ALTER TABLE "Node" ADD COLUMN     "card" JSONB;

-- AlterTable
ALTER TABLE "Annotation" ADD COLUMN     "marks" JSONB;
