"use client";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { SETTINGS_LIMITS as L, settingsSchema, type Settings, type SettingsInput } from "@/lib/validation/settings";
import { Field } from "../_components/field";
import { showFailure } from "../_components/form-errors";
import { saveSettingsAction } from "./actions";

const pct = (r: number) => Math.round(r * 1000) / 10;
const WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"] as const;

export function SettingsForm({ initial, timeZones }: { initial: Settings; timeZones: string[] }) {
  const [saved, setSaved] = useState<string | null>(null);
  const { register, handleSubmit, setError, formState } = useForm<SettingsInput, unknown, Settings>({
    resolver: zodResolver(settingsSchema),
    // Shown and typed as a percentage (90), stored as a fraction (0.9): see retentionFromInput.
    // Easy dates are typed as one comma-separated line.
    defaultValues: { ...initial, desiredRetention: pct(initial.desiredRetention), easyDates: (initial.easyDates ?? []).join(", ") },
  });
  const { errors, isSubmitting } = formState;

  const onSubmit = handleSubmit(async (values) => {
    setSaved(null);
    const res = await saveSettingsAction(values);
    if (!res.ok) {
      showFailure(setError, res, [
        "desiredRetention",
        "newCardsPerDay",
        "maximumInterval",
        "dayRolloverHour",
        "timeZone",
        "enableFuzz",
        "loadBalance",
        "easyWeekdays",
        "easyDates",
      ]);
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
        {...register("desiredRetention")}
      />
      <Field
        label="New cards per day"
        type="number"
        step="1"
        min={L.newCardsPerDay.min}
        max={L.newCardsPerDay.max}
        hint="new cards already introduced today count against it (default 10)"
        error={errors.newCardsPerDay?.message}
        {...register("newCardsPerDay")}
      />
      <div>
        <label htmlFor="timeZone">Time zone</label>
        <select id="timeZone" aria-invalid={errors.timeZone ? true : undefined} {...register("timeZone")}>
          {timeZones.includes(initial.timeZone) ? null : <option value={initial.timeZone}>{initial.timeZone}</option>}
          {timeZones.map((tz) => (
            <option key={tz} value={tz}>
              {tz}
            </option>
          ))}
        </select>
        {errors.timeZone && (
          <p className="field-error" role="alert">
            {errors.timeZone.message}
          </p>
        )}
      </div>
      <Field
        label="New day starts at (hour)"
        type="number"
        step="1"
        min={0}
        max={23}
        hint="0–23 in your time zone; reviews before this hour count for the previous day (default 4)"
        error={errors.dayRolloverHour?.message}
        {...register("dayRolloverHour")}
      />
      <fieldset className="easy-days">
        <legend>Even days and easy days</legend>
        <div>
          <label className="inline-check">
            <input type="checkbox" {...register("loadBalance")} /> Even days{" "}
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
            <select id={`easy-${i}`} {...register(`easyWeekdays.${i}` as const)}>
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
          {...register("easyDates")}
        />
      </fieldset>
      {/* FSRS's own terms wait here, each with one line on what it does. Open when one has an error. */}
      <details className="advanced" open={errors.maximumInterval || errors.enableFuzz ? true : undefined}>
        <summary>Advanced</summary>
        <Field
          label="Maximum interval (days)"
          type="number"
          step="1"
          min={L.maximumInterval.min}
          max={L.maximumInterval.max}
          hint="the longest gap allowed between two reviews of a card (default 36500, no real limit)"
          error={errors.maximumInterval?.message}
          {...register("maximumInterval")}
        />
        <div>
          <label className="inline-check">
            <input type="checkbox" {...register("enableFuzz")} /> Fuzz{" "}
            <span className="hint">moves each due date a day or so at random, so cards learned together do not all come back on the same day</span>
          </label>
          {errors.enableFuzz && (
            <p className="field-error" role="alert">
              {errors.enableFuzz.message}
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
