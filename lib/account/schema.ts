import { z } from "zod";

// Shared by the delete-account form (react-hook-form resolver) and the server action.
export const deleteAccountSchema = z.strictObject({
  password: z.string().min(1, "Enter your password to confirm").max(200, "Use at most 200 characters"),
});
export type DeleteAccountInput = z.infer<typeof deleteAccountSchema>;
