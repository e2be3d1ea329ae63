"use client";
import { useCallback, useEffect, useReducer, useRef } from "react";
import type { ReviewCard } from "@/lib/srs/review/queue";
import { availabilityOf, currentStep, READ_ALOUD_INITIAL, readAloudReducer, type ReadAloudMode } from "./read-aloud";

// This device's choice, kept in localStorage.
const KEY = "unknot-read-aloud";

// Speaks the current card's steps (./read-aloud.ts, a reducer) while read aloud is on: each step
// is performed here and reported done; a new card, the answer shown, or turning it off starts
// over or stops, cancelling what is being said. Unmounting stops it too: the controls unmount with
// the card (the session's end, the grade guide, waiting grades being sent).
export function useReadAloud(card: ReviewCard, revealed: boolean, reveal: () => void) {
  const [s, dispatch] = useReducer(readAloudReducer, READ_ALOUD_INITIAL);
  const revealRef = useRef(reveal);
  useEffect(() => {
    revealRef.current = reveal;
  }, [reveal]);

  useEffect(() => {
    const synth = "speechSynthesis" in window ? window.speechSynthesis : undefined;
    const check = (waited: boolean) => dispatch({ type: "voices", availability: availabilityOf(!!synth, synth?.getVoices().length ?? 0, waited) });
    const saved = localStorage.getItem(KEY);
    if (saved === "on" || saved === "hands-free") dispatch({ type: "choose", mode: saved });
    check(false);
    // Voices often load after the page: wait for them a little before saying there are none.
    const late = setTimeout(() => check(true), 2_000);
    const onVoices = () => check(false);
    synth?.addEventListener("voiceschanged", onVoices);
    return () => {
      clearTimeout(late);
      synth?.removeEventListener("voiceschanged", onVoices);
    };
  }, []);

  useEffect(() => dispatch({ type: "show", card, revealed }), [card, revealed]);

  const step = currentStep(s);
  const { run, at } = s;
  useEffect(() => {
    if (!step) return;
    let cancelled = false;
    const done = () => {
      if (!cancelled) dispatch({ type: "done", run, at });
    };
    const synth = window.speechSynthesis;
    let timer: ReturnType<typeof setTimeout> | undefined;
    if ("say" in step) {
      const u = new SpeechSynthesisUtterance(step.say);
      u.onend = done;
      u.onerror = done;
      synth.speak(u);
    } else if ("pauseMs" in step) {
      timer = setTimeout(done, step.pauseMs);
    } else {
      revealRef.current();
    }
    return () => {
      cancelled = true;
      clearTimeout(timer);
      if ("say" in step) synth.cancel();
    };
    // A step is identified by its run and place (every other change restarts the run), so it is
    // performed once however often the page renders.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [run, at]);

  const choose = useCallback((next: ReadAloudMode) => {
    localStorage.setItem(KEY, next);
    dispatch({ type: "choose", mode: next });
  }, []);

  return { mode: s.mode, availability: s.availability, choose };
}
