-- Desired retention of the safety group (issue 24): a plain ADD COLUMN with a constant default.
ALTER TABLE "User" ADD COLUMN "safetyRetention" REAL NOT NULL DEFAULT 0.95;
