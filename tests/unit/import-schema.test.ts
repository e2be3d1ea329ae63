import { describe, expect, it } from "vitest";
import { describeImportError, exportDocumentSchema, IMPORT_LIMITS } from "@/lib/portability/import-schema";
import { IMPORT_MAX_BYTES, importFileSchema } from "@/lib/portability/schema";
import { State, Rating } from "ts-fsrs";

// The shape lib/portability/export.ts writes: one reviewed card, its log (plus an undone one),
// a quiz attempt, a saved parameter set and an optimizer job.
function exportDoc() {
  const card = {
    id: "cmabc123def456ghi789jkl0",
    catalogCardId: "ice-first-48-hours",
    addedAt: "2026-03-01T09:00:00.000Z",
    version: 2,
    state: State.Review,
    due: "2026-03-04T09:00:00.000Z",
    stability: 3.2602,
    difficulty: 4.8841,
    elapsedDays: 0,
    scheduledDays: 3,
    learningSteps: 0,
    reps: 1,
    lapses: 0,
    lastReview: "2026-03-01T09:01:00.000Z",
  };
  const log = (clientId: string, undoneAt: string | null) => ({
    id: `log-${clientId.slice(0, 8)}`,
    cardId: card.id,
    clientId,
    rating: Rating.Good,
    state: State.New,
    due: "2026-03-01T09:00:00.000Z",
    stability: 0,
    difficulty: 0,
    elapsedDays: 0,
    lastElapsedDays: 0,
    scheduledDays: 0,
    learningSteps: 0,
    review: "2026-03-01T09:01:00.000Z",
    durationMs: 4200,
    reviewDay: 20513,
    prevDue: "2026-03-01T09:00:00.000Z",
    prevLastReview: null,
    prevElapsedDays: 0,
    prevReps: 0,
    prevLapses: 0,
    prevVersion: 0,
    nextState: 2,
    nextDue: "2026-03-04T09:00:00.000Z",
    nextScheduledDays: 3,
    nextStability: 3.2602,
    nextVersion: 1,
    undoneAt,
  });
  return {
    format: "unknot-export",
    version: 1,
    exportedAt: "2026-03-02T10:00:00.000Z",
    profile: { id: "cmuser0000000000000000000", email: "a@example.test", name: null, createdAt: "2026-03-01T08:00:00.000Z" },
    settings: {
      timeZone: "Europe/Berlin",
      dayRolloverHour: 4,
      desiredRetention: 0.9,
      newCardsPerDay: 10,
      maximumInterval: 36500,
      enableFuzz: true,
      fsrsWeights: null as number[] | null,
    },
    cards: [card],
    reviewLogs: [log("0b9f2c8e-1111-4a2b-9c3d-000000000001", "2026-03-01T09:01:30.000Z"), log("0b9f2c8e-1111-4a2b-9c3d-000000000002", null)],
    quizAttempts: [
      {
        id: "cmquiz",
        lessonSlug: "causes",
        clientId: "0b9f2c8e-2222-4a2b-9c3d-000000000001",
        score: 4,
        total: 5,
        createdAt: "2026-03-01T09:30:00.000Z",
        answers: [{ questionId: "why-it-hurts", chosen: "Muscle strain", correct: true }],
      },
    ],
    parameterSets: [{ id: "cmset", weights: null as number[] | null, source: "default", createdAt: "2026-03-01T10:00:00.000Z" }],
    optimizeJobs: [{ id: "cmjob", status: "applied", progress: 1, message: null, items: 80, weights: Array(21).fill(0.5) }],
  };
}

const errorOf = (doc: unknown) => {
  const r = exportDocumentSchema.safeParse(doc);
  if (r.success) throw new Error("expected the document to be refused");
  return describeImportError(r.error);
};

describe("the import schema", () => {
  it("accepts a document shaped like the app's own export and turns its dates into Dates", () => {
    const doc = exportDocumentSchema.parse(exportDoc());
    expect(doc.cards[0]!.lastReview).toEqual(new Date("2026-03-01T09:01:00.000Z"));
    expect(doc.reviewLogs[0]!.undoneAt).toBeInstanceOf(Date);
    expect(doc.reviewLogs[1]!.undoneAt).toBeNull();
    expect(doc.quizAttempts[0]!.answers).toHaveLength(1);
  });

  it("accepts 21 personal weights in the settings and in a saved parameter set", () => {
    const raw = exportDoc();
    raw.settings.fsrsWeights = Array.from({ length: 21 }, (_, i) => 0.1 * (i + 1));
    raw.parameterSets[0]!.weights = raw.settings.fsrsWeights;
    expect(exportDocumentSchema.safeParse(raw).success).toBe(true);
  });

  it("refuses a file that is not an Unknot export, or another version of it", () => {
    expect(errorOf([1, 2, 3])).toBe("This file is not an Unknot export.");
    expect(errorOf({ ...exportDoc(), format: "anki" })).toBe("This file is not an Unknot export.");
    expect(errorOf({ ...exportDoc(), version: 2 })).toMatch(/reads version 1/);
  });

  it("refuses a rating or state out of range, naming where", () => {
    const bad = exportDoc();
    (bad.reviewLogs[1] as { rating: number }).rating = 5;
    expect(errorOf(bad)).toMatch(/^The export is not valid at reviewLogs\[1\]\.rating: rating must be 1-4\.$/);
    const badState = exportDoc();
    (badState.cards[0] as { state: number }).state = 4;
    expect(errorOf(badState)).toMatch(/cards\[0\]\.state/);
  });

  it("refuses negative or non-integer counts and impossible dates", () => {
    for (const change of [
      (d: ReturnType<typeof exportDoc>) => void (d.cards[0]!.reps = -1),
      (d: ReturnType<typeof exportDoc>) => void (d.cards[0]!.lapses = 1.5),
      (d: ReturnType<typeof exportDoc>) => void (d.cards[0]!.stability = -0.1),
      (d: ReturnType<typeof exportDoc>) => void (d.cards[0]!.due = "next tuesday"),
      (d: ReturnType<typeof exportDoc>) => void (d.reviewLogs[0]!.durationMs = 10 * 3_600_000),
    ]) {
      const doc = exportDoc();
      change(doc);
      expect(exportDocumentSchema.safeParse(doc).success).toBe(false);
    }
  });

  it("refuses weights of the wrong count, as the scheduler would silently ignore them", () => {
    const doc = exportDoc();
    doc.settings.fsrsWeights = Array(19).fill(0.5);
    expect(errorOf(doc)).toMatch(/settings\.fsrsWeights: FSRS-6 takes exactly 21 weights/);
    const set = exportDoc();
    set.parameterSets[0]!.weights = Array(22).fill(0.5);
    expect(errorOf(set)).toMatch(/parameterSets\[0\]\.weights/);
  });

  it("refuses settings the settings page would refuse", () => {
    const doc = exportDoc();
    doc.settings.timeZone = "Mars/Olympus_Mons";
    expect(errorOf(doc)).toMatch(/settings\.timeZone: Unknown time zone/);
  });

  it("refuses over-long strings", () => {
    const doc = exportDoc();
    doc.quizAttempts[0]!.answers[0]!.chosen = "x".repeat(201);
    expect(errorOf(doc)).toMatch(/quizAttempts\[0\]\.answers\[0\]\.chosen/);
    const id = exportDoc();
    id.cards[0]!.catalogCardId = "c".repeat(500);
    expect(errorOf(id)).toMatch(/cards\[0\]\.catalogCardId/);
  });

  it("refuses more entries than the caps allow", () => {
    const doc = exportDoc();
    doc.parameterSets = Array(IMPORT_LIMITS.parameterSets + 1).fill(doc.parameterSets[0]);
    expect(errorOf(doc)).toMatch(/at most 1000 parameter sets/);
  });

  it("refuses repeated clientIds and logs of cards missing from the export", () => {
    const doc = exportDoc();
    doc.reviewLogs[1]!.clientId = doc.reviewLogs[0]!.clientId;
    expect(errorOf(doc)).toMatch(/reviewLogs\[1\]: repeats an earlier entry/);
    const orphan = exportDoc();
    orphan.reviewLogs[0]!.cardId = "someone-elses-card";
    expect(errorOf(orphan)).toMatch(/reviewLogs\[0\]\.cardId: names a card that is not in the export/);
  });
});

describe("the import form's file field", () => {
  const files = (...f: { name: string; size: number }[]) => ({ file: Object.assign([...f], { item: (i: number) => f[i] }) });

  it("takes one .json file within the size limit", () => {
    expect(importFileSchema.safeParse(files({ name: "unknot-data-2026-03-02.json", size: 1200 })).success).toBe(true);
  });

  it("asks for a file when none is chosen, and refuses other kinds and oversized files", () => {
    const message = (v: unknown) => importFileSchema.safeParse(v).error?.issues[0]?.message;
    expect(message(files())).toMatch(/Choose an Unknot export/);
    expect(message({ file: undefined })).toMatch(/Choose an Unknot export/);
    expect(message(files({ name: "revlog.csv", size: 10 }))).toMatch(/\.json/);
    expect(message(files({ name: "big.json", size: IMPORT_MAX_BYTES + 1 }))).toMatch(/larger than 32 MB/);
  });
});
