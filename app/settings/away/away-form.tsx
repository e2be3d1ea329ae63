"use client";
import { useState } from "react";
import { useRouter } from "next/navigation";
import { Field } from "@/app/_components/field";
import { describeMoves } from "@/lib/srs/away/plan";
import type { AwayPeriodView, AwayPreview } from "@/lib/srs/away";
import { previewAwayAction, setAwayAction, undoAwayAction } from "./actions";
import { reached } from "../../_components/reached";

const plural = (n: number) => `${n} card${n === 1 ? "" : "s"}`;
const dateLabel = (iso: string) =>
  new Intl.DateTimeFormat("en-GB", { timeZone: "UTC", weekday: "short", day: "numeric", month: "short" }).format(new Date(`${iso}T00:00:00Z`));

// Name the days away, see what moves, confirm; the breaks set so far each have an undo.
export function AwayForm({ today, periods }: { today: string; periods: AwayPeriodView[] }) {
  const router = useRouter();
  const [start, setStart] = useState(today);
  const [end, setEnd] = useState(today);
  const [preview, setPreview] = useState<AwayPreview | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string[]>>({});
  const [done, setDone] = useState<string | null>(null);

  const fail = (r: { error: string; fieldErrors?: Record<string, string[]> }) => {
    setError(r.error);
    setFieldErrors(r.fieldErrors ?? {});
  };
  const begin = () => {
    setBusy(true);
    setError(null);
    setFieldErrors({});
    setDone(null);
  };

  const onPreview = async (e: React.FormEvent) => {
    e.preventDefault();
    begin();
    const r = await reached(previewAwayAction({ start, end }));
    setBusy(false);
    if (!r.ok) return fail(r);
    setPreview(r.preview);
  };

  const onConfirm = async () => {
    if (!preview) return;
    begin();
    const r = await reached(setAwayAction({ start: preview.start, end: preview.end }));
    setBusy(false);
    if (!r.ok) return fail(r);
    setPreview(null);
    setDone(`Break saved. ${describeMoves(r.result.summary)}`);
    router.refresh();
  };

  const onUndo = async (periodId: string) => {
    begin();
    const r = await reached(undoAwayAction({ periodId }));
    setBusy(false);
    if (!r.ok) return fail(r);
    setDone(`Break undone: ${plural(r.restored)} back where they were${r.skipped ? `; ${plural(r.skipped)} reviewed since keep that review` : ""}.`);
    router.refresh();
  };

  return (
    <>
      <form onSubmit={(e) => void onPreview(e)} noValidate aria-labelledby="away-h">
        <h2 id="away-h">Days away</h2>
        <Field
          label="First day away"
          name="start"
          type="date"
          min={today}
          value={start}
          required
          onChange={(e) => {
            setStart(e.target.value);
            if (end < e.target.value) setEnd(e.target.value);
            setPreview(null);
          }}
          error={fieldErrors.start?.[0]}
        />
        <Field
          label="Last day away"
          name="end"
          type="date"
          min={start}
          value={end}
          required
          onChange={(e) => {
            setEnd(e.target.value);
            setPreview(null);
          }}
          error={fieldErrors.end?.[0]}
        />
        {!preview && (
          <div className="btn-row">
            <button type="submit" className="btn" disabled={busy}>
              {busy ? "Working…" : "Show what would move"}
            </button>
          </div>
        )}
      </form>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      {preview && (
        <div className="notice" data-testid="away-preview">
          <p>
            Away {dateLabel(preview.start)} to {dateLabel(preview.end)}; cards spread over the {preview.spreadDays} days after.
          </p>
          <p>{describeMoves(preview.summary)}</p>
          <div className="btn-row">
            <button type="button" className="btn primary" disabled={busy} onClick={() => void onConfirm()}>
              {preview.summary.moved ? `Move ${plural(preview.summary.moved)}` : "Save my break"}
            </button>
            <button type="button" className="btn" disabled={busy} onClick={() => setPreview(null)}>
              Cancel
            </button>
          </div>
        </div>
      )}
      <p role="status" aria-live="polite">
        {done}
      </p>
      {periods.length > 0 && (
        <section aria-labelledby="breaks-h">
          <h2 id="breaks-h">Your breaks</h2>
          <ul>
            {periods.map((p) => (
              <li key={p.id}>
                {dateLabel(p.start)} to {dateLabel(p.end)}: {plural(p.moved)} moved.{" "}
                <button type="button" className="btn" disabled={busy} onClick={() => void onUndo(p.id)}>
                  Undo this break
                </button>
              </li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}
