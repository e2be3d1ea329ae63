"use server";
import { userAction } from "@/lib/action";
import { updateSettings } from "@/lib/settings";
import { settingsSchema } from "@/lib/settings/schema";

export const saveSettingsAction = userAction(settingsSchema, "Your settings could not be saved just now. Please try again.", async (user, input) => ({
  settings: await updateSettings(user.id, input),
}));
