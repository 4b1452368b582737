-- AlterTable
ALTER TABLE "Classroom" ADD COLUMN     "joinClosesAt" TIMESTAMP(3);
