import { openDB, type DBSchema, type IDBPDatabase } from "idb";
import type { LocalGrade, OfflineSnapshot, RefusedGrade } from "@/lib/srs/offline/snapshot";

// The browser's offline review data, in IndexedDB (through `idb`), every record keyed by or
// indexed on the user id: the day's queue (snapshots), the grades waiting to be sent
// (pending, in the order they were made) and the ones the server refused (refused). "meta"
// remembers which user last opened /review here, so that the offline shell of /review (which
// holds no user data) knows whose copy to show; signing out or in clears it.
// The snapshot as kept: the server's, plus the grades made online since it was taken
// (`applied`, in order), which the page adds from each grade's answer instead of fetching
// the whole snapshot again.
export type AppliedGrade = LocalGrade & { logId: string };
export type StoredSnapshot = OfflineSnapshot & { applied?: AppliedGrade[] };

interface OfflineDb extends DBSchema {
  snapshots: { key: string; value: StoredSnapshot };
  pending: { key: number; value: LocalGrade & { seq?: number }; indexes: { userId: string; clientId: string } };
  refused: { key: string; value: RefusedGrade; indexes: { userId: string } };
  meta: { key: string; value: string };
}

const DB_NAME = "unknot-offline";
let opened: Promise<IDBPDatabase<OfflineDb>> | null = null;

function db() {
  opened ??= openDB<OfflineDb>(DB_NAME, 1, {
    upgrade(d) {
      d.createObjectStore("snapshots", { keyPath: "userId" });
      const p = d.createObjectStore("pending", { keyPath: "seq", autoIncrement: true });
      p.createIndex("userId", "userId");
      p.createIndex("clientId", "clientId", { unique: true });
      const r = d.createObjectStore("refused", { keyPath: "clientId" });
      r.createIndex("userId", "userId");
      d.createObjectStore("meta");
    },
  });
  return opened;
}

export async function saveSnapshot(s: StoredSnapshot): Promise<void> {
  await (await db()).put("snapshots", s);
}

export async function loadSnapshot(userId: string): Promise<StoredSnapshot | undefined> {
  return (await db()).get("snapshots", userId);
}

// Sorted by the auto-incremented key, so in the order the grades were made.
export async function pendingOf(userId: string): Promise<LocalGrade[]> {
  const rows = await (await db()).getAllFromIndex("pending", "userId", userId);
  return rows.sort((a, b) => a.seq! - b.seq!).map(({ seq: _, ...g }) => g);
}

export async function addPending(g: LocalGrade): Promise<void> {
  const d = await db();
  // A grade repeated with the same clientId (a retried press) is stored once.
  if (await d.getKeyFromIndex("pending", "clientId", g.clientId)) return;
  await d.add("pending", g);
}

export async function dropPending(clientId: string): Promise<void> {
  const d = await db();
  const key = await d.getKeyFromIndex("pending", "clientId", clientId);
  if (key !== undefined) await d.delete("pending", key);
}

export async function refuse(r: RefusedGrade): Promise<void> {
  const tx = (await db()).transaction(["pending", "refused"], "readwrite");
  const key = await tx.objectStore("pending").index("clientId").getKey(r.clientId);
  if (key !== undefined) await tx.objectStore("pending").delete(key);
  await tx.objectStore("refused").put(r);
  await tx.done;
}

export async function refusedOf(userId: string): Promise<RefusedGrade[]> {
  return (await db()).getAllFromIndex("refused", "userId", userId);
}

export async function clearRefused(userId: string): Promise<void> {
  const d = await db();
  for (const key of await d.getAllKeysFromIndex("refused", "userId", userId)) await d.delete("refused", key);
}

export async function setCurrentUser(userId: string | null): Promise<void> {
  const d = await db();
  if (userId) await d.put("meta", userId, "currentUser");
  else await d.delete("meta", "currentUser");
}

export async function currentUser(): Promise<string | null> {
  return (await (await db()).get("meta", "currentUser")) ?? null;
}

// After an account is deleted: its copy and waiting grades have nowhere to go.
export async function wipeUser(userId: string): Promise<void> {
  const tx = (await db()).transaction(["snapshots", "pending", "refused"], "readwrite");
  await tx.objectStore("snapshots").delete(userId);
  for (const key of await tx.objectStore("pending").index("userId").getAllKeys(userId)) await tx.objectStore("pending").delete(key);
  for (const key of await tx.objectStore("refused").index("userId").getAllKeys(userId)) await tx.objectStore("refused").delete(key);
  await tx.done;
}

// Signing out, in or up: the offline shell shows no one's copy until the next signed-in visit
// to /review says whose it is. Waiting grades stay, keyed by their user, and are sent when
// that user opens /review signed in again; nobody else's page reads them.
export async function forgetCurrentUser({ wipe = false } = {}): Promise<void> {
  const user = await currentUser();
  if (user && wipe) await wipeUser(user);
  await setCurrentUser(null);
}
