import * as z from "zod/mini";

// Written with zod/mini (the /settings page's reminder form uses it), as lib/auth/schema.ts is.

// A time of day as a form's <input type="time"> sends it ("19:00"), stored as minutes after
// local midnight.
const timeOfDay = (what: string) =>
  z.pipe(
    z.string({ error: `Choose ${what}` }).check(z.regex(/^([01]\d|2[0-3]):[0-5]\d$/, `Choose ${what} as hours and minutes, for example 19:00`)),
    z.transform((v: string) => Number(v.slice(0, 2)) * 60 + Number(v.slice(3, 5))),
  );

export const reminderTimesSchema = z.strictObject({
  remindAt: timeOfDay("a reminder time"),
  quietStart: timeOfDay("when quiet hours start"),
  quietEnd: timeOfDay("when quiet hours end"),
});
export type ReminderTimesInput = z.input<typeof reminderTimesSchema>;

// What PushSubscription.toJSON() gives in the browser. Push services are reached over https
// only, so a subscription naming any other URL (an address inside the server's network) is refused.
export const pushSubscriptionSchema = z.object({
  endpoint: z
    .url({ protocol: /^https$/, error: "The push subscription's endpoint must be an https URL." })
    .check(z.maxLength(2048, "The push subscription's endpoint is too long.")),
  keys: z.object({
    p256dh: z.string().check(z.regex(/^[A-Za-z0-9_-]{87}=*$/, "The push subscription's key is not valid.")),
    auth: z.string().check(z.regex(/^[A-Za-z0-9_-]{22}=*$/, "The push subscription's auth secret is not valid.")),
  }),
});

export const pushEndpointSchema = z.strictObject(
  { endpoint: z.string({ error: "Name the push subscription's endpoint." }).check(z.maxLength(2048, "The push subscription's endpoint is too long.")) },
  { error: "This request takes only the endpoint." },
);
