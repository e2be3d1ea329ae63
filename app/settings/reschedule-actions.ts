"use server";
import { userAction } from "@/lib/action";
import { noInput } from "@/lib/validation/common";
import { applyReschedule, previewReschedule, undoReschedule } from "@/lib/srs/reschedule";

const FAILED = "Rescheduling did not work just now; your cards are unchanged. Please try again.";

export const previewRescheduleAction = userAction(noInput, FAILED, async (user) => ({ summary: await previewReschedule(user.id) }));

export const applyRescheduleAction = userAction(noInput, FAILED, async (user) => ({ summary: await applyReschedule(user.id) }));

export const undoRescheduleAction = userAction(noInput, FAILED, async (user) => undoReschedule(user.id));
