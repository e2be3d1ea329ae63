import { describe, expect, it } from "vitest";
import { seededShuffle, shuffled } from "@/lib/learn/shuffle";

const choices = ["Heavy lifting", "Sleeping on your side", "Drinking water", "A long walk"];

describe("the order of a quiz's choices", () => {
  it("is the same for the same question on every render, so the server's HTML and the browser's first render agree", () => {
    expect(seededShuffle(choices, "causes-q1")).toEqual(seededShuffle(choices, "causes-q1"));
    expect([...seededShuffle(choices, "causes-q1")].sort()).toEqual([...choices].sort());
  });

  it("differs between questions, so the answer is not always in one place", () => {
    const firsts = new Set(["a", "b", "c", "d", "e", "f", "g", "h"].map((k) => seededShuffle(choices, k)[0]));
    expect(firsts.size).toBeGreaterThan(1);
  });

  it("shuffles with the given randomness and keeps every choice", () => {
    expect(shuffled(choices, () => 0)).toEqual(["Sleeping on your side", "Drinking water", "A long walk", "Heavy lifting"]);
    expect([...shuffled(choices)].sort()).toEqual([...choices].sort());
  });
});
