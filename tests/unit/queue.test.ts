import { describe, expect, it } from "vitest";
import { pickNext } from "@/lib/srs/queue";

const now = new Date("2026-05-01T10:00:00Z");
const at = (min: number) => new Date(now.getTime() + min * 60_000);
const card = (id: string, state: number, dueMin: number) => ({ id, state, due: at(dueMin) });

describe("choosing the next card", () => {
  it("shows due learning steps before reviews, and reviews before new cards", () => {
    const due = [card("r1", 2, -600), card("l1", 1, -1), card("r2", 2, -900)];
    expect(pickNext(due, [card("n1", 0, 0)], now)?.id).toBe("l1");
    expect(
      pickNext(
        due.filter((c) => c.id !== "l1"),
        [card("n1", 0, 0)],
        now,
      )?.id,
    ).toBe("r2");
    expect(pickNext([], [card("n1", 0, 0), card("n2", 0, 0)], now)?.id).toBe("n1");
  });

  it("shows a learning step early only when nothing else is left, and not more than 20 minutes early", () => {
    expect(pickNext([card("l1", 3, 15)], [], now)?.id).toBe("l1");
    expect(pickNext([card("l1", 1, 15)], [card("n1", 0, 0)], now)?.id).toBe("n1");
    expect(pickNext([card("l1", 1, 25)], [], now)).toBeUndefined();
  });
});
