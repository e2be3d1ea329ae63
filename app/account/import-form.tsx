"use client";
import { useState } from "react";
import Link from "next/link";
import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { importFileSchema, type ImportFileInput } from "@/lib/portability/schema";
import type { ImportSummary } from "@/lib/portability/import";
import { Field } from "../_components/field";

const plural = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString("en")} ${n === 1 ? one : many}`;

function describe(s: ImportSummary): string {
  const parts = [
    plural(s.cards, "card"),
    plural(s.reviewLogs, "review"),
    plural(s.quizAttempts, "quiz attempt"),
    plural(s.parameterSets, "saved parameter set"),
  ];
  const skipped = s.skippedCards
    ? ` ${plural(s.skippedCards, "card")} this server does not have ${s.skippedCards === 1 ? "was" : "were"} left out, with their reviews.`
    : "";
  return `Imported ${parts.join(", ")}.${skipped}`;
}

// The file goes to the server as it is, so a large export is never copied into a string here.
export function ImportForm() {
  const { register, handleSubmit, setError, formState } = useForm<ImportFileInput>({ resolver: zodResolver(importFileSchema) });
  const { errors, isSubmitting } = formState;
  const [summary, setSummary] = useState<string | null>(null);

  const onSubmit = handleSubmit(async ({ file }) => {
    setSummary(null);
    let res: Response;
    try {
      res = await fetch("/api/account/import", { method: "POST", headers: { "Content-Type": "application/json" }, body: file[0] as File });
    } catch {
      setError("file", { message: "The file could not be sent. Check your connection and try again; nothing was imported." });
      return;
    }
    const data = (await res.json().catch(() => null)) as ({ ok: true } & ImportSummary) | { ok: false; error: string } | null;
    if (!data?.ok) {
      setError("file", { message: data?.error ?? "The import failed on our side. Nothing was imported; please try again." });
      return;
    }
    setSummary(describe(data));
  });

  return (
    <form onSubmit={onSubmit} noValidate aria-label="Import data">
      <Field
        label="Import from an Unknot export (.json)"
        type="file"
        accept=".json,application/json"
        hint="the “Everything (JSON)” file from this or another Unknot server"
        error={errors.file?.message}
        {...register("file", { onChange: () => setSummary(null) })}
      />
      <div className="btn-row">
        <button className="btn" type="submit" disabled={isSubmitting}>
          {isSubmitting ? "Importing…" : "Import"}
        </button>
      </div>
      <p role="status" aria-live="polite" data-testid="import-summary">
        {summary}
        {summary && (
          <>
            {" "}
            See your <Link href="/progress">progress</Link>.
          </>
        )}
      </p>
    </form>
  );
}
