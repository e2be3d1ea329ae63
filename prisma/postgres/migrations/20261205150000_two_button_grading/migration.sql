-- AlterTable
ALTER TABLE "User" ADD COLUMN     "twoButtonGrading" BOOLEAN NOT NULL DEFAULT false;

