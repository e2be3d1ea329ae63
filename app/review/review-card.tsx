"use client";
import { useRef, type ReactNode } from "react";
import Link from "next/link";
import type { ReviewCard } from "@/lib/srs/review/queue";
import { CardSources } from "./card-sources";
import { GradeButtons, TWO_BUTTON_NAMES } from "./grade-buttons";
import { GRADE_NAMES, type GradeValue } from "./grade-names";
import { SWIPE_MIN_PX } from "./swipe";
import { useSwipe } from "./use-swipe";

type Props = {
  card: ReviewCard;
  revealed: boolean;
  chosen: string | null;
  pending: boolean;
  locked: boolean;
  twoButtons: boolean;
  // Below the grades, in the same bar at the bottom of the screen: undo (and other review controls).
  controls: ReactNode;
  onReveal: (choice?: string) => void;
  onGrade: (r: GradeValue) => void;
};

// The card on screen: its prompt (and choices), the answer once shown, and the fixed answer bar.
export function ReviewCardPanel({ card, revealed, chosen, pending, locked, twoButtons, controls, onReveal, onGrade }: Props) {
  // A sideways swipe on the revealed card grades it (./swipe.ts); the card follows the finger.
  const swipeOn = revealed && !pending && !locked;
  const face = useRef<HTMLDivElement>(null);
  const swipe = useSwipe(face, swipeOn, onGrade);
  const names = twoButtons ? TWO_BUTTON_NAMES : GRADE_NAMES;
  return (
    // aria-disabled marks a stale card for assistive technology; its buttons are disabled as well.
    // eslint-disable-next-line jsx-a11y/role-supports-aria-props
    <article className={`panel${locked ? " locked" : ""}`} data-testid="review-card" data-card-id={card.cardId} aria-disabled={locked || undefined}>
      {/* The card's face takes the swipe and follows it; the answer bar stays where the thumb is
          and is never part of a swipe, so its buttons are only ever tapped. */}
      <div
        className={`card-face${swipeOn ? " swipeable" : ""}`}
        data-testid="card-face"
        data-swipe={swipe.dx >= SWIPE_MIN_PX ? "right" : swipe.dx <= -SWIPE_MIN_PX ? "left" : undefined}
        style={swipe.dx ? { transform: `translateX(${swipe.dx}px) rotate(${swipe.dx / 40}deg)` } : undefined}
        ref={face}
        {...swipe.handlers}
      >
        <p className="muted">{card.lessonTitle}</p>
        {card.leech && (
          <p className="notice" data-testid="leech-notice">
            <b>You keep forgetting this one</b> ({card.lapses} times). Try rereading its lesson section, or{" "}
            <Link href={`/cards/${card.cardId}`}>see its history</Link>.
          </p>
        )}
        <p className="prompt" data-testid="prompt">
          {card.prompt}
        </p>
        {card.choices && (
          <ul className="choices">
            {card.choices.map((c) => (
              <li key={c}>
                <button
                  type="button"
                  className={`btn ${revealed && c === card.answer ? "choice-correct" : ""} ${revealed && c === chosen && c !== card.answer ? "choice-wrong" : ""}`}
                  disabled={locked}
                  onClick={() => onReveal(c)}
                >
                  {c}
                </button>
              </li>
            ))}
          </ul>
        )}
        {revealed && (
          <div className="answer" data-testid="answer">
            <p>
              <strong>{card.answer}</strong>
            </p>
            <p className="muted">
              {card.explanation} <Link href={`/learn/${card.lessonSlug}#${card.sectionId}`}>Read: {card.sectionHeading}</Link>
            </p>
            <CardSources sources={card.sources} />
          </div>
        )}
      </div>
      <div className="answer-bar" data-testid="answer-bar">
        {!revealed ? (
          <button type="button" className="btn primary reveal" onClick={() => onReveal()} disabled={locked} autoFocus>
            Show answer <kbd aria-hidden="true">Space</kbd>
          </button>
        ) : (
          <>
            {/* One short line, never wrapped; a screen reader gets it as a sentence. */}
            <p className="swipe-hint" data-testid="swipe-hint">
              <span className="sr-only">
                Swipe the card left for {names[1]}, right for {names[3]}.
              </span>
              <span aria-hidden="true">
                ← {names[1]} · swipe · {names[3]} →
              </span>
            </p>
            <GradeButtons card={card} twoButtons={twoButtons} disabled={pending || locked} onGrade={onGrade} />
          </>
        )}
        {controls}
      </div>
    </article>
  );
}
