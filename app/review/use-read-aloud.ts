"use client";
import { useCallback, useEffect, useState } from "react";
import type { ReviewCard } from "@/lib/srs/review/queue";
import { availabilityOf, readAloudSteps, type Availability } from "./read-aloud";

// This device's choice, kept in localStorage: off, on, or on with the answer shown by itself.
const KEY = "unknot-read-aloud";
type Mode = "off" | "on" | "hands-free";

function speak(synth: SpeechSynthesis, text: string): Promise<void> {
  return new Promise((resolve) => {
    const u = new SpeechSynthesisUtterance(text);
    u.onend = () => resolve();
    u.onerror = () => resolve();
    synth.speak(u);
  });
}

// Speaks the current card's steps (./read-aloud.ts) while read aloud is on; a new card, the
// answer shown, or turning it off cancels what is being said.
export function useReadAloud(card: ReviewCard | null, revealed: boolean, reveal: () => void) {
  const [mode, setMode] = useState<Mode>("off");
  const [availability, setAvailability] = useState<Availability>("checking");

  useEffect(() => {
    const synth = "speechSynthesis" in window ? window.speechSynthesis : undefined;
    const check = (waited: boolean) => setAvailability(availabilityOf(!!synth, synth?.getVoices().length ?? 0, waited));
    const first = setTimeout(() => {
      const saved = localStorage.getItem(KEY);
      if (saved === "on" || saved === "hands-free") setMode(saved);
      check(false);
    }, 0);
    // Voices often load after the page: wait for them a little before saying there are none.
    const late = setTimeout(() => check(true), 2_000);
    const onVoices = () => check(false);
    synth?.addEventListener("voiceschanged", onVoices);
    return () => {
      clearTimeout(first);
      clearTimeout(late);
      synth?.removeEventListener("voiceschanged", onVoices);
    };
  }, []);

  const choose = useCallback((next: Mode) => {
    setMode(next);
    localStorage.setItem(KEY, next);
    if (next === "off") window.speechSynthesis?.cancel();
  }, []);

  useEffect(() => {
    if (mode === "off" || availability !== "available" || !card) return;
    const synth = window.speechSynthesis;
    let cancelled = false;
    synth.cancel();
    void (async () => {
      for (const step of readAloudSteps(card, { revealed, autoAdvance: mode === "hands-free" })) {
        if (cancelled) return;
        if ("say" in step) await speak(synth, step.say);
        else if ("pauseMs" in step) await new Promise((r) => setTimeout(r, step.pauseMs));
        else if (!cancelled) reveal();
      }
    })();
    return () => {
      cancelled = true;
      synth.cancel();
    };
  }, [mode, availability, card, revealed, reveal]);

  return { mode, availability, choose };
}

export type ReadAloud = ReturnType<typeof useReadAloud>;
