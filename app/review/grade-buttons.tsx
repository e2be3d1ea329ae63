"use client";
import type { ReviewCard } from "@/lib/srs/review/queue";
import { GRADE_NAMES, type GradeValue } from "./grade-names";
import { intervalLabelFit } from "./interval-label";

// In two-button mode (a setting) only Again and Good show, named for what they mean.
export const TWO_BUTTON_NAMES: Record<1 | 3, string> & Partial<Record<GradeValue, string>> = { 1: "Forgot", 3: "Remembered" };

// One button per grade, each with when the card comes back after it.
export function GradeButtons({
  card,
  twoButtons,
  disabled,
  onGrade,
}: {
  card: ReviewCard;
  twoButtons: boolean;
  disabled: boolean;
  onGrade: (r: GradeValue) => void;
}) {
  const shown = twoButtons ? card.intervals.filter((i) => TWO_BUTTON_NAMES[i.rating as GradeValue]) : card.intervals;
  return (
    <div className={`grades${twoButtons ? " two" : ""}`} role="group" aria-label="How well did you remember?">
      {shown.map((i) => {
        const rating = i.rating as GradeValue;
        return (
          <button key={rating} type="button" className={`btn grade-${rating}`} disabled={disabled} onClick={() => onGrade(rating)}>
            <span>
              {(twoButtons && TWO_BUTTON_NAMES[rating]) || GRADE_NAMES[rating]} <kbd aria-hidden="true">{rating}</kbd>
            </span>
            <span className="sr-only">, next review in </span>
            <span className="ivl" data-testid={`ivl-${rating}`} data-fit={intervalLabelFit(i.label)}>
              {i.label}
            </span>
          </button>
        );
      })}
    </div>
  );
}
