"use client";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { DECK_SETTINGS_LIMITS as L, deckSettingsSchema, type DeckSettings, type DeckSettingsInput } from "@/lib/validation/deck-settings";
import { Field } from "../_components/field";
import { showFailure } from "../_components/form-errors";
import { saveDeckSettingsAction } from "./deck-actions";

export function DeckSettingsForm({ initial }: { initial: DeckSettings }) {
  const [saved, setSaved] = useState<string | null>(null);
  const { register, handleSubmit, setError, formState } = useForm<DeckSettingsInput, unknown, DeckSettings>({
    resolver: zodResolver(deckSettingsSchema),
    defaultValues: initial,
  });
  const { errors, isSubmitting } = formState;

  const onSubmit = handleSubmit(async (values) => {
    setSaved(null);
    const res = await saveDeckSettingsAction(values);
    if (!res.ok) {
      showFailure(setError, res, ["reviewsPerDay", "leechThreshold", "leechAction"]);
      if (Object.keys(res.fieldErrors).length) setError("root", { message: res.error });
      return;
    }
    setSaved("Saved.");
  });

  return (
    <form onSubmit={onSubmit} noValidate aria-label="Daily reviews and leeches">
      <h2>Daily reviews</h2>
      {errors.root && (
        <p className="form-error" role="alert">
          {errors.root.message}
        </p>
      )}
      <Field
        label="Reviews per day"
        type="number"
        step="1"
        min={L.reviewsPerDay.min}
        max={L.reviewsPerDay.max}
        hint="0–9999; reviews and new cards done today count against it; what is over it waits for later days (default 200)"
        error={errors.reviewsPerDay?.message}
        {...register("reviewsPerDay")}
      />
      <details className="advanced" open={errors.leechThreshold || errors.leechAction ? true : undefined}>
        <summary>Advanced: leeches</summary>
        <p className="hint">A leech is a card you keep forgetting: reviewing it again and again costs time, and rereading its lesson helps more.</p>
        <Field
          label="Leech threshold (times forgotten)"
          type="number"
          step="1"
          min={L.leechThreshold.min}
          max={L.leechThreshold.max}
          hint="a card forgotten this many times is a leech, and again every half as many more (default 8)"
          error={errors.leechThreshold?.message}
          {...register("leechThreshold")}
        />
        <div>
          <label htmlFor="leechAction">When a card becomes a leech</label>
          <select id="leechAction" aria-invalid={errors.leechAction ? true : undefined} {...register("leechAction")}>
            <option value="suspend">Flag it and suspend it</option>
            <option value="flag">Flag it only</option>
          </select>
          {errors.leechAction && (
            <p className="field-error" role="alert">
              {errors.leechAction.message}
            </p>
          )}
        </div>
      </details>
      <div className="btn-row">
        <button className="btn primary" type="submit" disabled={isSubmitting}>
          {isSubmitting ? "Saving…" : "Save"}
        </button>
      </div>
      <p role="status" aria-live="polite">
        {saved}
      </p>
    </form>
  );
}
