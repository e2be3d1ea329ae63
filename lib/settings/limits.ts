import { retentionWarning } from "./retention-warning";

// The settings' limits and the helpers the /settings form uses as the learner types, without zod:
// the form loads its schema (lib/settings/schema.ts) only when it is first saved.

export const SETTINGS_LIMITS = {
  desiredRetention: { min: 0.7, max: 0.97 },
  // The warning signs must not fade: their group never goes below 80%.
  safetyRetention: { min: 0.8, max: 0.97 },
  newCardsPerDay: { min: 0, max: 200 },
  maximumInterval: { min: 1, max: 36500 },
  dayRolloverHour: { min: 0, max: 23 },
  reviewsPerDay: { min: 0, max: 9999 },
  leechThreshold: { min: 1, max: 99 },
} as const;

export const percent = (r: number) => `${Math.round(r * 100)}%`;

// Desired retention as people write it: a percentage ("85", "85%") or a fraction (0.85, as
// the API and older clients send it). A number above 1 is a percentage. Stored as a fraction.
export function retentionFromInput(v: unknown): unknown {
  let n = v;
  if (typeof v === "string") {
    const t = v.trim().replace(/\s*%$/, "");
    if (t === "") return undefined;
    n = Number(t);
  }
  if (typeof n === "number" && Number.isFinite(n) && n > 1) return Math.round(n * 100) / 10_000;
  return n;
}

// The plain-words warning (80%-95%, lib/settings/retention-warning.ts) for a value as typed
// ("85", "85%", 0.85); nothing while it is not a number yet.
export function typedRetentionWarning(typed: unknown): string | null {
  const r = retentionFromInput(typed);
  return typeof r === "number" && Number.isFinite(r) && r > 0 ? retentionWarning(r) : null;
}
