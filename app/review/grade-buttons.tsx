"use client";
import type { ReviewCard } from "@/lib/srs/review/queue";
import { GRADE_NAMES, type GradeValue } from "./grade-names";

// One button per grade, each with when the card comes back after it.
export function GradeButtons({ card, disabled, onGrade }: { card: ReviewCard; disabled: boolean; onGrade: (r: GradeValue) => void }) {
  return (
    <div className="grades" role="group" aria-label="How well did you remember?">
      {card.intervals.map((i) => {
        const rating = i.rating as GradeValue;
        return (
          <button key={rating} type="button" className={`btn grade-${rating}`} disabled={disabled} onClick={() => onGrade(rating)}>
            <span>
              {GRADE_NAMES[rating]} <kbd aria-hidden="true">{rating}</kbd>
            </span>
            <span className="sr-only">, next review in </span>
            <span className="ivl" data-testid={`ivl-${rating}`}>
              {i.label}
            </span>
          </button>
        );
      })}
    </div>
  );
}
