"use client";
import { useMemo, useState } from "react";
import { useForm, useWatch } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import type { z } from "zod";
import type { settingsSchema, SettingsInput } from "@/lib/settings/schema";
import { SETTINGS_LIMITS as L, typedRetentionWarning } from "@/lib/settings/limits";
import { lazyResolver } from "../_components/lazy-resolver";
import { Field } from "../_components/field";
import { showFailure } from "../_components/form-errors";
import { saveSettingsAction } from "./actions";
import { TimeZonePicker } from "./time-zone-picker";
import { savedFields } from "../_components/saved-fields";
import { reached } from "../_components/reached";

const pct = (r: number) => Math.round(r * 1000) / 10;
const WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"] as const;

// All of /settings' scheduling options in one form with one Save and one schema
// (lib/settings/schema.ts), checked in the browser and again by the action. The schema loads with
// the first Save (lazyResolver), not with the page.
type Input = z.input<typeof settingsSchema>;
const resolver = lazyResolver(async () => zodResolver((await import("@/lib/settings/schema")).settingsSchema));

export function SettingsForm({ initial, timeZones }: { initial: Required<SettingsInput>; timeZones: string[] }) {
  const [saved, setSaved] = useState<string | null>(null);
  const defaultValues = useMemo(
    () => ({
      ...initial,
      // Shown and typed as percentages (90), stored as fractions (0.9): see retentionFromInput.
      desiredRetention: pct(initial.desiredRetention),
      safetyRetention: pct(initial.safetyRetention),
      // Easy dates are typed as one comma-separated line.
      easyDates: initial.easyDates.join(", "),
    }),
    [initial],
  );
  const { register, handleSubmit, setError, setValue, control, formState } = useForm<Input, unknown, SettingsInput>({
    resolver,
    defaultValues,
  });
  const { errors, isSubmitting } = formState;
  const field = savedFields(register, defaultValues);
  const timeZone = useWatch({ control, name: "timeZone" });
  // A word below 80% and above 95% as the learner types (allowed, but costly either way).
  const [generalTyped, safetyTyped] = useWatch({ control, name: ["desiredRetention", "safetyRetention"] });

  const onSubmit = handleSubmit(async (values) => {
    setSaved(null);
    const res = await reached(saveSettingsAction(values));
    if (!res.ok) {
      showFailure(setError, res, Object.keys(initial) as (keyof SettingsInput)[]);
      if (Object.keys(res.fieldErrors).length) setError("root", { message: res.error });
      return;
    }
    setSaved("Settings saved.");
  });

  return (
    <form onSubmit={onSubmit} noValidate aria-label="Settings">
      {errors.root && (
        <p className="form-error" role="alert">
          {errors.root.message}
        </p>
      )}
      <Field
        label="How much to remember (%)"
        type="number"
        inputMode="numeric"
        step="1"
        min={pct(L.desiredRetention.min)}
        max={pct(L.desiredRetention.max)}
        hint={`${pct(L.desiredRetention.min)}–${pct(L.desiredRetention.max)}: the share of cards you recall when they come up; higher means more reviews (default 90)`}
        error={errors.desiredRetention?.message}
        note={typedRetentionWarning(generalTyped)}
        {...field.value("desiredRetention")}
      />
      <Field
        label="Warning signs: how much to remember (%)"
        type="number"
        inputMode="numeric"
        step="1"
        min={pct(L.safetyRetention.min)}
        max={pct(L.safetyRetention.max)}
        hint={`${pct(L.safetyRetention.min)}–${pct(L.safetyRetention.max)}: the same for the cards on when to get help, which should not fade (default 95)`}
        error={errors.safetyRetention?.message}
        note={typedRetentionWarning(safetyTyped)}
        {...field.value("safetyRetention")}
      />
      <Field
        label="New cards per day"
        type="number"
        inputMode="numeric"
        step="1"
        min={L.newCardsPerDay.min}
        max={L.newCardsPerDay.max}
        hint="new cards already introduced today count against it (default 10)"
        error={errors.newCardsPerDay?.message}
        {...field.value("newCardsPerDay")}
      />
      <Field
        label="Reviews per day"
        type="number"
        inputMode="numeric"
        step="1"
        min={L.reviewsPerDay.min}
        max={L.reviewsPerDay.max}
        hint="0–9999; reviews and new cards done today count against it; what is over it waits for later days (default 200)"
        error={errors.reviewsPerDay?.message}
        {...field.value("reviewsPerDay")}
      />
      <TimeZonePicker
        timeZones={timeZones}
        saved={initial.timeZone}
        value={timeZone}
        onPick={(tz) => setValue("timeZone", tz, { shouldDirty: true, shouldValidate: true })}
        error={errors.timeZone?.message}
        register={{ ...register("timeZone"), defaultValue: defaultValues.timeZone }}
      />
      <Field
        label="New day starts at (hour)"
        type="number"
        inputMode="numeric"
        step="1"
        min={0}
        max={23}
        hint="0–23 in your time zone; reviews before this hour count for the previous day (default 4)"
        error={errors.dayRolloverHour?.message}
        {...field.value("dayRolloverHour")}
      />
      <fieldset>
        <legend>Reviewing</legend>
        <label className="inline-check">
          <input type="checkbox" data-testid="two-buttons" {...field.checkbox("twoButtonGrading")} /> Two buttons{" "}
          <span className="hint">
            grade with <b>Forgot</b> and <b>Remembered</b> (counted as Again and Good) instead of four; on the answer you can also swipe the card, right for
            Remembered, left for Forgot
          </span>
        </label>
        {errors.twoButtonGrading && (
          <p className="field-error" role="alert">
            {errors.twoButtonGrading.message}
          </p>
        )}
      </fieldset>
      <fieldset className="easy-days">
        <legend>Even days and easy days</legend>
        <div>
          <label className="inline-check">
            <input type="checkbox" {...field.checkbox("loadBalance")} /> Even days{" "}
            <span className="hint">spreads reviews over quieter days nearby, and keeps cards of one lesson section apart</span>
          </label>
          {errors.loadBalance && (
            <p className="field-error" role="alert">
              {errors.loadBalance.message}
            </p>
          )}
        </div>
        <p className="hint">On a lighter day, even days move reviews to the days around it: Reduced takes fewer, Minimum none it can avoid.</p>
        {WEEKDAYS.map((day, i) => (
          <div key={day} className="easy-day">
            <label htmlFor={`easy-${i}`}>{day}</label>
            <select id={`easy-${i}`} {...field.value(`easyWeekdays.${i}` as const)}>
              <option value="normal">Normal</option>
              <option value="reduced">Reduced</option>
              <option value="minimum">Minimum</option>
            </select>
          </div>
        ))}
        {errors.easyWeekdays && (
          <p className="field-error" role="alert">
            {errors.easyWeekdays.message ?? "Choose Normal, Reduced or Minimum for each day"}
          </p>
        )}
        <Field
          label="Days off (dates)"
          type="text"
          inputMode="text"
          placeholder="2026-12-25, 2026-12-26"
          hint="YYYY-MM-DD, separated by commas: each is a Minimum day"
          error={errors.easyDates?.message}
          {...field.value("easyDates")}
        />
      </fieldset>
      {/* FSRS's own terms wait here, each with one line on what it does. Open when one has an error. */}
      <details className="advanced" open={errors.maximumInterval || errors.enableFuzz || errors.leechThreshold || errors.leechAction ? true : undefined}>
        <summary>Advanced</summary>
        <Field
          label="Maximum interval (days)"
          type="number"
          inputMode="numeric"
          step="1"
          min={L.maximumInterval.min}
          max={L.maximumInterval.max}
          hint="the longest gap allowed between two reviews of a card (default 36500, no real limit)"
          error={errors.maximumInterval?.message}
          {...field.value("maximumInterval")}
        />
        <div>
          <label className="inline-check">
            <input type="checkbox" {...field.checkbox("enableFuzz")} /> Fuzz{" "}
            <span className="hint">moves each due date a day or so at random, so cards learned together do not all come back on the same day</span>
          </label>
          {errors.enableFuzz && (
            <p className="field-error" role="alert">
              {errors.enableFuzz.message}
            </p>
          )}
        </div>
        <p className="hint">A leech is a card you keep forgetting: reviewing it again and again costs time, and rereading its lesson helps more.</p>
        <Field
          label="Leech threshold (times forgotten)"
          type="number"
          inputMode="numeric"
          step="1"
          min={L.leechThreshold.min}
          max={L.leechThreshold.max}
          hint="a card forgotten this many times is a leech, and again every half as many more (default 8)"
          error={errors.leechThreshold?.message}
          {...field.value("leechThreshold")}
        />
        <div>
          <label htmlFor="leechAction">When a card becomes a leech</label>
          <select id="leechAction" aria-invalid={errors.leechAction ? true : undefined} {...field.value("leechAction")}>
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
          {isSubmitting ? "Saving…" : "Save settings"}
        </button>
      </div>
      <p role="status" aria-live="polite">
        {saved}
      </p>
    </form>
  );
}
