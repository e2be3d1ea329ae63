"use client";
import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import type { RetentionGroup } from "@/lib/settings/schema";
import { applyRetentionAction } from "../actions";
import { reached } from "../../_components/reached";

// One tap sets this group's desired retention to `retention` (the settings action, checked
// again on the server); the page then shows it as the group's value.
export function ApplyRetention({ group, retention, label, wide = false }: { group: RetentionGroup; retention: number; label: string; wide?: boolean }) {
  const router = useRouter();
  const [pending, start] = useTransition();
  const [error, setError] = useState<string | null>(null);
  const percent = `${Math.round(retention * 100)}%`;
  const apply = () =>
    start(async () => {
      setError(null);
      const res = await reached(applyRetentionAction({ group, retention }));
      if (!res.ok) setError(res.error);
      else router.refresh();
    });
  return (
    <>
      <button
        type="button"
        className={wide ? "btn primary" : "btn apply-retention"}
        disabled={pending}
        onClick={apply}
        aria-label={`Use ${percent} for ${label}`}
      >
        {pending ? "Setting…" : wide ? `Use ${percent}` : "Use"}
      </button>
      {error && (
        <span className="field-error" role="alert">
          {error}
        </span>
      )}
    </>
  );
}
