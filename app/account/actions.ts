"use server";
import { requestAddress, requireApiUser } from "@/lib/auth";
import { UserError } from "@/lib/errors";
import { deleteAccount, type DeleteResult } from "@/lib/account/delete";

export async function deleteAccountAction(input: unknown): Promise<DeleteResult> {
  try {
    const user = await requireApiUser();
    return await deleteAccount(user.id, input, await requestAddress());
  } catch (e) {
    if (e instanceof UserError) return { ok: false, error: e.message, fieldErrors: {} };
    console.error(e);
    return { ok: false, error: "Your account could not be deleted just now. Nothing was deleted; please try again.", fieldErrors: {} };
  }
}
