// Orders for a quiz's choices. Pure, so that the server's HTML and the browser's first render
// agree (a reorder after hydration would move the buttons under a reader's eyes).
import { prng } from "../prng";

function hash(s: string): number {
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  return h >>> 0;
}

// Fisher-Yates with the given source of randomness.
export function shuffled<T>(items: readonly T[], random: () => number = Math.random): T[] {
  const a = [...items];
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [a[i], a[j]] = [a[j]!, a[i]!];
  }
  return a;
}

// The same order for the same key on every render, server or browser: a question's first
// showing, before anyone has touched the page.
export function seededShuffle<T>(items: readonly T[], key: string): T[] {
  return shuffled(items, prng(hash(key)));
}
