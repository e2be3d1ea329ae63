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

    CONSTRAINT "ReviewDayTally_pkey" PRIMARY KEY ("userId","reviewDay")
);

-- AddForeignKey
ALTER TABLE "ReviewDayTally" ADD CONSTRAINT "ReviewDayTally_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- The tallies of the logs already stored.
INSERT INTO "ReviewDayTally" ("userId", "reviewDay", "done", "again", "timeMs", "introduced", "reviewed")
SELECT "userId", "reviewDay", COUNT(*)::int, (COUNT(*) FILTER (WHERE "rating" = 1))::int, COALESCE(SUM("durationMs"), 0),
       (COUNT(*) FILTER (WHERE "state" = 0))::int, (COUNT(*) FILTER (WHERE "state" = 2))::int
FROM "ReviewLog" WHERE "undoneAt" IS NULL GROUP BY "userId", "reviewDay";

-- Every change to a log, by any path (grading, undo, offline sync, import, a card's or an
-- account's deletion), adds its share to its day's tally or takes it away. A log counts while
-- it is live (not undone). Numbers as ts-fsrs's: rating 1 = Again; state 0 = New, 2 = Review.
CREATE FUNCTION "ReviewLog_tally"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP <> 'INSERT' AND OLD."undoneAt" IS NULL THEN
        UPDATE "ReviewDayTally" SET
            "done" = "done" - 1, "again" = "again" - (OLD."rating" = 1)::int, "timeMs" = "timeMs" - OLD."durationMs",
            "introduced" = "introduced" - (OLD."state" = 0)::int, "reviewed" = "reviewed" - (OLD."state" = 2)::int
        WHERE "userId" = OLD."userId" AND "reviewDay" = OLD."reviewDay";
    END IF;
    IF TG_OP <> 'DELETE' AND NEW."undoneAt" IS NULL THEN
        INSERT INTO "ReviewDayTally" AS t ("userId", "reviewDay", "done", "again", "timeMs", "introduced", "reviewed")
        VALUES (NEW."userId", NEW."reviewDay", 1, (NEW."rating" = 1)::int, NEW."durationMs", (NEW."state" = 0)::int, (NEW."state" = 2)::int)
        ON CONFLICT ("userId", "reviewDay") DO UPDATE SET
            "done" = t."done" + 1, "again" = t."again" + EXCLUDED."again", "timeMs" = t."timeMs" + EXCLUDED."timeMs",
            "introduced" = t."introduced" + EXCLUDED."introduced", "reviewed" = t."reviewed" + EXCLUDED."reviewed";
    END IF;
    RETURN NULL;
END
$$;

CREATE TRIGGER "ReviewLog_tally" AFTER INSERT OR DELETE OR UPDATE OF "userId", "reviewDay", "undoneAt", "rating", "state", "durationMs"
ON "ReviewLog" FOR EACH ROW EXECUTE FUNCTION "ReviewLog_tally"();
