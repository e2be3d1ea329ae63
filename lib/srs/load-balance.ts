// Even days (Anki 24.11's load balancer, our own code) and easy days. Pure: no I/O, no clock,
// so grading, replay, rescheduling, previews and the browser pick the same day from the same
// inputs.
//
// A review interval of at most MAX_BALANCED_INTERVAL days may land on any day of its fuzz range
// (ts-fsrs's get_fuzz_range). Each candidate day gets a weight:
//   (1 / cards due that day)^2.15 × (1 / interval)^3   (a day with none due counts as 1 due)
// times a penalty when a card of the same lesson section is due within SECTION_GAP days of it,
// times the easy-day factor; a seeded draw (the card's fuzz seed) picks the day by weight. So
// quieter and nearer days win more often, and the same inputs always give the same day.
//
// Easy days (Anki 24.11's semantics): each weekday is Normal, Reduced or Minimum, and specific
// dates are Minimum. A Minimum day takes no balanced card while another candidate day can; a
// Reduced day takes one only while it holds a smaller share of the range's cards than its
// share of the range's capacity (Normal 1, Reduced 0.5). When every weekday has the same level
// (all Reduced, say) the levels change nothing: all Reduced equals all Normal.

export const MAX_BALANCED_INTERVAL = 90;
// Cards of one lesson section due within this many days of each other count as "together".
export const SECTION_GAP = 2;
const SECTION_PENALTY = 0.02;
const NEARLY_FULL = 0.0001;

export const EASY_LEVELS = ["normal", "reduced", "minimum"] as const;
export type EasyLevel = (typeof EASY_LEVELS)[number];
const CAPACITY: Record<EasyLevel, number> = { normal: 1, reduced: 0.5, minimum: 0 };

// One candidate day as the balancer sees it: cards due on it (the graded card left out),
// whether a card of the same section is due within SECTION_GAP days, and its easy-day level.
export type LoadDay = { due: number; near: boolean; level: EasyLevel };

// The load of consecutive study days from `from` on: what a review's balancing read. Stored with
// the review (ReviewLog.balance) so that replaying the review reads the same load.
export type LoadWindow = { from: number; days: LoadDay[] };

export type BalanceInput = {
  // The interval ts-fsrs computed before fuzz, and the fuzz range [min, max] around it, in days.
  interval: number;
  min: number;
  max: number;
  // The study day of the review: candidate interval i lands on study day reviewDay + i.
  reviewDay: number;
  window: LoadWindow;
  seed: string;
};

// The balanced interval, or null when balancing does not apply (interval over the limit, or
// the window does not cover the whole range: then ts-fsrs's own fuzz stands).
export function balancedInterval(b: BalanceInput): number | null {
  if (b.interval > MAX_BALANCED_INTERVAL || b.min > b.max || b.min < 1) return null;
  const first = b.reviewDay + b.min - b.window.from;
  const last = b.reviewDay + b.max - b.window.from;
  if (first < 0 || last >= b.window.days.length) return null;
  const days = b.window.days.slice(first, last + 1);
  const easy = easyFactors(days);
  const weights = days.map((d, k) => {
    const ivl = b.min + k;
    const w = Math.pow(1 / Math.max(1, d.due), 2.15) * Math.pow(1 / ivl, 3);
    return w * (d.near ? SECTION_PENALTY : 1) * easy[k]!;
  });
  const total = weights.reduce((a, w) => a + w, 0);
  if (!(total > 0)) return null;
  let r = seededUnit(b.seed) * total;
  for (let k = 0; k < weights.length; k++) {
    r -= weights[k]!;
    if (r < 0) return b.min + k;
  }
  // Rounding left a sliver: the last day with any weight.
  for (let k = weights.length - 1; k >= 0; k--) if (weights[k]! > 0) return b.min + k;
  return null;
}

// Each candidate day's easy-day factor (see the top of the file). With one level on every
// candidate day, or no candidate day able to take the card, every factor is 1.
export function easyFactors(days: LoadDay[]): number[] {
  const caps = days.map((d) => CAPACITY[d.level]);
  if (caps.every((c) => c === caps[0]) || caps.every((c) => c === 0)) return caps.map(() => 1);
  const totalCards = days.reduce((a, d) => a + d.due, 0);
  const totalCap = caps.reduce((a, c) => a + c, 0);
  return days.map((d, k) => {
    const cap = caps[k]!;
    if (cap === 0) return 0;
    if (cap === 1) return 1;
    const otherCards = totalCards - d.due;
    const otherCap = totalCap - cap;
    // A Reduced day holding more than its share of the range's cards is nearly never picked.
    return otherCards > 0 && otherCap > 0 && d.due / otherCards > cap / otherCap ? NEARLY_FULL : 1;
  });
}

// A number in [0, 1) from a string, the same on every platform: FNV-1a to 32 bits, then one
// round of mulberry32 to spread it.
export function seededUnit(seed: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < seed.length; i++) {
    h ^= seed.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  let t = (h + 0x6d2b79f5) | 0;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}

// ---- Building a window from the learner's cards and easy-day settings ----

// Easy-day settings: seven levels, Monday first, and specific ISO dates (YYYY-MM-DD, Minimum).
export type EasyDays = { weekdays: EasyLevel[]; dates: string[] };
export const NORMAL_WEEK: EasyLevel[] = ["normal", "normal", "normal", "normal", "normal", "normal", "normal"];

// A study day number (days since 1970-01-01 of its local date) to its level.
export function levelOn(day: number, easy: EasyDays): EasyLevel {
  if (easy.dates.length && easy.dates.includes(new Date(day * 86_400_000).toISOString().slice(0, 10))) return "minimum";
  // 1970-01-01 was a Thursday: Monday-first index 3.
  const weekday = (((day + 3) % 7) + 7) % 7;
  return easy.weekdays[weekday] ?? "normal";
}

// Another card's due day and lesson section, as the window counts it.
export type DueEntry = { day: number; section: string };

// The window of `length` days from `from` for a card of `section`: the cards due each day (the
// graded card already left out by the caller), the nearby same-section flags and the levels.
export function loadWindow(from: number, length: number, entries: DueEntry[], section: string | null, easy: EasyDays): LoadWindow {
  const due = new Array<number>(length).fill(0);
  const mine = new Array<boolean>(length).fill(false);
  for (const e of entries) {
    const k = e.day - from;
    if (k >= 0 && k < length) due[k]!++;
    if (section !== null && e.section === section) {
      for (let j = Math.max(0, k - SECTION_GAP); j <= Math.min(length - 1, k + SECTION_GAP); j++) mine[j] = true;
    }
  }
  return { from, days: due.map((n, k) => ({ due: n, near: mine[k]!, level: levelOn(from + k, easy) })) };
}

// The part of a window a review's range reads: what is stored with the review.
export function sliceWindow(w: LoadWindow, fromDay: number, toDay: number): LoadWindow | null {
  const a = fromDay - w.from;
  const b = toDay - w.from;
  if (a < 0 || b >= w.days.length || a > b) return null;
  return { from: fromDay, days: w.days.slice(a, b + 1) };
}

// How many days ahead a window must reach to cover any balanced range: the largest interval
// plus its fuzz (5% above 20 days, about 6 days at 90) and a margin.
export const WINDOW_DAYS = MAX_BALANCED_INTERVAL + 12;

// Stored form (ReviewLog.balance): compact JSON, levels as n/r/m letters.
export function windowToJson(w: LoadWindow): string {
  return JSON.stringify({ f: w.from, d: w.days.map((d) => [d.due, d.near ? 1 : 0, d.level[0]]) });
}

export function windowFromJson(s: string | null | undefined): LoadWindow | null {
  if (!s) return null;
  try {
    const o = JSON.parse(s) as { f: number; d: [number, number, string][] };
    const level = (c: string): EasyLevel => (c === "r" ? "reduced" : c === "m" ? "minimum" : "normal");
    return { from: o.f, days: o.d.map(([due, near, l]) => ({ due, near: near === 1, level: level(l) })) };
  } catch {
    return null;
  }
}

// The weekday levels as stored on the user (seven letters n/r/m, Monday first).
export function weekdaysFromString(s: string): EasyLevel[] {
  return Array.from({ length: 7 }, (_, i) => (s[i] === "r" ? "reduced" : s[i] === "m" ? "minimum" : "normal"));
}
export const weekdaysToString = (w: EasyLevel[]): string => w.map((l) => l[0]).join("");

export function easyDatesFromString(s: string): string[] {
  return s
    .split(",")
    .map((d) => d.trim())
    .filter((d) => /^\d{4}-\d{2}-\d{2}$/.test(d));
}

// The easy days a learner's stored settings give, as the forecast marks them: none when even
// days are off, and weekday levels only when they differ (all Reduced equals all Normal).
export function effectiveEasyDays(s: { loadBalance: boolean; easyWeekdays: EasyLevel[]; easyDates: string[] }): EasyDays | null {
  if (!s.loadBalance) return null;
  return { weekdays: s.easyWeekdays.every((l) => l === s.easyWeekdays[0]) ? NORMAL_WEEK : s.easyWeekdays, dates: s.easyDates };
}
