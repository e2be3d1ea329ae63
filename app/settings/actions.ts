"use server";
import { requireApiUser } from "@/lib/auth";
import { UserError } from "@/lib/errors";
import { updateSettings, type SettingsResult } from "@/lib/srs/user-settings";

export async function saveSettingsAction(input: unknown): Promise<SettingsResult> {
  try {
    const user = await requireApiUser();
    return await updateSettings(user.id, input);
  } catch (e) {
    if (e instanceof UserError) return { ok: false, error: e.message, fieldErrors: {} };
    console.error(e);
    return { ok: false, error: "Your settings could not be saved just now. Please try again.", fieldErrors: {} };
  }
}
