import * as z from "zod/mini";
import { isValidTimeZone } from "../srs/day";

// Shared by the forms (react-hook-form's resolver) and by the server, which parses again.
// Written with zod/mini, whose functions a bundler keeps only when used: zod's classic API
// would add some 60 kB of script to every page with a form (tests/unit/client-bundles.test.ts).

export const emailSchema = z.pipe(
  z.string().check(z.trim(), z.toLowerCase(), z.maxLength(254, "That email address is too long")),
  z.email("Enter a valid email address"),
);

export const passwordSchema = z.string().check(z.minLength(10, "Use at least 10 characters"), z.maxLength(200, "Use at most 200 characters"));

export const timeZoneSchema = z
  .string()
  .check(z.minLength(1, "Choose a time zone"), z.maxLength(64, "Unknown time zone"), z.refine(isValidTimeZone, "Unknown time zone"));

export const signUpSchema = z.object({
  email: emailSchema,
  password: passwordSchema,
  name: z.union([z.optional(z.string().check(z.trim(), z.maxLength(80, "Use at most 80 characters"))), z.literal("")]),
  timeZone: timeZoneSchema,
});
// The form's values, and the parsed account details lib/auth/accounts.ts takes.
export type SignUpInput = z.input<typeof signUpSchema>;
export type NewAccount = z.infer<typeof signUpSchema>;

export const signInSchema = z.object({
  email: emailSchema,
  password: z.string().check(z.minLength(1, "Enter your password"), z.maxLength(200, "Use at most 200 characters")),
});
export type SignInInput = z.input<typeof signInSchema>;
export type Credentials = z.infer<typeof signInSchema>;

export const changePasswordSchema = z
  .object({
    currentPassword: z.string().check(z.minLength(1, "Enter your current password"), z.maxLength(200, "Use at most 200 characters")),
    newPassword: passwordSchema,
  })
  .check(z.refine((v) => v.currentPassword !== v.newPassword, { message: "Choose a new password, not the current one", path: ["newPassword"] }));
export type ChangePasswordInput = z.input<typeof changePasswordSchema>;
