-- Lessons read to the end: the "Read" mastery level (issue 25).
-- CreateTable
CREATE TABLE "LessonRead" (
    "userId" TEXT NOT NULL,
    "lessonSlug" TEXT NOT NULL,
    "readAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "LessonRead_pkey" PRIMARY KEY ("userId","lessonSlug")
);

-- AddForeignKey
ALTER TABLE "LessonRead" ADD CONSTRAINT "LessonRead_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
