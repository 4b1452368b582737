-- AlterTable
ALTER TABLE "Annotation" DROP COLUMN "quotePrefix",
DROP COLUMN "quoteSuffix";
