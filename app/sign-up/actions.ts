"use server";
import { createAccount, FieldError } from "@/lib/accounts/accounts";
import { UserError } from "@/lib/errors";

export type SignUpResult = { ok: true } | { ok: false; error: string; field?: string };

export async function signUpAction(input: unknown): Promise<SignUpResult> {
  try {
    await createAccount(input);
    return { ok: true };
  } catch (e) {
    if (e instanceof FieldError) return { ok: false, error: e.message, field: e.field };
    if (e instanceof UserError) return { ok: false, error: e.message };
    console.error(e);
    return { ok: false, error: "We could not create your account just now. Please try again." };
  }
}
