"use server";
import { z } from "zod";
import { userAction } from "@/lib/action";
import { recordCheckIn, undoPostponement } from "@/lib/srs/bad-day";
import { checkInSchema } from "@/lib/validation/check-in";

export const checkInAction = userAction(checkInSchema, "Your answer could not be saved just now. Please try again, or skip.", async (user, input) => ({
  checkIn: await recordCheckIn(user, input),
}));

export const undoPostponeAction = userAction(z.object({}), "The cards could not be put back just now. Please try again.", async (user) =>
  undoPostponement(user),
);
