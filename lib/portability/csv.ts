// The review-log CSV in the format the FSRS optimizers read (the binding's
// convertCsvToFsrsItems, ts-fsrs-demo's export): review_time in epoch ms, rating 1-4,
// state 0-3 as it was before the review, duration in ms. card_id is the app's own card id
// (a string: the binding reads card_id as text), which also appears in the JSON export.

export const REVIEW_CSV_HEADER = "card_id,review_time,review_rating,review_state,review_duration";

export type CsvLog = { cardId: string; review: Date; rating: number; state: number; durationMs: number };

const field = (s: string) => (/[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

export const reviewCsvLine = (l: CsvLog) => `${field(l.cardId)},${l.review.getTime()},${l.rating},${l.state},${l.durationMs}`;
