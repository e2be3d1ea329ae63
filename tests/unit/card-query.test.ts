import { describe, expect, it } from "vitest";
import { cardQueryString, DEFAULT_QUERY, likePattern, parseCardQuery, sortLink } from "@/lib/srs/cards/query";

describe("the /cards URL query", () => {
  it("reads every filter, the sort and the page from the URL", () => {
    const q = parseCardQuery({ q: " heat ", lesson: "cold-or-heat", state: "review", due: "week", flag: "leech", sort: "lapses", dir: "desc", page: "3" });
    expect(q).toEqual({ q: "heat", lesson: "cold-or-heat", state: "review", due: "week", flag: "leech", sort: "lapses", dir: "desc", page: 3 });
  });

  it("opens a stale or hand-edited bookmark with defaults for the bad fields", () => {
    const q = parseCardQuery({ state: "frozen", due: "yesterday", flag: "x", sort: "colour", dir: "up", page: "-2", lesson: "../etc" });
    expect(q).toEqual(DEFAULT_QUERY);
    expect(parseCardQuery({ page: "2.5" }).page).toBe(1);
    expect(parseCardQuery({ q: "x".repeat(101) }).q).toBe("");
  });

  it("takes the first of repeated parameters", () => {
    expect(parseCardQuery({ state: ["new", "review"] }).state).toBe("new");
  });

  it("writes the query back without its defaults, so it round-trips", () => {
    expect(cardQueryString(DEFAULT_QUERY)).toBe("");
    const q = { ...DEFAULT_QUERY, q: "ice & heat", flag: "suspended" as const, page: 2 };
    const s = cardQueryString(q);
    expect(s).toBe("?q=ice+%26+heat&flag=suspended&page=2");
    expect(parseCardQuery(Object.fromEntries(new URLSearchParams(s)))).toEqual(q);
  });

  it("flips the direction when the sorted column is clicked again, and goes back to page 1", () => {
    const q = { ...DEFAULT_QUERY, sort: "stability" as const, page: 4 };
    expect(sortLink(q, "stability")).toBe("?sort=stability&dir=desc");
    expect(sortLink({ ...q, dir: "desc" }, "stability")).toBe("?sort=stability");
    expect(sortLink(q, "front")).toBe("?sort=front");
  });

  it("searches case-insensitively with LIKE's wildcards taken literally", () => {
    expect(likePattern("Heat")).toBe("%heat%");
    expect(likePattern("100%_a\\b")).toBe("%100\\%\\_a\\\\b%");
  });
});
