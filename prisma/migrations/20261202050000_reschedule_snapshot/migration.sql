-- CreateTable
CREATE TABLE "RescheduleSnapshot" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "undoneAt" DATETIME,
    "moved" INTEGER NOT NULL,
    "cards" TEXT NOT NULL,
    CONSTRAINT "RescheduleSnapshot_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "RescheduleSnapshot_userId_createdAt_idx" ON "RescheduleSnapshot"("userId", "createdAt");

