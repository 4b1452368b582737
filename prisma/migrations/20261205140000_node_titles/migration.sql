-- AlterTable
ALTER TABLE "Node" ADD COLUMN     "title" TEXT;
