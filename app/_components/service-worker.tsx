"use client";
import { useEffect } from "react";
import { afterLoadWhenIdle } from "@/lib/pwa/after-load";

// Registers the offline service worker (app/sw.ts, built by scripts/build.ts) in production
// builds only: `next dev` serves no /sw.js, and a worker there would cache stale dev bundles.
// Its install precaches the whole site (`npm run bench` reports the size), so it starts only
// after the page has loaded and the browser is idle: a first visit over a weak signal gets
// the page first.
export function ServiceWorker() {
  useEffect(() => {
    if (process.env.NODE_ENV !== "production" || !("serviceWorker" in navigator)) return;
    return afterLoadWhenIdle(window, () => {
      navigator.serviceWorker.register("/sw.js", { scope: "/", updateViaCache: "none" }).catch((e: unknown) => {
        console.warn("Service worker registration failed; the site works, but not offline.", e);
      });
    });
  }, []);
  return null;
}
