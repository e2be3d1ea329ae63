-- Deck control (issue 13). Plain ADD COLUMNs (SQLite accepts a NOT NULL column with a
-- constant default), so no table is copied: a large review log migrates in an instant.
ALTER TABLE "User" ADD COLUMN "reviewsPerDay" INTEGER NOT NULL DEFAULT 200;
ALTER TABLE "User" ADD COLUMN "leechThreshold" INTEGER NOT NULL DEFAULT 8;
ALTER TABLE "User" ADD COLUMN "leechAction" TEXT NOT NULL DEFAULT 'suspend';
ALTER TABLE "Card" ADD COLUMN "suspendedAt" DATETIME;
ALTER TABLE "Card" ADD COLUMN "buriedUntil" DATETIME;
ALTER TABLE "Card" ADD COLUMN "leech" BOOLEAN NOT NULL DEFAULT false;
ALTER TABLE "CatalogCard" ADD COLUMN "front" TEXT NOT NULL DEFAULT '';
ALTER TABLE "ReviewLog" ADD COLUMN "leechChange" INTEGER NOT NULL DEFAULT 0;

-- CreateTable
CREATE TABLE "CardEvent" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT NOT NULL,
    "cardId" TEXT NOT NULL,
    "batchId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "at" DATETIME NOT NULL,
    "before" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "undoneAt" DATETIME,
    CONSTRAINT "CardEvent_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "CardEvent_cardId_fkey" FOREIGN KEY ("cardId") REFERENCES "Card" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "CardEvent_userId_batchId_idx" ON "CardEvent"("userId", "batchId");

-- CreateIndex
CREATE INDEX "CardEvent_cardId_at_idx" ON "CardEvent"("cardId", "at");
