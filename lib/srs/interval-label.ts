// Interval labels as on Anki's buttons, for the grade buttons' previews and the card pages.
// (How a label is set on a phone's button is app/review/interval-label.ts.)

// Compact labels as on Anki's buttons: "1m", "10m", "3h", "4d", "2.1mo", "1.3y".
export function formatInterval(ms: number): string {
  const minutes = Math.max(1, Math.round(ms / 60_000));
  if (minutes < 60) return `${minutes}m`;
  const hours = ms / 3_600_000;
  if (hours < 24) return `${Math.round(hours)}h`;
  const days = ms / 86_400_000;
  if (days < 30) return `${Math.round(days)}d`;
  if (days < 365) return `${(days / 30).toFixed(1).replace(/\.0$/, "")}mo`;
  return `${(days / 365).toFixed(1).replace(/\.0$/, "")}y`;
}

// "4–6d", "1.5–1.8mo", "11mo–1.1y": both ends as formatInterval words them, the unit once when shared.
export function formatIntervalRange(minMs: number, maxMs: number): string {
  const a = formatInterval(minMs);
  const b = formatInterval(maxMs);
  if (a === b) return a;
  const unit = (x: string) => /[a-z]+$/.exec(x)?.[0] ?? "";
  return unit(a) === unit(b) ? `${a.slice(0, a.length - unit(a).length)}–${b}` : `${a}–${b}`;
}
