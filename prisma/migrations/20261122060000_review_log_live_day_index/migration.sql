-- CreateIndex
CREATE INDEX "ReviewLog_userId_undoneAt_reviewDay_state_rating_durationMs_idx" ON "ReviewLog"("userId", "undoneAt", "reviewDay", "state", "rating", "durationMs");

