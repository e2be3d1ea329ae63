-- Two-button grading (issue 23): a plain ADD COLUMN with a constant default, so no table is copied.
ALTER TABLE "User" ADD COLUMN "twoButtonGrading" BOOLEAN NOT NULL DEFAULT false;
