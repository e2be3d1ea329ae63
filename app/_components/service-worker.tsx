"use client";
import { useEffect } from "react";

// Registers the offline service worker (app/sw.ts, built by scripts/build.ts) in production
// builds only: `next dev` serves no /sw.js, and a worker there would cache stale dev bundles.
export function ServiceWorker() {
  useEffect(() => {
    if (process.env.NODE_ENV !== "production" || !("serviceWorker" in navigator)) return;
    navigator.serviceWorker.register("/sw.js", { scope: "/", updateViaCache: "none" }).catch((e: unknown) => {
      console.warn("Service worker registration failed; the site works, but not offline.", e);
    });
  }, []);
  return null;
}
