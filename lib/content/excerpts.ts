// Finds the sentence around a cited quote in its seed document, so that /sources can show the
// quote in context. Pure: the caller reads the file.

/** `before` and `after` keep their joining space (or lack of one), so the three concatenate as printed. */
export type Excerpt = { before: string; quote: string; after: string };

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
// A sentence ends at . ! or ? (perhaps followed by a closing quote mark) and a space, or at a line break.
const END = /[.!?]["”’)]*(?=\s)|\n/g;
const MAX_SIDE_WORDS = 40;

// Document 004's rewording writes a word for seizures where it means spasm. The context around
// our quotes is shown with our editorial "[spasm]" instead, in square brackets.
export function editSpinnerWords(s: string): string {
  return s.replace(/\bconvulsion(s?)\b/gi, (_m, plural: string) => `[spasm${plural}]`);
}

function trimWords(s: string, fromStart: boolean): string {
  const words = s.split(" ");
  if (words.length <= MAX_SIDE_WORDS) return s;
  return fromStart ? `… ${words.slice(-MAX_SIDE_WORDS).join(" ")}` : `${words.slice(0, MAX_SIDE_WORDS).join(" ")} …`;
}

/** The quote within its sentence, or undefined when the quote is not in the text. */
export function sentenceAround(raw: string, quote: string): Excerpt | undefined {
  // Line breaks are kept (they end headings and list items); other whitespace runs become one space.
  const text = raw.replace(/[^\S\n]*\n\s*/g, "\n").replace(/[^\S\n]+/g, " ");
  const words = quote.trim().split(/\s+/).map(escape);
  const match = new RegExp(words.join("\\s+")).exec(text);
  if (!match) return undefined;
  const start = match.index;
  const end = start + match[0].length;

  let from = 0;
  for (const m of text.slice(0, start).matchAll(END)) from = m.index + m[0].length;
  const rest = text.slice(end);
  // A quote that ends its sentence has nothing after it; otherwise run on to the sentence's end.
  const next = /[.!?]["”’)]*$/.test(match[0]) ? { index: 0, 0: "" } : /[.!?]["”’)]*(?=\s|$)|\n/.exec(rest);
  const to = next ? end + next.index + (next[0] === "\n" ? 0 : next[0].length) : text.length;

  const clean = (s: string) => editSpinnerWords(s.replace(/\s+/g, " "));
  return {
    before: trimWords(clean(text.slice(from, start)).trimStart(), true),
    quote: match[0].replace(/\s+/g, " "),
    after: trimWords(clean(text.slice(end, to)).trimEnd(), false),
  };
}
