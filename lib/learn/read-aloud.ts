// Reading a lesson aloud with the browser's speech synthesis: the pure part. A section becomes
// a list of short utterances (its heading, then its paragraphs cut at sentence ends, because
// some engines stop a long utterance part-way), and a reducer steps through them: one section
// after another from the one the learner chose, until the end or Stop.

// An utterance longer than this is cut at a sentence end (or, failing that, a word end).
export const MAX_UTTERANCE = 220;

// Markdown to the words a listener should hear: links keep their text, emphasis, list markers,
// headings, code ticks and HTML tags go; one string per paragraph or list item.
export function speakableParagraphs(markdown: string): string[] {
  return markdown
    .split(/\n\s*\n|\n(?=\s*(?:[-*+]|\d+\.)\s)/)
    .map((p) =>
      p
        .replace(/<[^>]+>/g, " ")
        .replace(/!\[([^\]]*)\]\([^)]*\)/g, "$1")
        .replace(/\[([^\]]+)\]\([^)]*\)/g, "$1")
        .replace(/^\s*#{1,6}\s+/gm, "")
        .replace(/^\s*(?:[-*+]|\d+\.)\s+/gm, "")
        .replace(/^\s*>\s?/gm, "")
        .replace(/(\*\*|__|\*|_|`)(?=\S)([^]*?\S)\1/g, "$2")
        .replace(/\s+/g, " ")
        .trim(),
    )
    .filter((p) => /[\p{L}\p{N}]/u.test(p));
}

// Cuts a paragraph into pieces of at most `max` characters, at sentence ends where it can.
export function chunkText(text: string, max = MAX_UTTERANCE): string[] {
  const sentences =
    text
      .match(/[^.!?]+(?:[.!?]+["”’)]*\s*|$)/g)
      ?.map((s) => s.trim())
      .filter(Boolean) ?? [];
  const chunks: string[] = [];
  let current = "";
  const push = (piece: string) => {
    if (!current) current = piece;
    else if (current.length + 1 + piece.length <= max) current += ` ${piece}`;
    else {
      chunks.push(current);
      current = piece;
    }
  };
  for (const sentence of sentences) {
    if (sentence.length <= max) {
      push(sentence);
      continue;
    }
    // A sentence longer than the limit: cut at word ends.
    for (const word of sentence.split(" ")) push(word);
  }
  if (current) chunks.push(current);
  return chunks;
}

export type SpokenSection = { id: string; heading: string; utterances: string[] };

export function spokenSections(sections: readonly { id: string; heading: string; body: string }[]): SpokenSection[] {
  return sections.map((s) => ({ id: s.id, heading: s.heading, utterances: [s.heading, ...speakableParagraphs(s.body).flatMap((p) => chunkText(p))] }));
}

// "checking": the browser's voices are not known yet; "unavailable": no speech synthesis or no
// voices, so the control says so and hides.
export type ReadAloudState = { status: "checking" | "unavailable" | "idle" } | { status: "speaking"; section: number; utterance: number };

export type ReadAloudAction = { type: "voices"; available: boolean } | { type: "start"; section: number } | { type: "spoken" } | { type: "stop" };

export const READ_ALOUD_START: ReadAloudState = { status: "checking" };

// `sizes[i]` is the number of utterances in section i.
export function readAloudReducer(sizes: readonly number[]) {
  return (state: ReadAloudState, action: ReadAloudAction): ReadAloudState => {
    switch (action.type) {
      case "voices":
        if (!action.available) return { status: "unavailable" };
        return state.status === "checking" || state.status === "unavailable" ? { status: "idle" } : state;
      case "start":
        if (state.status === "checking" || state.status === "unavailable") return state;
        if (!(action.section >= 0 && action.section < sizes.length) || sizes[action.section] === 0) return state;
        return { status: "speaking", section: action.section, utterance: 0 };
      case "spoken": {
        if (state.status !== "speaking") return state;
        if (state.utterance + 1 < sizes[state.section]!) return { ...state, utterance: state.utterance + 1 };
        const next = sizes.findIndex((n, i) => i > state.section && n > 0);
        return next === -1 ? { status: "idle" } : { status: "speaking", section: next, utterance: 0 };
      }
      case "stop":
        return state.status === "speaking" ? { status: "idle" } : state;
    }
  };
}
