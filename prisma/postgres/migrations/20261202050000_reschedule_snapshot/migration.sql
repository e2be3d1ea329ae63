-- CreateTable
CREATE TABLE "RescheduleSnapshot" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "undoneAt" TIMESTAMP(3),
    "moved" INTEGER NOT NULL,
    "cards" TEXT NOT NULL,

    CONSTRAINT "RescheduleSnapshot_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "RescheduleSnapshot_userId_createdAt_idx" ON "RescheduleSnapshot"("userId", "createdAt");

-- AddForeignKey
ALTER TABLE "RescheduleSnapshot" ADD CONSTRAINT "RescheduleSnapshot_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

