"use client";
import { useEffect } from "react";
import { HYDRATED_GLOBAL } from "@/lib/paint-first";

// Tells the head script (lib/paint-first.ts) that React is listening: it marks <html> with
// data-hydrated and replays what the reader did before then. The root layout's effect runs
// after those of the whole page it wraps.
export function HydrationMark() {
  useEffect(() => {
    (window as unknown as Record<string, (() => void) | undefined>)[HYDRATED_GLOBAL]?.();
  }, []);
  return null;
}
