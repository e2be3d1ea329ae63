// How much to remember, outside 80%-95%: allowed (lib/settings/schema.ts sets the limits),
// but worth a word, for either group (the warning signs and the rest). Pure, without imports
// (the simulation's worker bundle takes it too): the /settings form shows it as the learner
// types (typedRetentionWarning in lib/settings/limits.ts), Help me decide beside each group.

export const MIN_RECOMMENDED_RETENTION = 0.8;
export const MAX_RECOMMENDED_RETENTION = 0.95;

export function retentionWarning(retention: number): string | null {
  if (retention < MIN_RECOMMENDED_RETENTION - 1e-9) return "Below 80% you will forget many of these cards: more than 2 in 10 when they come up.";
  if (retention > MAX_RECOMMENDED_RETENTION + 1e-9) return "Above 95% you get many more reviews for little gain.";
  return null;
}
