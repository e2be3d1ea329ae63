import { describe, expect, it } from "vitest";
import { localGradeOf, syncRequestBody } from "@/lib/srs/offline/sync-request";
import type { LocalGrade } from "@/lib/srs/offline/snapshot";
import { syncSchema } from "@/lib/validation/review";
import { Rating } from "ts-fsrs";

const SESSION = "5e55e55e-0000-4000-8000-000000000002";
const made = new Date("2026-03-10T12:00:00Z");

describe("a grade made offline", () => {
  it("is kept on the device with the study session it was made in", () => {
    const g = localGradeOf(
      { userId: "u1", cardId: "c1", rating: Rating.Good, clientId: "0b0e7b8e-5d1a-4f43-9a55-1f3d2c6c9a10", durationMs: 4200, sessionId: SESSION },
      made,
    );
    expect(g).toEqual({
      userId: "u1",
      cardId: "c1",
      rating: Rating.Good,
      clientId: "0b0e7b8e-5d1a-4f43-9a55-1f3d2c6c9a10",
      durationMs: 4200,
      sessionId: SESSION,
      reviewedAt: made.getTime(),
    });
  });

  it("is sent with its study session and without the user id, in a body the sync route accepts", () => {
    const waiting: LocalGrade[] = [
      {
        userId: "u1",
        cardId: "c1",
        rating: Rating.Good,
        clientId: "0b0e7b8e-5d1a-4f43-9a55-1f3d2c6c9a10",
        durationMs: 4200,
        reviewedAt: made.getTime(),
        sessionId: SESSION,
      },
      // Queued by an older page: no session, still sent.
      {
        userId: "u1",
        cardId: "c2",
        rating: Rating.Again,
        clientId: "7d6f0f5e-2b7e-4d8c-8f0a-3e9b1c2d4f50",
        durationMs: 900,
        reviewedAt: made.getTime() + 5000,
      },
    ];
    const body = syncRequestBody(waiting);
    expect(body.grades.map((g) => g.sessionId)).toEqual([SESSION, undefined]);
    expect(body.grades.every((g) => !("userId" in g))).toBe(true);
    const parsed = syncSchema.safeParse(JSON.parse(JSON.stringify(body)));
    expect(parsed.success).toBe(true);
    expect(parsed.data?.grades[0]).toMatchObject({ cardId: "c1", sessionId: SESSION, reviewedAt: made.getTime() });
  });

  it("is refused by the sync route when its session id is malformed", () => {
    const body = syncRequestBody([
      {
        userId: "u1",
        cardId: "c1",
        rating: Rating.Good,
        clientId: "0b0e7b8e-5d1a-4f43-9a55-1f3d2c6c9a10",
        durationMs: 1,
        reviewedAt: made.getTime(),
        sessionId: "not-a-session",
      },
    ]);
    const parsed = syncSchema.safeParse(body);
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.message).toBe("sessionId must be a UUID");
  });
});
