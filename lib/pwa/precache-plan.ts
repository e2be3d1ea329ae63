// What the service worker downloads when it installs, and what it fetches afterwards. Pure, so
// that scripts/build.ts (which applies it to Serwist's list of the build's files) and its tests
// share it.
//
// The install (the precache) holds only the shell: the build's scripts and styles, the icons
// and the few pages the worker answers with when the network fails. The lesson, quiz and flare
// pages, most of the bytes, are fetched one at a time after the worker has taken over
// (app/sw.ts), so a first visit over a weak signal never waits behind them.
import { isOfflinePage, OFFLINE_URL, REVIEW_SHELL_URL } from "./offline-routes";

export type ManifestEntry = { url: string; revision?: string | null };

// The pages the worker itself falls back to (app/sw.ts), and the two a signed-out browser is
// sent to, which never reach the proxy.
export const SHELL_PAGES: readonly string[] = [OFFLINE_URL, REVIEW_SHELL_URL, "/signed-out", "/account-deleted"];

const isAsset = (url: string) => url.startsWith("/_next/") || /\.(?:png|svg|ico|webp|woff2)$/.test(url);

// What a page sends the active worker once it is idle (app/_components/service-worker.tsx): the
// worker then fetches whichever later pages its cache lacks (app/sw.ts).
export const SAVE_FOR_OFFLINE = "unknot-save-for-offline";

export type PrecachePlan = { shell: ManifestEntry[]; later: string[] };

// Splits the build's list: assets and shell pages are precached; public pages a learner may
// open offline (lessons, quizzes, the flare plan and check) come later; any other prerendered
// page (e.g. /sources) is left to the network.
export function planPrecache(entries: readonly ManifestEntry[]): PrecachePlan {
  const shell: ManifestEntry[] = [];
  const later: string[] = [];
  for (const e of entries) {
    if (isAsset(e.url) || SHELL_PAGES.includes(e.url)) shell.push({ url: e.url, revision: e.revision ?? null });
    else if (isOfflinePage(e.url) && !later.includes(e.url)) later.push(e.url);
  }
  return { shell, later };
}
