// What "Remember this lesson" says once it has added the cards: how many, and how the daily
// new-card limit spreads them over the coming days.
export function rememberedMessage(added: number, newPerDay: number | undefined): string {
  if (added === 0) return "Already in your deck.";
  const cards = `${added} card${added === 1 ? "" : "s"}`;
  if (newPerDay === undefined) return `Added ${cards} to your deck.`;
  if (newPerDay === 0) return `Added ${cards} to your deck. Your daily limit for new cards is 0, so none will come up until you raise it in Settings.`;
  if (added <= newPerDay) return `Added ${cards} to your deck. New cards come up at most ${newPerDay} a day (your daily limit in Settings).`;
  return `Added ${cards} to your deck. New cards come up at most ${newPerDay} a day (your daily limit in Settings), so the rest wait for the next days.`;
}
