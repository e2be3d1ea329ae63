// Mean current recall probability per group (lesson or topic). New cards have never been
// studied, so they have no recall probability and are left out of the mean.

export type GroupRecall = { cards: number; studied: number; meanRecall: number | null };
