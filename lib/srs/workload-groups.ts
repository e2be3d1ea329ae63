import { State } from "ts-fsrs";
import { SETTINGS_LIMITS } from "../settings/limits";
import type { RetentionGroup } from "../settings/schema";
import { MAX_RECOMMENDED_RETENTION, MIN_RECOMMENDED_RETENTION } from "../settings/retention-warning";
import { studyDayNumber, type DayContext } from "./day";
import { SAFETY_MAX_INTERVAL_DAYS } from "./safety";
import { optimalRetention, RETENTIONS, type Habits, type SimCard, type WorkloadInput, type WorkloadPoint } from "./workload";

// "Help me decide" per group: the warning signs (safety cards, lib/srs/safety.ts) and the
// rest each get their own simulation (lib/srs/workload.ts) over their own cards, with the
// learner's parameters and answer times, and the group's own scheduling: the warning signs
// never wait longer than SAFETY_MAX_INTERVAL_DAYS. The two groups share one new-card limit,
// so each new card comes up on the day the queue would reach it (catalogue order). Pure.

export type DeckCard = {
  state: number;
  stability: number;
  difficulty: number;
  lastReview: Date | null;
  due: Date;
  safety: boolean;
  // The catalogue position: new cards come up in this order (lib/srs/review/queue.ts).
  position: number;
};

export type DeckOptions = {
  today: number;
  ctx: DayContext;
  weights: number[] | null;
  maximumInterval: number;
  newPerDay: number;
  habits: Habits;
};

export function splitDeck(cards: DeckCard[], o: DeckOptions): Record<RetentionGroup, WorkloadInput> {
  const base = (group: RetentionGroup): WorkloadInput => ({
    weights: o.weights,
    maximumInterval: group === "safety" ? Math.min(o.maximumInterval, SAFETY_MAX_INTERVAL_DAYS) : o.maximumInterval,
    cards: [],
    newCards: 0,
    newPerDay: o.newPerDay,
    habits: o.habits,
    newDays: [],
  });
  const out = { general: base("general"), safety: base("safety") };
  const fresh: DeckCard[] = [];
  for (const c of cards) {
    const g = out[c.safety ? "safety" : "general"];
    if (c.state === State.New || !c.lastReview) {
      fresh.push(c);
      g.newCards++;
      continue;
    }
    const sim: SimCard = {
      stability: c.stability,
      difficulty: c.difficulty,
      lastDay: studyDayNumber(c.lastReview, o.ctx) - o.today,
      dueDay: studyDayNumber(c.due, o.ctx) - o.today,
    };
    g.cards.push(sim);
  }
  // The queue takes new cards by due time, then catalogue position, `newPerDay` a day.
  fresh.sort((a, b) => a.due.getTime() - b.due.getTime() || a.position - b.position);
  if (o.newPerDay > 0) fresh.forEach((c, i) => out[c.safety ? "safety" : "general"].newDays!.push(Math.floor(i / o.newPerDay)));
  return out;
}

// The values each group is simulated at: its own allowed range (lib/settings/schema.ts).
export function groupRetentions(group: RetentionGroup): number[] {
  const { min, max } = SETTINGS_LIMITS[group === "safety" ? "safetyRetention" : "desiredRetention"];
  return RETENTIONS.filter((r) => r >= min - 1e-9 && r <= max + 1e-9);
}

// The lowest value suggested for each group: 80% for all cards; 90% (FSRS's default) for the
// warning signs, which must not fade even where fewer reviews would cost less per card.
export const RECOMMENDED_FLOOR: Record<RetentionGroup, number> = { general: MIN_RECOMMENDED_RETENTION, safety: 0.9 };

// The suggestion for a group: the least work per card remembered, from the group's floor up to 95%.
export function recommendRetention(points: WorkloadPoint[], group: RetentionGroup): WorkloadPoint | null {
  return optimalRetention(points, RECOMMENDED_FLOOR[group], MAX_RECOMMENDED_RETENTION);
}
