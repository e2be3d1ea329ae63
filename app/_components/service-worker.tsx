"use client";
import { useEffect } from "react";
import { afterLoadWhenIdle } from "@/lib/pwa/after-load";
import { SAVE_FOR_OFFLINE } from "@/lib/pwa/precache-plan";

// Registers the offline service worker (app/sw.ts, built by scripts/build.ts) in production
// builds only: `next dev` serves no /sw.js, and a worker there would cache stale dev bundles.
// It starts only after the page has loaded and the browser is idle, so a first visit over a weak
// signal gets the page first. Its install precaches the shell only (lib/pwa/precache-plan.ts;
// `npm run bench` reports the size); once it is active, the page asks it to fetch the lessons,
// quizzes and flare pages it does not hold yet, one at a time.
export function ServiceWorker() {
  useEffect(() => {
    if (process.env.NODE_ENV !== "production" || !("serviceWorker" in navigator)) return;
    return afterLoadWhenIdle(window, () => {
      navigator.serviceWorker
        .register("/sw.js", { scope: "/", updateViaCache: "none" })
        .then(() => navigator.serviceWorker.ready)
        .then((reg) => reg.active?.postMessage({ type: SAVE_FOR_OFFLINE }))
        .catch((e: unknown) => {
          console.warn("Service worker registration failed; the site works, but not offline.", e);
        });
    });
  }, []);
  return null;
}
