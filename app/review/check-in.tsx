"use client";
import { useState, type FormEvent } from "react";
import { useRouter } from "next/navigation";
import { checkInAction } from "./check-in-actions";
import { reached } from "../_components/reached";

const SCORES = Array.from({ length: 11 }, (_, i) => i);

// "How is your back today?": asked above the first card of a study day, once, and skippable
// (grading a card without answering skips it too). On a phone the card and its Show answer
// must stay on the first screen, so the question is one line: a tap on it opens the answer
// (the pain score and "I'm in a flare"), and Skip, beside it, skips it for the day in one tap.
// The answer shapes today's session (lib/srs/bad-day): a bad day keeps it to about two minutes.
export function CheckIn() {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const send = async (input: Parameters<typeof checkInAction>[0]) => {
    setBusy(true);
    setError(null);
    const res = await reached(checkInAction(input));
    if (!res.ok) {
      setBusy(false);
      return setError(res.error);
    }
    router.refresh();
  };

  const onSubmit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const data = new FormData(e.currentTarget);
    const raw = data.get("score");
    const flare = data.get("flare") === "on";
    if (raw == null && !flare) return setError("Choose a number from 0 to 10, or tick “I’m in a flare”. Or skip for today.");
    void send({ skip: false, score: raw == null ? null : Number(raw), flare });
  };

  return (
    <section className={`panel check-in${open ? " open" : ""}`} aria-labelledby="check-in-h" data-testid="check-in">
      <div className="check-in-line">
        <h2 id="check-in-h">
          <button type="button" className="check-in-toggle" aria-expanded={open} aria-controls="check-in-form" onClick={() => setOpen(!open)}>
            How is your back today?
            <span className="check-in-chevron" aria-hidden="true">
              ▾
            </span>
          </button>
        </h2>
        {/* Optional: the card's Show answer below stays the page's one primary button. */}
        <button className="btn" type="button" disabled={busy} onClick={() => void send({ skip: true })} aria-label="Skip for today">
          Skip
        </button>
      </div>
      {error && !open && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      {open && (
        <form id="check-in-form" onSubmit={onSubmit} aria-labelledby="check-in-h">
          <fieldset className="check-in-scale">
            <legend>Pain from 0 (none) to 10 (the worst you can imagine)</legend>
            <div className="score-grid">
              {SCORES.map((n) => (
                <label key={n} className="score-choice">
                  <input type="radio" name="score" value={n} disabled={busy} />
                  <span>{n}</span>
                </label>
              ))}
            </div>
            <p className="score-ends hint" aria-hidden="true">
              <span>0 none</span>
              <span>10 worst</span>
            </p>
          </fieldset>
          <label className="check-in-flare">
            <input type="checkbox" name="flare" disabled={busy} /> I’m in a flare
          </label>
          <p className="hint">
            On a bad day (7 or more, or a flare) today’s review is kept to about two minutes: the warning signs and quick relief first. The rest waits until
            tomorrow.
          </p>
          {error && (
            <p className="form-error" role="alert">
              {error}
            </p>
          )}
          <div className="btn-row">
            <button className="btn big" type="submit" disabled={busy}>
              Save
            </button>
          </div>
        </form>
      )}
    </section>
  );
}
