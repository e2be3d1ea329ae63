import type { Grade } from "ts-fsrs";
import type { CardView } from "../../content/catalogue";
import type { CardFields } from "../card-rows";
import type { DayContext } from "../day";
import type { SchedulerSettings } from "../scheduler";

// The offline copy of a study day's queue, as the server sends it (GET /api/review/offline)
// and the browser keeps it in IndexedDB, keyed by user id: the cards due today and the new
// cards still allowed today, each with its full FSRS state and content, plus the learner's
// own scheduling parameters and study day. Dates travel as ISO strings.

export type WireCardFields = Omit<CardFields, "due" | "lastReview"> & { due: string; lastReview: string | null };

// `leech`: flagged by the leech rule and still queued (the "flag only" setting), shown as a notice.
// `safety`: a warning-sign card, scheduled with its own parameters (lib/srs/safety.ts) and offered first.
export type SnapshotCard = { cardId: string; version: number; fields: WireCardFields; view: CardView; leech?: boolean; safety?: boolean };

export type OfflineSnapshot = {
  userId: string;
  takenAt: string;
  /** The study day the snapshot was taken on, and its tally then. */
  studyDay: number;
  today: { done: number; again: number; timeMs: number };
  settings: SchedulerSettings;
  day: DayContext;
  /** Even days on: the server may move a review grade to another day of its fuzz range when it
   * arrives, so the buttons show that range, as online. Absent in a copy kept by an older page. */
  evenDays?: boolean;
  cards: SnapshotCard[];
};

/** A grade made in the browser while offline, waiting to be sent (POST /api/review/sync). */
export type LocalGrade = {
  clientId: string;
  userId: string;
  cardId: string;
  rating: Grade;
  /** Epoch milliseconds: the moment the grade was given, which the server replays it at. */
  reviewedAt: number;
  durationMs: number;
  /** The study session (one /review page load) it was made in; absent in grades queued by an older page. */
  sessionId?: string;
};

/** A waiting grade the server refused, kept so that the page can say which and why. */
export type RefusedGrade = LocalGrade & { reason: string; prompt: string };

export const toWire = (c: CardFields): WireCardFields => ({ ...c, due: c.due.toISOString(), lastReview: c.lastReview ? c.lastReview.toISOString() : null });

export const fromWire = (c: WireCardFields): CardFields => ({ ...c, due: new Date(c.due), lastReview: c.lastReview ? new Date(c.lastReview) : null });
