-- AlterTable
ALTER TABLE "ReviewLog" ADD COLUMN "sessionId" TEXT;

