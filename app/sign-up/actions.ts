"use server";
import { guestAction } from "@/lib/action";
import { requestAddress } from "@/lib/auth/session";
import { createAccount } from "@/lib/auth/accounts";
import { signUpSchema } from "@/lib/auth/schema";

export const signUpAction = guestAction(signUpSchema, "We could not create your account just now. Please try again.", async (input) => {
  await createAccount(input, await requestAddress());
});
