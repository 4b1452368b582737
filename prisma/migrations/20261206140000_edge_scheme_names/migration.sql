-- AlterTable
ALTER TABLE "Edge" ADD COLUMN     "schemeName" TEXT;
