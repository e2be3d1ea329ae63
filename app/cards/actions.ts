"use server";
import { userAction } from "@/lib/action";
import { cardAction, undoCardAction } from "@/lib/srs/cards/actions";
import { cardActionSchema, undoCardActionSchema } from "@/lib/validation/cards";

export const cardActionAction = userAction(cardActionSchema, "That action could not be done just now. Please try again.", async (user, input) =>
  cardAction(user, input),
);

export const undoCardActionAction = userAction(undoCardActionSchema, "That action could not be undone just now. Please try again.", async (user, input) =>
  undoCardAction(user.id, input),
);
