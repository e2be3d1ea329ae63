import { describe, expect, it } from "vitest";
import { signInReason } from "@/app/sign-in/reason";

describe("why a page asks a visitor to sign in", () => {
  it("names what the page keeps in the account, for the learner's own pages only", () => {
    expect(signInReason("/review")).toBe("Your reviews are kept in your account, so this page needs you signed in.");
    expect(signInReason("/cards?flag=leech")).toBe("Your cards are kept in your account, so this page needs you signed in.");
    expect(signInReason("/progress")).toBe("Your progress is kept in your account, so this page needs you signed in.");
    expect(signInReason("/settings/retention")).toBe("Your settings are kept in your account, so this page needs you signed in.");
    expect(signInReason("/learn")).toBeNull();
    expect(signInReason("/reviewer")).toBeNull();
    expect(signInReason(null)).toBeNull();
  });
});
