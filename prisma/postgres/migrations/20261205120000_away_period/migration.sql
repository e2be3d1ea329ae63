-- "I'm away" (issue 24): the learner's away periods, in study day numbers.
-- CreateTable
CREATE TABLE "AwayPeriod" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "startDay" INTEGER NOT NULL,
    "endDay" INTEGER NOT NULL,
    "spreadDays" INTEGER NOT NULL,
    "moved" INTEGER NOT NULL DEFAULT 0,
    "batchId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "undoneAt" TIMESTAMP(3),

    CONSTRAINT "AwayPeriod_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "AwayPeriod_userId_startDay_idx" ON "AwayPeriod"("userId", "startDay");

-- AddForeignKey
ALTER TABLE "AwayPeriod" ADD CONSTRAINT "AwayPeriod_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
