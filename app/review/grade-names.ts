// The four grades by name, with ts-fsrs's Rating values (Again 1, Hard 2, Good 3, Easy 4),
// without importing ts-fsrs: it stays out of /review's first-load JavaScript.
export type GradeValue = 1 | 2 | 3 | 4;

export const GRADE_NAMES: Record<GradeValue, string> = { 1: "Again", 2: "Hard", 3: "Good", 4: "Easy" };
