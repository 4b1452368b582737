-- AlterTable
ALTER TABLE "Edge" ADD COLUMN     "answers" JSONB,
ADD COLUMN     "scheme" TEXT;
