-- AlterTable
ALTER TABLE "User" ADD COLUMN     "leechAction" TEXT NOT NULL DEFAULT 'suspend',
ADD COLUMN     "leechThreshold" INTEGER NOT NULL DEFAULT 8,
ADD COLUMN     "reviewsPerDay" INTEGER NOT NULL DEFAULT 200;

-- AlterTable
ALTER TABLE "CatalogCard" ADD COLUMN     "front" TEXT NOT NULL DEFAULT '';

-- AlterTable
ALTER TABLE "Card" ADD COLUMN     "buriedUntil" TIMESTAMP(3),
ADD COLUMN     "leech" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "suspendedAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "ReviewLog" ADD COLUMN     "leechChange" INTEGER NOT NULL DEFAULT 0;

-- CreateTable
CREATE TABLE "CardEvent" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "cardId" TEXT NOT NULL,
    "batchId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL,
    "before" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "undoneAt" TIMESTAMP(3),

    CONSTRAINT "CardEvent_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "CardEvent_userId_batchId_idx" ON "CardEvent"("userId", "batchId");

-- CreateIndex
CREATE INDEX "CardEvent_cardId_at_idx" ON "CardEvent"("cardId", "at");

-- AddForeignKey
ALTER TABLE "CardEvent" ADD CONSTRAINT "CardEvent_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CardEvent" ADD CONSTRAINT "CardEvent_cardId_fkey" FOREIGN KEY ("cardId") REFERENCES "Card"("id") ON DELETE CASCADE ON UPDATE CASCADE;

