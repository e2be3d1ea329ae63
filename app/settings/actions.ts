"use server";
import { userAction } from "@/lib/action";
import { updateSettings } from "@/lib/srs/user-settings";
import { settingsSchema } from "@/lib/validation/settings";

export const saveSettingsAction = userAction(settingsSchema, "Your settings could not be saved just now. Please try again.", async (user, input) => ({
  settings: await updateSettings(user.id, input),
}));
