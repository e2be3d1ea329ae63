import { bucketDueDates, type DayRange } from "./forecast";
import { isDue } from "../srs/due";

// Counts over a user's live cards, worked out in memory from the one card query that
// per-lesson recall needs anyway, instead of one database count per number.
export type DeckCard = { state: number; due: Date; stability: number };
export type DeckSummary = {
  dueNow: number;
  byState: { new: number; learning: number; review: number; relearning: number; total: number };
  mature: number;
  forecast: number[];
};

export function summarizeDeck(cards: DeckCard[], now: Date, ranges: DayRange[], matureStabilityDays: number): DeckSummary {
  const byState = { new: 0, learning: 0, review: 0, relearning: 0, total: cards.length };
  const keys = ["new", "learning", "review", "relearning"] as const;
  // Day 0 of the forecast ends where the study day ends: the cut-off of lib/srs/due.ts.
  const cutoff = ranges[0]!.end;
  let dueNow = 0;
  let mature = 0;
  const studied: Date[] = [];
  for (const c of cards) {
    const key = keys[c.state];
    if (key) byState[key]++;
    if (c.state === 0) continue;
    studied.push(c.due);
    if (isDue(c, cutoff)) dueNow++;
    if (c.stability >= matureStabilityDays) mature++;
  }
  return { dueNow, byState, mature, forecast: bucketDueDates(studied, ranges) };
}
