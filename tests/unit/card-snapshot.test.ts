import { describe, expect, it } from "vitest";
import { snapshotFromJson, snapshotOf, snapshotToJson } from "@/lib/srs/cards/actions";
import { State } from "ts-fsrs";

const snapshot = {
  state: State.Review,
  due: new Date("2026-12-04T09:00:00.000Z"),
  stability: 3.5,
  difficulty: 5.1,
  elapsedDays: 2,
  scheduledDays: 3,
  learningSteps: 0,
  reps: 4,
  lapses: 1,
  lastReview: new Date("2026-12-01T09:00:00.000Z"),
  suspendedAt: null,
  buriedUntil: new Date("2026-12-05T04:00:00.000Z"),
  leech: true,
};

describe("a card's stored snapshot", () => {
  it("reads back exactly what was stored", () => {
    expect(snapshotFromJson(snapshotToJson(snapshot))).toEqual(snapshot);
  });

  it("reads a snapshot stored before the bury and leech flags existed as neither buried nor a leech", () => {
    const { buriedUntil: _b, leech: _l, ...older } = snapshot;
    expect(snapshotFromJson(JSON.stringify(older))).toEqual({ ...snapshot, buriedUntil: null, leech: false });
  });

  it("reads a card row as SQLite returns it (ISO text, 0/1) and keeps only the snapshot's fields", () => {
    const row = {
      ...snapshot,
      id: "c1",
      version: 7,
      due: "2026-12-04T09:00:00.000+00:00",
      lastReview: "2026-12-01T09:00:00.000+00:00",
      buriedUntil: "2026-12-05T04:00:00.000+00:00",
      leech: 1,
    };
    expect(snapshotOf(row)).toEqual(snapshot);
  });
});
