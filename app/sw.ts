/// <reference lib="webworker" />
// The offline service worker. scripts/build.ts bundles it after `next build`: Serwist's
// configurator mode lists the build's files, lib/pwa/precache-plan.ts splits them, and the
// build injects the shell (the build's static assets, public/, the offline and review-shell
// pages) into self.__SW_MANIFEST and the public pages to fetch later into __UNKNOT_LATER__.
import type { PrecacheEntry, RouteMatchCallbackOptions, SerwistGlobalConfig } from "serwist";
import { CacheFirst, ExpirationPlugin, NetworkFirst, NetworkOnly, Serwist, StaleWhileRevalidate } from "serwist";
import { parsePushMessage, safePath } from "../lib/pwa/push-message";
import { SAVE_FOR_OFFLINE } from "../lib/pwa/precache-plan";
import { isOfflinePage, OFFLINE_URL, REVIEW_SHELL_URL, REVIEW_URL, RUNTIME_CACHE_PREFIX, runtimeCacheName } from "../lib/pwa/offline-routes";

declare global {
  interface WorkerGlobalScope extends SerwistGlobalConfig {
    __SW_MANIFEST: (PrecacheEntry | string)[] | undefined;
  }
}
declare const self: ServiceWorkerGlobalScope;
// Set by scripts/build.ts to the build's id, so each deploy has its own runtime caches.
declare const __UNKNOT_BUILD_ID__: string;
// Set by scripts/build.ts: the lesson, quiz and flare pages, fetched after the shell.
declare const __UNKNOT_LATER__: string[];

const sameOrigin = (url: URL) => url.origin === self.location.origin;
// Only public pages that are the same for every visitor (lessons, quizzes, home) are ever
// stored. Pages and routes with a user's data (/review, /progress, /api/...) go to the network
// only, so nothing one user saw can be shown to another on a shared browser.
const publicNavigation = ({ request, url }: RouteMatchCallbackOptions) => request.mode === "navigate" && sameOrigin(url) && isOfflinePage(url.pathname);
// Next's client-side navigations fetch the page's React Server Component payload instead.
const publicRsc = ({ request, url }: RouteMatchCallbackOptions) =>
  sameOrigin(url) && request.headers.get("RSC") === "1" && isOfflinePage(url.pathname) && request.method === "GET";

const serwist: Serwist = new Serwist({
  precacheEntries: self.__SW_MANIFEST,
  precacheOptions: { cleanupOutdatedCaches: true },
  skipWaiting: true,
  clientsClaim: true,
  navigationPreload: false,
  runtimeCaching: [
    {
      matcher: publicNavigation,
      handler: new NetworkFirst({
        cacheName: runtimeCacheName("pages", __UNKNOT_BUILD_ID__),
        networkTimeoutSeconds: 4,
        // Room for every page fetched for offline use (saveForOffline below) and the ones opened.
        plugins: [new ExpirationPlugin({ maxEntries: 256 })],
      }),
    },
    {
      matcher: publicRsc,
      handler: new NetworkFirst({
        cacheName: runtimeCacheName("rsc", __UNKNOT_BUILD_ID__),
        networkTimeoutSeconds: 4,
        plugins: [new ExpirationPlugin({ maxEntries: 64 })],
      }),
    },
    {
      // Hashed file names: a cached copy never goes stale.
      matcher: ({ url }) => sameOrigin(url) && url.pathname.startsWith("/_next/static/"),
      handler: new CacheFirst({ cacheName: runtimeCacheName("static", __UNKNOT_BUILD_ID__), plugins: [new ExpirationPlugin({ maxEntries: 256 })] }),
    },
    {
      matcher: ({ url }) => sameOrigin(url) && (url.pathname.startsWith("/icons/") || url.pathname === "/manifest.webmanifest"),
      handler: new StaleWhileRevalidate({ cacheName: runtimeCacheName("assets", __UNKNOT_BUILD_ID__) }),
    },
    {
      // /review itself is never stored (it is the signed-in user's queue). When the network
      // fails or hangs, the precached shell answers, and the page runs from the IndexedDB copy.
      matcher: ({ request, url }) => request.mode === "navigate" && sameOrigin(url) && url.pathname === REVIEW_URL,
      handler: new NetworkOnly({
        networkTimeoutSeconds: 10,
        plugins: [
          {
            handlerDidError: async (): Promise<Response> =>
              (await serwist.matchPrecache(REVIEW_SHELL_URL)) ?? (await serwist.matchPrecache(OFFLINE_URL)) ?? Response.error(),
          },
        ],
      }),
    },
    {
      // Every other page goes to the network; when that fails, the fallback below answers.
      matcher: ({ request }) => request.mode === "navigate",
      handler: new NetworkOnly(),
    },
  ],
  fallbacks: { entries: [{ url: OFFLINE_URL, matcher: ({ request }) => request.destination === "document" }] },
});

// Runtime caches of earlier builds are removed once this build's worker takes over; Serwist
// removes the outdated precache itself (cleanupOutdatedCaches).
self.addEventListener("activate", (event) => {
  const current = new Set(["pages", "rsc", "static", "assets"].map((kind) => runtimeCacheName(kind, __UNKNOT_BUILD_ID__)));
  event.waitUntil(
    caches.keys().then((names) => Promise.all(names.filter((n) => n.startsWith(RUNTIME_CACHE_PREFIX) && !current.has(n)).map((n) => caches.delete(n)))),
  );
});

// The pages kept for offline use beyond the shell go into the cache the pages' own route reads
// (network first, then this copy), one request at a time so they never crowd a page the learner
// opened. A page asks once it is idle (app/_components/service-worker.tsx); pages already saved
// are skipped, and a failed fetch (offline, weak signal) leaves the rest to the next visit.
let saving: Promise<void> | null = null;
async function saveForOffline(): Promise<void> {
  const cache = await caches.open(runtimeCacheName("pages", __UNKNOT_BUILD_ID__));
  for (const url of __UNKNOT_LATER__) {
    if (await cache.match(url)) continue;
    const res = await fetch(url, { credentials: "same-origin" }).catch(() => null);
    if (!res?.ok) return;
    await cache.put(url, res);
  }
}

self.addEventListener("message", (event) => {
  if ((event.data as { type?: unknown } | null)?.type !== SAVE_FOR_OFFLINE) return;
  saving ??= saveForOffline().finally(() => (saving = null));
  event.waitUntil(saving);
});

// A review reminder (lib/reminders/): the notification, and the due count on the app's icon
// where the Badging API exists (installed apps on Chrome, Edge, Safari).
self.addEventListener("push", (event) => {
  const msg = parsePushMessage(event.data?.text());
  const badge = "setAppBadge" in self.navigator ? self.navigator.setAppBadge(msg.badge).catch(() => undefined) : Promise.resolve();
  event.waitUntil(
    Promise.all([
      self.registration.showNotification(msg.title, {
        body: msg.body,
        tag: msg.tag,
        icon: "/icons/icon-192.png",
        badge: "/icons/icon-192.png",
        data: { url: msg.url },
      }),
      badge,
    ]),
  );
});

// A click on the reminder takes an open Unknot window to /review and brings it forward, or
// opens one. Focusing may be refused (no user activation): the window is navigated anyway.
async function openFromNotification(target: string): Promise<void> {
  const windows = await self.clients.matchAll({ type: "window", includeUncontrolled: true });
  const open = windows.find((w) => new URL(w.url).origin === self.location.origin);
  if (!open) {
    await self.clients.openWindow(target);
    return;
  }
  await open.focus().catch(() => undefined);
  // navigate() works only on a window this worker controls.
  const moved = await open.navigate(target).catch(() => null);
  if (!moved) await self.clients.openWindow(target);
}

self.addEventListener("notificationclick", (event) => {
  event.notification.close();
  // The learner is on the way to review: the count on the icon has done its work.
  if ("clearAppBadge" in self.navigator) void self.navigator.clearAppBadge().catch(() => undefined);
  const target = new URL(safePath((event.notification.data as { url?: unknown } | null)?.url), self.location.origin).href;
  event.waitUntil(openFromNotification(target));
});

serwist.addEventListeners();
