"use client";
import { useEffect, useMemo, useReducer } from "react";
import { READ_ALOUD_START, readAloudReducer, type SpokenSection } from "@/lib/learn/read-aloud";

// How long to wait for the browser to list its voices (Chrome lists them late) before saying
// there are none.
const VOICES_WAIT_MS = 1500;

// Reads the lesson aloud with the browser's speech synthesis, a section at a time, from the
// section the learner picks to the end. Where the browser has no voices, it says so instead.
export function ReadAloud({ sections }: { sections: SpokenSection[] }) {
  const reducer = useMemo(() => readAloudReducer(sections.map((s) => s.utterances.length)), [sections]);
  const [state, dispatch] = useReducer(reducer, READ_ALOUD_START);

  useEffect(() => {
    if (!("speechSynthesis" in window)) {
      dispatch({ type: "voices", available: false });
      return;
    }
    const synth = window.speechSynthesis;
    const check = () => synth.getVoices().length > 0 && dispatch({ type: "voices", available: true });
    check();
    synth.addEventListener("voiceschanged", check);
    const timer = setTimeout(() => {
      if (synth.getVoices().length === 0) dispatch({ type: "voices", available: false });
    }, VOICES_WAIT_MS);
    return () => {
      clearTimeout(timer);
      synth.removeEventListener("voiceschanged", check);
      synth.cancel();
    };
  }, []);

  const speaking = state.status === "speaking" ? state : null;
  const text = speaking ? sections[speaking.section]?.utterances[speaking.utterance] : undefined;
  useEffect(() => {
    if (!speaking || text === undefined) return;
    let live = true;
    const u = new SpeechSynthesisUtterance(text);
    u.lang = document.documentElement.lang || "en-GB";
    u.onend = () => live && dispatch({ type: "spoken" });
    u.onerror = (e) => live && e.error !== "interrupted" && e.error !== "canceled" && dispatch({ type: "stop" });
    window.speechSynthesis.speak(u);
    return () => {
      live = false;
    };
    // A new utterance for each step, even when two steps hold the same words.
  }, [speaking?.section, speaking?.utterance, text]); // eslint-disable-line react-hooks/exhaustive-deps

  const go = (section: number) => {
    window.speechSynthesis.cancel();
    dispatch({ type: "start", section });
  };
  const stop = () => {
    window.speechSynthesis.cancel();
    dispatch({ type: "stop" });
  };

  if (state.status === "checking") return <div className="read-aloud" aria-hidden="true" />;
  if (state.status === "unavailable")
    return (
      <p className="read-aloud muted" data-testid="read-aloud-unavailable">
        Read aloud is not available here: this browser has no voices for speech.
      </p>
    );
  if (!speaking)
    return (
      <div className="read-aloud">
        <button type="button" className="btn" onClick={() => go(0)}>
          Read aloud
        </button>
        <span className="hint">section by section, from the top</span>
      </div>
    );
  const current = sections[speaking.section]!;
  return (
    <div className="read-aloud read-aloud-playing" role="region" aria-label="Reading aloud">
      <p aria-live="polite">
        Reading section {speaking.section + 1} of {sections.length}: {current.heading}
      </p>
      <div className="btn-row">
        <button type="button" className="btn" onClick={() => go(speaking.section - 1)} disabled={speaking.section === 0}>
          Previous section
        </button>
        <button type="button" className="btn" onClick={() => go(speaking.section + 1)} disabled={speaking.section === sections.length - 1}>
          Next section
        </button>
        <button type="button" className="btn" onClick={stop}>
          Stop
        </button>
      </div>
    </div>
  );
}
