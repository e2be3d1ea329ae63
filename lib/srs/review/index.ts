import "server-only";
import { reviewStateOf } from "./queue";
import { gradeAndNextAs, gradeAs } from "./grade";
import { undoReview } from "./undo";
import { offlineSnapshot } from "./offline";
import { syncGrades } from "./sync";
import type { GradeInput, OfflineGradeInput, UndoInput } from "../../validation/review";
import { settingsOf } from "../../settings";

// The review session, split by job: the queue's read model (queue.ts), grading (grade.ts) and
// undo (undo.ts). Everything takes the user from the session (callers pass the session user,
// whose settings came with the session check, or a bare id) and puts the user id
// in every where clause: a card id sent by one user never reaches another's card.
export { getReviewState, type ReviewCard, type ReviewState } from "./queue";
export { undoReview, type UndoResult } from "./undo";
export type { GradeResult } from "./grade";

type UserRef = Parameters<typeof settingsOf>[0];

export async function gradeReview(user: UserRef, input: GradeInput, now = new Date()) {
  return gradeAs(await settingsOf(user), input, now);
}

// Grading and undoing answer with the next review state.
export async function gradeAndNext(user: UserRef, input: GradeInput, now = new Date()) {
  return gradeAndNextAs(await settingsOf(user), input, now);
}

export async function undoAndNext(user: UserRef, input: UndoInput, now = new Date()) {
  const u = await settingsOf(user);
  const result = await undoReview(u.id, input, now);
  return { result, state: await reviewStateOf(u, now) };
}

// Offline reviews: the day's queue for the browser's copy, and the waiting grades' sync.
export type { SyncOutcome } from "./sync";

export async function getOfflineSnapshot(user: UserRef, now = new Date()) {
  return offlineSnapshot(await settingsOf(user), now);
}

export async function syncOfflineGrades(user: UserRef, grades: OfflineGradeInput[], now = new Date()) {
  return syncGrades(await settingsOf(user), grades, now);
}
