import Link from "next/link";
import { MASTERY_LEVELS, MASTERY_LABELS } from "@/lib/learn/mastery-level";
import type { LessonMastery } from "@/lib/learn/mastery";

// One lesson's level: a five-step meter (Not started to Mastered), its name, and what the next
// level takes.
export function MasteryMeter({ m, showNext = true }: { m: Pick<LessonMastery, "step" | "label" | "next" | "level">; showNext?: boolean }) {
  return (
    <span className="mastery" data-level={m.level}>
      <span className="mastery-meter" role="img" aria-label={`${m.label}: level ${m.step + 1} of ${MASTERY_LEVELS.length}`}>
        {MASTERY_LEVELS.slice(1).map((l, i) => (
          <span key={l} className={i < m.step ? "on" : undefined} title={MASTERY_LABELS[l]} />
        ))}
      </span>
      <b className="mastery-label">{m.label}</b>
      {showNext && m.next && <span className="hint mastery-next">{m.next}</span>}
    </span>
  );
}

// The course at a glance: every lesson with its level.
export function MasteryList({ lessons, showNext = false }: { lessons: LessonMastery[]; showNext?: boolean }) {
  return (
    <ol className="mastery-list" data-testid="mastery-list">
      {lessons.map((l) => (
        <li key={l.slug} data-testid={`mastery-${l.slug}`} data-level={l.level}>
          <Link prefetch={false} href={`/learn/${l.slug}`}>
            {l.title}
          </Link>
          <MasteryMeter m={l} showNext={showNext} />
        </li>
      ))}
    </ol>
  );
}
