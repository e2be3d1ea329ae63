import { z } from "zod";

// Shared by the delete-account form (react-hook-form resolver) and the server action.
export const deleteAccountSchema = z.strictObject({
  password: z.string().min(1, "Enter your password to confirm").max(200, "Use at most 200 characters"),
});
export type DeleteAccountInput = z.infer<typeof deleteAccountSchema>;

// The import route's body limit; the form checks the file against it before sending.
export const IMPORT_MAX_BYTES = 32 * 1024 * 1024;

type PickedFile = { name: string; size: number };
const isFileList = (v: unknown): v is ArrayLike<PickedFile> => typeof v === "object" && v !== null && typeof (v as { length?: unknown }).length === "number";

// The import form's one field, a FileList. Checked by duck type, since FileList does not
// exist where the module is also loaded on the server.
export const importFileSchema = z.object({
  file: z
    .custom<ArrayLike<PickedFile>>((v) => isFileList(v) && v.length === 1, "Choose an Unknot export file (.json)")
    .refine((files) => /\.json$/i.test(files[0]!.name), "Choose the .json file from “Everything (JSON)”")
    .refine((files) => files[0]!.size <= IMPORT_MAX_BYTES, `The file is larger than ${IMPORT_MAX_BYTES / 1024 / 1024} MB, the most an import takes`),
});
export type ImportFileInput = z.infer<typeof importFileSchema>;
