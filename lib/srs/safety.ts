import { createScheduler, type Scheduler, type SchedulerSettings } from "./scheduler";

// Safety cards (content `safety: true`, the warning signs) must not fade: they are scheduled
// at the safety group's own desired retention (the learner's `safetyRetention`, 95% unless
// changed, never below 80%: lib/settings/schema.ts) with a maximum interval. The rest use
// `desiredRetention`: Anki 25.09's per-deck desired retention, with two groups. Everything that schedules a card (online grading,
// offline replay, rescheduling, the interval previews, the browser's offline queue) takes its
// scheduler from cardScheduler, the one place that picks it. The leech rule never suspends a
// safety card (lib/srs/leech.ts), and the queue offers due safety cards first (lib/srs/queue.ts).

// The safety group's default desired retention (prisma/schema.prisma, User.safetyRetention).
export const SAFETY_RETENTION = 0.95;
export const SAFETY_MAX_INTERVAL_DAYS = 90;

export function safetySettings(s: SchedulerSettings): SchedulerSettings {
  return {
    ...s,
    desiredRetention: s.safetyRetention ?? SAFETY_RETENTION,
    maximumInterval: Math.min(s.maximumInterval, SAFETY_MAX_INTERVAL_DAYS),
  };
}

export function settingsForCard(s: SchedulerSettings, safety: boolean): SchedulerSettings {
  return safety ? safetySettings(s) : s;
}

// The learner's two schedulers, built once per request and picked per card.
export type CardSchedulers = { plain: Scheduler; safety: Scheduler };

export function cardSchedulers(s: SchedulerSettings): CardSchedulers {
  return { plain: createScheduler(s), safety: createScheduler(safetySettings(s)) };
}

export function cardScheduler(s: SchedulerSettings | CardSchedulers, safety: boolean): Scheduler {
  if ("plain" in s) return safety ? s.safety : s.plain;
  return createScheduler(settingsForCard(s, safety));
}
