import { describe, expect, it, vi } from "vitest";

// `next build` copies a module into several server chunks; each copy must find the same lock,
// or Prisma's transactions and the hot path's group commit would not exclude one another.
describe("the SQLite writer lock", () => {
  it("is one per process, whichever copy of the module is loaded", async () => {
    const first = (await import("@/lib/db/sqlite-adapter")).sqliteWriteLock;
    vi.resetModules();
    const second = (await import("@/lib/db/sqlite-adapter")).sqliteWriteLock;
    expect(second).toBe(first);
  });
});
