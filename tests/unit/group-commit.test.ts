import { describe, expect, it } from "vitest";
import { groupCommit, oneStatement, type TxConn } from "@/lib/db/group-commit";
import type { SqlTx } from "@/lib/db/sql";

// A connection that records what is sent, in order, and answers BEGIN only when told. A
// statement "dup" fails in the database, which aborts the transaction: its COMMIT then ends
// it as rolled back. A statement "stale" changes nothing.
function recordingConn() {
  const sent: string[] = [];
  let answerBegin = () => {};
  let aborted = false;
  const send = async (text: string) => {
    sent.push(text);
    if (text === "dup") {
      aborted = true;
      throw new Error("duplicate key");
    }
    return text === "stale" ? 0 : 1;
  };
  const tx: SqlTx = { all: async (q) => (await send(q.text), []), run: (q) => send(q.text) };
  const conn: TxConn = {
    tx,
    begin: () => (sent.push("BEGIN"), (aborted = false), new Promise<void>((r) => (answerBegin = r))),
    commit: async () => (sent.push("COMMIT"), !aborted),
    rollback: async () => void sent.push("ROLLBACK"),
  };
  return { sent, conn, answerBegin: () => answerBegin() };
}

// A one-statement write that fails when its statement changes nothing, as a stale grade does.
const write = (text: string) =>
  oneStatement(async (tx) => {
    if ((await tx.run({ text, values: [] })) === 0) throw new Error(`${text}: changed nothing`);
    return text;
  });

// One lane, held by a first write until it is released, so that the next writes queue as one group.
async function queuedBehindOne(pipelined: boolean, texts: string[]) {
  const { sent, conn, answerBegin } = recordingConn();
  const commits = groupCommit({ lanes: 1, gather: false, autocommit: true, pipelined }, (body) => body(conn));
  let release!: () => void;
  const held = new Promise<void>((r) => (release = r));
  const first = commits.submit(async () => held.then(() => "first"), true);
  const rest = texts.map((t) => commits.submit(write(t), true));
  release();
  await first;
  await new Promise((r) => setImmediate(r));
  return { sent, answerBegin, rest };
}

describe("a group of one-statement writes", () => {
  it("goes out whole on a pipelining connection, BEGIN and every statement before BEGIN is answered, then one COMMIT", async () => {
    const { sent, answerBegin, rest } = await queuedBehindOne(true, ["a", "b", "c"]);
    expect(sent).toEqual(["BEGIN", "a", "b", "c"]);
    answerBegin();
    expect(await Promise.all(rest)).toEqual(["a", "b", "c"]);
    expect(sent).toEqual(["BEGIN", "a", "b", "c", "COMMIT"]);
  });

  it("goes a statement at a time without pipelining, each after the one before has answered", async () => {
    const { sent, answerBegin, rest } = await queuedBehindOne(false, ["a", "b"]);
    expect(sent).toEqual(["BEGIN"]);
    answerBegin();
    expect(await Promise.all(rest)).toEqual(["a", "b"]);
    expect(sent).toEqual(["BEGIN", "a", "b", "COMMIT"]);
  });

  it("commits the others when one changed nothing, and fails only that one", async () => {
    const { sent, answerBegin, rest } = await queuedBehindOne(true, ["a", "stale", "c"]);
    answerBegin();
    const results = await Promise.allSettled(rest);
    expect(results.map((r) => r.status)).toEqual(["fulfilled", "rejected", "fulfilled"]);
    expect(sent).toEqual(["BEGIN", "a", "stale", "c", "COMMIT"]);
  });

  it("runs each again alone when one failed in the database, which rolled the group back, so only that one fails", async () => {
    for (const pipelined of [true, false]) {
      const { sent, answerBegin, rest } = await queuedBehindOne(pipelined, ["a", "dup", "c"]);
      answerBegin();
      const results = await Promise.allSettled(rest);
      expect(results.map((r) => r.status)).toEqual(["fulfilled", "rejected", "fulfilled"]);
      // Alone, a one-statement write commits by itself: no BEGIN and COMMIT around it.
      expect(sent).toEqual(pipelined ? ["BEGIN", "a", "dup", "c", "COMMIT", "ROLLBACK", "a", "dup", "c"] : ["BEGIN", "a", "dup", "ROLLBACK", "a", "dup", "c"]);
    }
  });
});
