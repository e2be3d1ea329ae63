-- CreateIndex
CREATE INDEX "ReviewLog_userId_undoneAt_reviewDay_idx" ON "ReviewLog"("userId", "undoneAt", "reviewDay");

