// Mean current recall probability per group (lesson or topic). New cards have never been
// studied, so they have no recall probability and are left out of the mean.

export type CardRecall = { group: string; state: number; recall: number };
export type GroupRecall = { cards: number; studied: number; meanRecall: number | null };

export function meanRecallBy(cards: CardRecall[]): Map<string, GroupRecall> {
  const acc = new Map<string, { cards: number; studied: number; sum: number }>();
  for (const c of cards) {
    const a = acc.get(c.group) ?? { cards: 0, studied: 0, sum: 0 };
    a.cards++;
    if (c.state !== 0 && Number.isFinite(c.recall)) {
      a.studied++;
      a.sum += c.recall;
    }
    acc.set(c.group, a);
  }
  const out = new Map<string, GroupRecall>();
  for (const [k, a] of acc) out.set(k, { cards: a.cards, studied: a.studied, meanRecall: a.studied ? a.sum / a.studied : null });
  return out;
}
