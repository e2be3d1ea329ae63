import { describe, expect, it } from "vitest";
import { reached, UNREACHABLE } from "@/app/_components/reached";

describe("an action called from the browser", () => {
  it("answers the action's own result, success or refusal, unchanged", async () => {
    expect(await reached(Promise.resolve({ ok: true as const, token: "t" }))).toEqual({ ok: true, token: "t" });
    const refused = { ok: false as const, error: "Enter a time.", fieldErrors: { remindAt: ["Enter a time."] } };
    expect(await reached(Promise.resolve(refused))).toEqual(refused);
  });

  it("turns a request that never arrived into a failure with a plain message, not an exception", async () => {
    const offline = Promise.reject(new TypeError("Failed to fetch"));
    expect(await reached(offline)).toEqual({ ok: false, error: UNREACHABLE, fieldErrors: {} });
    expect(await reached(Promise.reject(new Error("x")), "Press Save again.")).toEqual({ ok: false, error: "Press Save again.", fieldErrors: {} });
  });
});
