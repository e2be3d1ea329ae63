import { describe, expect, it } from "vitest";
import { rememberedMessage } from "@/app/learn/[slug]/remembered-message";

describe("what Remember this lesson says", () => {
  it("names the daily new-card limit and says the rest wait when a lesson adds more cards than it", () => {
    expect(rememberedMessage(15, 10)).toBe(
      "Added 15 cards to your deck. New cards come up at most 10 a day (your daily limit in Settings), so the rest wait for the next days.",
    );
  });

  it("names the limit without a wait when the cards fit in a day, and says when the limit holds them all back", () => {
    expect(rememberedMessage(1, 10)).toBe("Added 1 card to your deck. New cards come up at most 10 a day (your daily limit in Settings).");
    expect(rememberedMessage(4, 0)).toMatch(/daily limit for new cards is 0, so none will come up until you raise it in Settings/);
  });

  it("says the lesson is already in the deck when nothing was added", () => {
    expect(rememberedMessage(0, 10)).toBe("Already in your deck.");
  });
});
