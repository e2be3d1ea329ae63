-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_OptimizeJob" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "progress" REAL NOT NULL DEFAULT 0,
    "message" TEXT,
    "items" INTEGER NOT NULL DEFAULT 0,
    "weights" TEXT,
    "defaultLogLoss" REAL,
    "defaultRmse" REAL,
    "newLogLoss" REAL,
    "newRmse" REAL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" DATETIME,
    CONSTRAINT "OptimizeJob_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_OptimizeJob" ("createdAt", "defaultLogLoss", "defaultRmse", "finishedAt", "id", "items", "message", "newLogLoss", "newRmse", "progress", "status", "userId", "weights") SELECT "createdAt", "defaultLogLoss", "defaultRmse", "finishedAt", "id", "items", "message", "newLogLoss", "newRmse", "progress", "status", "userId", "weights" FROM "OptimizeJob";
DROP TABLE "OptimizeJob";
ALTER TABLE "new_OptimizeJob" RENAME TO "OptimizeJob";
CREATE INDEX "OptimizeJob_userId_createdAt_idx" ON "OptimizeJob"("userId", "createdAt");
CREATE INDEX "OptimizeJob_status_createdAt_idx" ON "OptimizeJob"("status", "createdAt");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

