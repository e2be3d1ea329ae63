import type { ReviewState } from "@/lib/srs/review/queue";
import type { SyncOutcome } from "@/lib/srs/review/sync";
import { localReviewState } from "@/lib/srs/offline/local-queue";
import type { OfflineSnapshot, RefusedGrade } from "@/lib/srs/offline/snapshot";
import { localGradeOf, SYNC_BATCH, syncRequestBody } from "@/lib/srs/offline/sync-request";
import * as store from "./offline-store";

// The offline half of the review page, loaded with import() once the page is interactive so
// that none of it (idb, ts-fsrs, the scheduler) is in /review's first-load JavaScript.
// Everything takes the user id that the page got from the server (or, in the offline shell,
// the one that last opened /review here) and touches only that user's records.

export { setCurrentUser, currentUser, clearRefused } from "./offline-store";

// A grade as the page made it; the record kept here is built in this module, off the page's
// first-load JavaScript.
type GradeMade = Parameters<typeof localGradeOf>[0];

export type OfflineStatus = { waiting: number; refused: RefusedGrade[] };

export async function status(userId: string): Promise<OfflineStatus> {
  const [pending, refused] = await Promise.all([store.pendingOf(userId), store.refusedOf(userId)]);
  return { waiting: pending.length, refused };
}

export async function localState(userId: string, now = new Date()): Promise<ReviewState | null> {
  const snap = await store.loadSnapshot(userId);
  if (!snap) return null;
  return localReviewState(snap, [...(snap.applied ?? []), ...(await store.pendingOf(userId))], now);
}

// A grade the server stored while online, added to the copy from its answer: the copy stays
// current without fetching the snapshot again (one request per grade). A repeat is kept once.
export async function keepOnlineGrade(made: GradeMade & { logId: string }, now = new Date()): Promise<void> {
  const g: store.AppliedGrade = { ...localGradeOf(made, now), logId: made.logId };
  const snap = await store.loadSnapshot(g.userId);
  if (!snap || snap.applied?.some((a) => a.logId === g.logId)) return;
  await store.saveSnapshot({ ...snap, applied: [...(snap.applied ?? []), g] });
}

// An online grade undone on the server: dropped from the copy. One the copy does not hold
// (graded before the snapshot was taken) is already inside the snapshot, which is then fetched again.
export async function forgetOnlineGrade(userId: string, logId: string): Promise<void> {
  const snap = await store.loadSnapshot(userId);
  if (!snap) return;
  if (!snap.applied?.some((a) => a.logId === logId)) return void (await refreshSnapshot(userId));
  await store.saveSnapshot({ ...snap, applied: snap.applied.filter((a) => a.logId !== logId) });
}

export async function gradeLocal(made: GradeMade, now = new Date()): Promise<ReviewState | null> {
  const g = localGradeOf(made, now);
  await store.addPending(g);
  return localState(g.userId);
}

export async function undoLocal(userId: string, clientId: string): Promise<ReviewState | null> {
  await store.dropPending(clientId);
  return localState(userId);
}

// Refreshes the local copy while online. A snapshot for another user (the session changed
// under this page) is not kept.
export async function refreshSnapshot(userId: string): Promise<boolean> {
  const snapshot = await fetchSnapshot();
  if (snapshot?.userId !== userId) return false;
  // Grades still waiting were made against the previous copy; it stays until they are sent.
  if ((await store.pendingOf(userId)).length) return false;
  await store.saveSnapshot(snapshot);
  return true;
}

async function fetchSnapshot(): Promise<OfflineSnapshot | null> {
  try {
    const res = await fetch("/api/review/offline", { cache: "no-store" });
    if (!res.ok) return null;
    const reply = (await res.json()) as { ok: boolean; snapshot?: OfflineSnapshot };
    return reply.ok && reply.snapshot ? reply.snapshot : null;
  } catch {
    return null;
  }
}

// The signed-in user as the server sees it (null when signed out or unreachable): the offline
// shell sends the grades it holds only for that user.
export async function signedInUser(): Promise<string | null> {
  return (await fetchSnapshot())?.userId ?? null;
}

export type SyncReport = { sent: number; logIds: Record<string, string>; error?: string };

// Sends the waiting grades in order, in batches. Returns null when the server cannot be
// reached (nothing changes; try again later). Tabs of one browser take turns (Web Locks), and
// the server stores a repeated clientId once in any case.
export async function sync(userId: string): Promise<SyncReport | null> {
  const run = () => syncNow(userId);
  if (typeof navigator !== "undefined" && navigator.locks) return navigator.locks.request(`unknot-sync-${userId}`, run);
  return run();
}

async function syncNow(userId: string): Promise<SyncReport | null> {
  const report: SyncReport = { sent: 0, logIds: {} };
  const snap = await store.loadSnapshot(userId);
  const promptOf = (cardId: string) => snap?.cards.find((c) => c.cardId === cardId)?.view.prompt ?? "a card";
  for (;;) {
    const batch = (await store.pendingOf(userId)).slice(0, SYNC_BATCH);
    if (!batch.length) return report;
    let res: Response;
    try {
      res = await fetch("/api/review/sync", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(syncRequestBody(batch)),
      });
    } catch {
      return report.sent ? report : null;
    }
    const reply = (await res.json().catch(() => ({ ok: false, error: "The server's answer was unreadable." }))) as {
      ok: boolean;
      results?: SyncOutcome[];
      error?: string;
    };
    // Not signed in, or a server error: everything stays waiting for the next try.
    if (!reply.ok || !reply.results) return { ...report, error: reply.error ?? "Your waiting reviews could not be sent yet." };
    for (const r of reply.results) {
      const g = batch.find((b) => b.clientId === r.clientId);
      if (!g) continue;
      if (r.status === "refused") await store.refuse({ ...g, reason: r.reason ?? "Refused by the server.", prompt: promptOf(g.cardId) });
      else {
        await store.dropPending(g.clientId);
        if (r.logId) report.logIds[g.clientId] = r.logId;
        report.sent += 1;
      }
    }
  }
}
