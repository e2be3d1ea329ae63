-- AlterTable
ALTER TABLE "ReviewLog" DROP COLUMN "madeLeech",
ADD COLUMN     "leechChange" INTEGER NOT NULL DEFAULT 0;

