"use server";
import { userAction } from "@/lib/action";
import { requestAddress } from "@/lib/auth";
import { deleteAccount } from "@/lib/account/delete";
import { deleteAccountSchema } from "@/lib/account/schema";

export const deleteAccountAction = userAction(
  deleteAccountSchema,
  "Your account could not be deleted just now. Nothing was deleted; please try again.",
  async (user, input) => deleteAccount(user.id, input, await requestAddress()),
);
