"use server";
import { guestAction } from "@/lib/action";
import { requestAddress } from "@/lib/auth";
import { createAccount } from "@/lib/accounts/accounts";
import { signUpSchema } from "@/lib/validation/auth";

export const signUpAction = guestAction(signUpSchema, "We could not create your account just now. Please try again.", async (input) => {
  await createAccount(input, await requestAddress());
});
