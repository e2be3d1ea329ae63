"use client";
import { useCallback, useRef, useState } from "react";
import { markWaiting } from "./waiting-cookie";

// The offline machinery (IndexedDB, the scheduler in the browser, sync), loaded with import()
// after the page is interactive so that it adds nothing to the first load.
export type Offline = typeof import("./offline-review");
export type OfflineStatus = Awaited<ReturnType<Offline["status"]>>;

// Whose copy the page runs on and what it holds: `localUser` is the signed-in user, or in the
// offline shell the one who last opened /review on this device; `noCopy` is null in the shell
// until IndexedDB has answered, then whether this device holds no copy.
export function useOfflineCopy(userId: string | null) {
  const offlineModule = useRef<Offline | null>(null);
  const [localUser, setLocalUser] = useState<string | null>(userId);
  const [noCopy, setNoCopy] = useState<boolean | null>(userId === null ? null : false);
  const [status, setStatus] = useState<OfflineStatus>({ waiting: 0, refused: [] });
  const refreshStatus = useCallback(async (user: string) => {
    if (!offlineModule.current) return;
    const status = await offlineModule.current.status(user);
    markWaiting(user, status.waiting);
    setStatus(status);
  }, []);
  return { module: offlineModule, localUser, setLocalUser, noCopy, setNoCopy, status, refreshStatus };
}
