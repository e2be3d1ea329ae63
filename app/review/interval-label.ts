// How small a grade button's interval label is set, so that it stays on one line on a 390 px
// phone (four buttons of 84 px): up to 8 characters ("4–6d", "1.1–1.3y") at the usual size,
// 9 ("25d–1.1mo", an even-days range) a little smaller, 10 or more ("10.5–11.9mo") smaller
// still (app/review/review.css, .grades .ivl[data-fit]). Pure.
export type LabelFit = "long" | "longer" | undefined;

export function intervalLabelFit(label: string): LabelFit {
  return label.length >= 10 ? "longer" : label.length === 9 ? "long" : undefined;
}
