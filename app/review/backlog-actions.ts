"use server";
import { userAction } from "@/lib/action";
import { spreadBacklog } from "@/lib/srs/away";
import { describeMoves } from "@/lib/srs/away/plan";
import { undoCardAction } from "@/lib/srs/cards/actions";
import { spreadBacklogSchema } from "@/lib/validation/away";
import { undoCardActionSchema } from "@/lib/validation/cards";

export const spreadBacklogAction = userAction(
  spreadBacklogSchema,
  "Your reviews could not be spread out just now; nothing changed. Please try again.",
  async (user, input) => {
    const r = await spreadBacklog(user, input);
    // Worded here, as the page words the offer, so that the review page's scripts carry no wording.
    return { batchId: r.batchId, text: describeMoves(r.summary) };
  },
);

export const undoSpreadAction = userAction(undoCardActionSchema, "The cards could not be put back just now. Please try again.", async (user, input) =>
  undoCardAction(user.id, input),
);
