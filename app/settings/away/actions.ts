"use server";
import { userAction } from "@/lib/action";
import { previewAway, setAway, undoAway } from "@/lib/srs/away";
import { awaySchema, undoAwaySchema } from "@/lib/validation/away";

export const previewAwayAction = userAction(awaySchema, "Your break could not be worked out just now. Please try again.", async (user, input) => ({
  preview: await previewAway(user, input),
}));

export const setAwayAction = userAction(
  awaySchema,
  "Your break could not be saved just now; your cards are unchanged. Please try again.",
  async (user, input) => ({
    result: await setAway(user, input),
  }),
);

export const undoAwayAction = userAction(undoAwaySchema, "The break could not be undone just now. Please try again.", async (user, input) =>
  undoAway(user, input),
);
