-- AlterTable
ALTER TABLE "CatalogCard" ADD COLUMN     "quickRelief" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "safety" BOOLEAN NOT NULL DEFAULT false;

-- CreateTable
CREATE TABLE "BackCheckIn" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "studyDay" INTEGER NOT NULL,
    "score" INTEGER,
    "flare" BOOLEAN NOT NULL DEFAULT false,
    "badDay" BOOLEAN NOT NULL DEFAULT false,
    "sessionCards" INTEGER NOT NULL DEFAULT 0,
    "postponed" INTEGER NOT NULL DEFAULT 0,
    "postponeBatchId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "BackCheckIn_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "BackCheckIn_userId_studyDay_key" ON "BackCheckIn"("userId", "studyDay");

-- AddForeignKey
ALTER TABLE "BackCheckIn" ADD CONSTRAINT "BackCheckIn_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
