-- Even days and easy days (issue 24). Plain ADD COLUMNs with constant defaults, so no table is copied.
ALTER TABLE "User" ADD COLUMN "loadBalance" BOOLEAN NOT NULL DEFAULT true;
ALTER TABLE "User" ADD COLUMN "easyWeekdays" TEXT NOT NULL DEFAULT 'nnnnnnn';
ALTER TABLE "User" ADD COLUMN "easyDates" TEXT NOT NULL DEFAULT '';
ALTER TABLE "ReviewLog" ADD COLUMN "balance" TEXT;
