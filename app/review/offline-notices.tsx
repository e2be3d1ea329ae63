"use client";
import { GRADE_NAMES } from "./grade-names";
import type { OfflineStatus } from "./use-offline-copy";

// What the device's copy says: offline, grades waiting to be sent, and grades the server refused.
export function OfflineNotices({ offline, status, onDismiss }: { offline: boolean; status: OfflineStatus; onDismiss: () => void }) {
  return (
    <>
      {offline && (
        <p className="notice" role="status" data-testid="offline-banner">
          You are offline. Your answers are saved on this device and sent when the connection returns.
        </p>
      )}
      {status.waiting > 0 && (
        <p className="notice" data-testid="waiting-count">
          {status.waiting} review{status.waiting === 1 ? "" : "s"} waiting to be sent.
        </p>
      )}
      {status.refused.length > 0 && (
        <div className="form-error" role="alert" data-testid="refused-reviews">
          <p>{status.refused.length === 1 ? "One review made offline was" : `${status.refused.length} reviews made offline were`} not saved by the server:</p>
          <ul>
            {status.refused.map((r) => (
              <li key={r.clientId}>
                {GRADE_NAMES[r.rating]} on \u201c{r.prompt}\u201d ({new Date(r.reviewedAt).toLocaleString()}): {r.reason}
              </li>
            ))}
          </ul>
          <button type="button" className="btn" onClick={onDismiss}>
            Dismiss
          </button>
        </div>
      )}
    </>
  );
}
