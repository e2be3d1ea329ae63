-- AlterTable
ALTER TABLE "ReviewLog" ADD COLUMN     "balance" TEXT;

-- AlterTable
ALTER TABLE "User" ADD COLUMN     "easyDates" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "easyWeekdays" TEXT NOT NULL DEFAULT 'nnnnnnn',
ADD COLUMN     "loadBalance" BOOLEAN NOT NULL DEFAULT true;
