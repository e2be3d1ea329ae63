-- Each user's live reviews per study day, summed, so that the review queue reads one row for
-- today's tally instead of summing the day's logs on every grade.
-- CreateTable
CREATE TABLE "ReviewDayTally" (
    "userId" TEXT NOT NULL,
    "reviewDay" INTEGER NOT NULL,
    "done" INTEGER NOT NULL DEFAULT 0,
    "again" INTEGER NOT NULL DEFAULT 0,
    "timeMs" BIGINT NOT NULL DEFAULT 0,
    "introduced" INTEGER NOT NULL DEFAULT 0,
    "reviewed" INTEGER NOT NULL DEFAULT 0,

    PRIMARY KEY ("userId", "reviewDay"),
    CONSTRAINT "ReviewDayTally_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- The tallies of the logs already stored.
INSERT INTO "ReviewDayTally" ("userId", "reviewDay", "done", "again", "timeMs", "introduced", "reviewed")
SELECT "userId", "reviewDay", COUNT(*), SUM("rating" = 1), SUM("durationMs"), SUM("state" = 0), SUM("state" = 2)
FROM "ReviewLog" WHERE "undoneAt" IS NULL GROUP BY "userId", "reviewDay";

-- Every change to a log, by any path (grading, undo, offline sync, import, a card's or an
-- account's deletion), adds its share to its day's tally or takes it away. A log counts while
-- it is live (not undone). Numbers as ts-fsrs's: rating 1 = Again; state 0 = New, 2 = Review.
CREATE TRIGGER "ReviewLog_tally_insert" AFTER INSERT ON "ReviewLog" WHEN NEW."undoneAt" IS NULL
BEGIN
    INSERT INTO "ReviewDayTally" ("userId", "reviewDay", "done", "again", "timeMs", "introduced", "reviewed")
    VALUES (NEW."userId", NEW."reviewDay", 1, NEW."rating" = 1, NEW."durationMs", NEW."state" = 0, NEW."state" = 2)
    ON CONFLICT ("userId", "reviewDay") DO UPDATE SET
        "done" = "done" + 1, "again" = "again" + excluded."again", "timeMs" = "timeMs" + excluded."timeMs",
        "introduced" = "introduced" + excluded."introduced", "reviewed" = "reviewed" + excluded."reviewed";
END;

CREATE TRIGGER "ReviewLog_tally_delete" AFTER DELETE ON "ReviewLog" WHEN OLD."undoneAt" IS NULL
BEGIN
    UPDATE "ReviewDayTally" SET
        "done" = "done" - 1, "again" = "again" - (OLD."rating" = 1), "timeMs" = "timeMs" - OLD."durationMs",
        "introduced" = "introduced" - (OLD."state" = 0), "reviewed" = "reviewed" - (OLD."state" = 2)
    WHERE "userId" = OLD."userId" AND "reviewDay" = OLD."reviewDay";
END;

CREATE TRIGGER "ReviewLog_tally_update_old" AFTER UPDATE OF "userId", "reviewDay", "undoneAt", "rating", "state", "durationMs" ON "ReviewLog"
WHEN OLD."undoneAt" IS NULL
BEGIN
    UPDATE "ReviewDayTally" SET
        "done" = "done" - 1, "again" = "again" - (OLD."rating" = 1), "timeMs" = "timeMs" - OLD."durationMs",
        "introduced" = "introduced" - (OLD."state" = 0), "reviewed" = "reviewed" - (OLD."state" = 2)
    WHERE "userId" = OLD."userId" AND "reviewDay" = OLD."reviewDay";
END;

CREATE TRIGGER "ReviewLog_tally_update_new" AFTER UPDATE OF "userId", "reviewDay", "undoneAt", "rating", "state", "durationMs" ON "ReviewLog"
WHEN NEW."undoneAt" IS NULL
BEGIN
    INSERT INTO "ReviewDayTally" ("userId", "reviewDay", "done", "again", "timeMs", "introduced", "reviewed")
    VALUES (NEW."userId", NEW."reviewDay", 1, NEW."rating" = 1, NEW."durationMs", NEW."state" = 0, NEW."state" = 2)
    ON CONFLICT ("userId", "reviewDay") DO UPDATE SET
        "done" = "done" + 1, "again" = "again" + excluded."again", "timeMs" = "timeMs" + excluded."timeMs",
        "introduced" = "introduced" + excluded."introduced", "reviewed" = "reviewed" + excluded."reviewed";
END;
