"use server";
import { userAction } from "@/lib/action";
import { requestAddress } from "@/lib/auth/session";
import { deleteAccount } from "@/lib/portability/delete";
import { deleteAccountSchema } from "@/lib/portability/schema";

export const deleteAccountAction = userAction(
  deleteAccountSchema,
  "Your account could not be deleted just now. Nothing was deleted; please try again.",
  async (user, input) => deleteAccount(user.id, input, await requestAddress()),
);
