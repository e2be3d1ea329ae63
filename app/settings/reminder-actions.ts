"use server";
import { userAction } from "@/lib/action";
import { noInput } from "@/lib/api";
import { regenerateCalendarToken, revokeCalendarToken, saveReminderTimes, subscribeDevice, unsubscribeDevice } from "@/lib/reminders/store";
import { pushEndpointSchema, pushSubscriptionSchema, reminderTimesSchema } from "@/lib/validation/reminders";

const FAILED = "That did not work just now. Please try again.";

export const saveReminderTimesAction = userAction(
  reminderTimesSchema,
  "Your reminder times could not be saved just now. Please try again.",
  async (user, input) => ({
    times: await saveReminderTimes(user.id, input),
  }),
);

export const subscribePushAction = userAction(pushSubscriptionSchema, "Reminders could not be turned on just now. Please try again.", async (user, input) =>
  subscribeDevice(user.id, input),
);

export const unsubscribePushAction = userAction(pushEndpointSchema, FAILED, async (user, input) => unsubscribeDevice(user.id, input.endpoint));

export const regenerateCalendarAction = userAction(noInput, FAILED, async (user) => ({ token: await regenerateCalendarToken(user.id) }));

export const revokeCalendarAction = userAction(noInput, FAILED, async (user) => revokeCalendarToken(user.id));
