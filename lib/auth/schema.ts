import { z } from "zod";
import { isValidTimeZone } from "../srs/day";

// Shared by the forms (react-hook-form's resolver) and by the server, which parses again.

export const emailSchema = z.string().trim().toLowerCase().max(254, "That email address is too long").pipe(z.email("Enter a valid email address"));

export const passwordSchema = z.string().min(10, "Use at least 10 characters").max(200, "Use at most 200 characters");

export const timeZoneSchema = z.string().min(1).max(64).refine(isValidTimeZone, "Unknown time zone");

export const signUpSchema = z.object({
  email: emailSchema,
  password: passwordSchema,
  name: z.string().trim().max(80, "Use at most 80 characters").optional().or(z.literal("")),
  timeZone: timeZoneSchema,
});
// The form's values, and the parsed account details lib/auth/accounts.ts takes.
export type SignUpInput = z.input<typeof signUpSchema>;
export type NewAccount = z.infer<typeof signUpSchema>;

export const signInSchema = z.object({
  email: emailSchema,
  password: z.string().min(1, "Enter your password").max(200, "Use at most 200 characters"),
});
export type SignInInput = z.input<typeof signInSchema>;
export type Credentials = z.infer<typeof signInSchema>;

export const changePasswordSchema = z
  .object({
    currentPassword: z.string().min(1, "Enter your current password").max(200, "Use at most 200 characters"),
    newPassword: passwordSchema,
  })
  .refine((v) => v.currentPassword !== v.newPassword, { message: "Choose a new password, not the current one", path: ["newPassword"] });
export type ChangePasswordInput = z.input<typeof changePasswordSchema>;
