"use server";
import { userAction } from "@/lib/action";
import { noInput } from "@/lib/api";
import { changePassword, signOutEverywhere } from "@/lib/auth/session-version";
import { changePasswordSchema } from "@/lib/auth/schema";

const FAILED = "That did not work just now. Please try again.";

export const signOutEverywhereAction = userAction(noInput, FAILED, async (user) => signOutEverywhere(user.id));

export const changePasswordAction = userAction(changePasswordSchema, FAILED, async (user, input) => changePassword(user.id, input));
