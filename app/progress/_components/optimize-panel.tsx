"use client";
import Link from "next/link";
import { useCallback, useEffect, useState } from "react";
import { useRouter } from "next/navigation";
import type { JobView, ParameterStatus } from "@/lib/optimizer/jobs";
import { healthCheck, heldOutItems, verdictOf } from "@/lib/optimizer/verdict";
import { STARTED_NOTICE, visibleNotice } from "./optimize-notice";

type Reply = { ok: boolean; error?: string; job?: JobView };

async function call(url: string, body?: unknown): Promise<Reply> {
  const res = await fetch(
    url,
    body === undefined ? { cache: "no-store" } : { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) },
  );
  try {
    return (await res.json()) as Reply;
  } catch {
    return { ok: false, error: "The server did not answer. Please try again." };
  }
}

const fmt = (x: number) => x.toFixed(4);
const active = (j: JobView | null) => j?.status === "queued" || j?.status === "running";

// Polls the job once a second while it is queued or running; the fit runs on the server.
export function OptimizePanel({ initial }: { initial: ParameterStatus }) {
  const router = useRouter();
  const [job, setJob] = useState<JobView | null>(initial.latestJob);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (!job || !active(job)) return;
    const t = setTimeout(async () => {
      const r = await call(`/api/progress/optimize?job=${encodeURIComponent(job.id)}`);
      if (r.ok && r.job) setJob(r.job);
      else setError(r.error ?? "Could not read the optimiser's progress.");
    }, 1000);
    return () => clearTimeout(t);
  }, [job]);

  const act = useCallback(
    async (url: string, body: unknown, done: string) => {
      setBusy(true);
      setError(null);
      setNotice(null);
      const r = await call(url, body);
      setBusy(false);
      if (!r.ok) return setError(r.error ?? "Something went wrong.");
      if (r.job) setJob(r.job);
      else setJob((j) => (j && url.endsWith("/apply") ? { ...j, status: "applied" } : j && url.endsWith("/dismiss") ? { ...j, status: "dismissed" } : j));
      setNotice(done);
      router.refresh();
    },
    [router],
  );

  const { count, threshold } = initial;
  const status = visibleNotice(notice, job);
  const running = active(job);
  const result = job?.status === "done" ? job : null;
  // New parameters are offered only when they predict better than those in use; with enough
  // history a health check says in plain words what would help (lib/optimizer/verdict.ts).
  const offer = result?.defaultEval && result.newEval ? verdictOf(result.defaultEval, result.newEval, initial.personal).offer : false;
  const health = result?.newEval ? healthCheck(result.items, result.newEval, initial.leeches) : null;

  return (
    <div className="panel" aria-labelledby="params-h">
      <h3 id="params-h" className="panel-title">
        Personal FSRS parameters
      </h3>
      <p>
        You are using <strong>{initial.personal ? "personal parameters" : "the standard FSRS parameters"}</strong>. Unknot can fit its memory model to how you
        yourself remember, once it has enough of your history: {threshold} reviews of cards on a later day than you first saw them.
      </p>
      {count.enough ? (
        <p className="muted">You have {count.exact ? count.items : `at least ${count.items}`}: enough.</p>
      ) : (
        <p className="notice" id="optimize-why">
          Not enough history yet: {count.items} of {threshold}. The button unlocks once you have reviewed cards on later days.
        </p>
      )}
      <div className="btn-row">
        <button
          type="button"
          className="btn primary"
          disabled={!count.enough || running || busy}
          aria-describedby={count.enough ? undefined : "optimize-why"}
          onClick={() => act("/api/progress/optimize", {}, STARTED_NOTICE)}
        >
          Optimize my schedule
        </button>
        {initial.canRestore && (
          <button
            type="button"
            className="btn"
            disabled={busy || running}
            onClick={() =>
              act(
                "/api/progress/parameters/restore",
                {},
                "Previous parameters restored. They affect future reviews only; to move cards already scheduled, reschedule them on Settings.",
              )
            }
          >
            Restore previous parameters{initial.restoreTo === "defaults" ? " (standard)" : ""}
          </button>
        )}
      </div>

      {running && job && (
        <div className="optimize-progress">
          <label htmlFor="optimize-bar">{job.status === "queued" ? "Waiting for the optimiser…" : "Optimising…"}</label>
          <progress id="optimize-bar" max={1} value={job.progress} aria-valuetext={`${Math.round(job.progress * 100)}%`} />
        </div>
      )}
      {job?.status === "failed" && (
        <p className="form-error" role="alert">
          {job.message}
        </p>
      )}
      {result && result.defaultEval && result.newEval && (
        <div className="optimize-result" data-testid="optimize-result">
          <p data-testid="optimize-verdict">{verdictOf(result.defaultEval, result.newEval, initial.personal).message}</p>
          {health && (
            <div data-testid="health-check">
              <p>{health.summary}</p>
              {health.tips.length > 0 && (
                <ul>
                  {health.tips.map((t) => (
                    <li key={t}>{t}</li>
                  ))}
                </ul>
              )}
            </div>
          )}
          <details className="advanced">
            <summary>Advanced: how this is measured</summary>
            <p className="hint">
              {result.items} training items (a training item is a review of a card on a later day than its first). Both sets predicted your later{" "}
              {heldOutItems(result.items)} of them; the new parameters were fitted only on the reviews before the ones they predicted, five times over
              (time-series splits). Lower is better for both measures:
            </p>
            <ul className="hint">
              <li>Log loss: how surprised the model is by your real answers, on average.</li>
              <li>RMSE (bins): the gap between the predicted and the real share remembered, over groups of similar reviews.</li>
            </ul>
            <table>
              <thead>
                <tr>
                  <th scope="col">Parameters</th>
                  <th scope="col">Log loss</th>
                  <th scope="col">RMSE (bins)</th>
                </tr>
              </thead>
              <tbody>
                <tr>
                  <th scope="row">{initial.personal ? "Current (yours)" : "Current (standard)"}</th>
                  <td>{fmt(result.defaultEval.logLoss)}</td>
                  <td>{fmt(result.defaultEval.rmseBins)}</td>
                </tr>
                <tr>
                  <th scope="row">New</th>
                  <td>{fmt(result.newEval.logLoss)}</td>
                  <td>{fmt(result.newEval.rmseBins)}</td>
                </tr>
              </tbody>
            </table>
            <p className="hint">Applying uses parameters fitted on all {result.items} items.</p>
          </details>
          <div className="btn-row">
            {offer ? (
              <>
                <button
                  type="button"
                  className="btn primary"
                  disabled={busy}
                  onClick={() =>
                    act(
                      "/api/progress/optimize/apply",
                      { jobId: result.id },
                      "Personal parameters applied. They affect future reviews only; to move cards already scheduled, reschedule them on Settings.",
                    )
                  }
                >
                  Apply
                </button>
                <button
                  type="button"
                  className="btn"
                  disabled={busy}
                  onClick={() => act("/api/progress/optimize/dismiss", { jobId: result.id }, "Kept your current parameters.")}
                >
                  {initial.personal ? "Keep current parameters" : "Keep defaults"}
                </button>
              </>
            ) : (
              <button
                type="button"
                className="btn"
                disabled={busy}
                onClick={() => act("/api/progress/optimize/dismiss", { jobId: result.id }, "Kept your current parameters.")}
              >
                OK, keep them
              </button>
            )}
          </div>
        </div>
      )}
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      <p role="status" aria-live="polite">
        {status}
        {status?.includes("reschedule them on Settings") && (
          <>
            {" "}
            <Link href="/settings#reschedule">Reschedule cards</Link>
          </>
        )}
      </p>
    </div>
  );
}
