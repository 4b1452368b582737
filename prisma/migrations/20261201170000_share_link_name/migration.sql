-- AlterTable
ALTER TABLE "ShareLink" ADD COLUMN     "name" TEXT;
