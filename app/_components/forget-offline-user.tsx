"use client";
import { useEffect } from "react";

// On the signed-out and account-deleted pages: the offline review shell stops showing the
// previous user's copy (app/review/offline-store.ts). Loaded lazily; it needs IndexedDB only.
export function ForgetOfflineUser({ wipe = false }: { wipe?: boolean }) {
  useEffect(() => {
    void forgetOfflineUser({ wipe });
  }, [wipe]);
  return null;
}

export async function forgetOfflineUser(opts: { wipe?: boolean } = {}): Promise<void> {
  try {
    await (await import("../review/offline-store")).forgetCurrentUser(opts);
  } catch {
    /* no IndexedDB (private mode): nothing is stored either */
  }
}
