"use server";
import { requireApiUser } from "@/lib/auth";
import { FieldError } from "@/lib/accounts/accounts";
import { changePassword, signOutEverywhere } from "@/lib/accounts/sessions";
import { UserError } from "@/lib/errors";

export type SessionActionResult = { ok: true } | { ok: false; error: string; field?: string };

function failure(e: unknown): SessionActionResult {
  if (e instanceof FieldError) return { ok: false, error: e.message, field: e.field };
  if (e instanceof UserError) return { ok: false, error: e.message };
  console.error(e);
  return { ok: false, error: "That did not work just now. Please try again." };
}

export async function signOutEverywhereAction(): Promise<SessionActionResult> {
  try {
    await signOutEverywhere((await requireApiUser()).id);
    return { ok: true };
  } catch (e) {
    return failure(e);
  }
}

export async function changePasswordAction(input: unknown): Promise<SessionActionResult> {
  try {
    await changePassword((await requireApiUser()).id, input);
    return { ok: true };
  } catch (e) {
    return failure(e);
  }
}
