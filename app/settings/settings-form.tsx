"use client";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { SETTINGS_LIMITS as L, settingsSchema, type Settings, type SettingsInput } from "@/lib/validation/settings";
import { Field } from "../_components/field";
import { showFailure } from "../_components/form-errors";
import { saveSettingsAction } from "./actions";

export function SettingsForm({ initial, timeZones }: { initial: Settings; timeZones: string[] }) {
  const [saved, setSaved] = useState<string | null>(null);
  const { register, handleSubmit, setError, formState } = useForm<SettingsInput, unknown, Settings>({
    resolver: zodResolver(settingsSchema),
    defaultValues: initial,
  });
  const { errors, isSubmitting } = formState;

  const onSubmit = handleSubmit(async (values) => {
    setSaved(null);
    const res = await saveSettingsAction(values);
    if (!res.ok) {
      showFailure(setError, res, ["desiredRetention", "newCardsPerDay", "maximumInterval", "dayRolloverHour", "timeZone", "enableFuzz"]);
      if (Object.keys(res.fieldErrors).length) setError("root", { message: res.error });
      return;
    }
    setSaved("Settings saved.");
  });

  return (
    <form onSubmit={onSubmit} noValidate aria-label="Settings">
      {errors.root && <p className="form-error" role="alert">{errors.root.message}</p>}
      <Field label="Desired retention" type="number" step="0.01" min={L.desiredRetention.min} max={L.desiredRetention.max}
        hint={`${L.desiredRetention.min}–${L.desiredRetention.max}; the chance of recalling a card when it comes due (default 0.90)`}
        error={errors.desiredRetention?.message} {...register("desiredRetention")} />
      <Field label="New cards per day" type="number" step="1" min={L.newCardsPerDay.min} max={L.newCardsPerDay.max}
        hint="new cards already introduced today count against it (default 10)" error={errors.newCardsPerDay?.message} {...register("newCardsPerDay")} />
      <Field label="Maximum interval (days)" type="number" step="1" min={L.maximumInterval.min} max={L.maximumInterval.max}
        hint="the longest gap between reviews (default 36500)" error={errors.maximumInterval?.message} {...register("maximumInterval")} />
      <div>
        <label htmlFor="timeZone">Time zone</label>
        <select id="timeZone" aria-invalid={errors.timeZone ? true : undefined} {...register("timeZone")}>
          {timeZones.includes(initial.timeZone) ? null : <option value={initial.timeZone}>{initial.timeZone}</option>}
          {timeZones.map((tz) => <option key={tz} value={tz}>{tz}</option>)}
        </select>
        {errors.timeZone && <p className="field-error" role="alert">{errors.timeZone.message}</p>}
      </div>
      <Field label="New day starts at (hour)" type="number" step="1" min={0} max={23}
        hint="0–23 in your time zone; reviews before this hour count for the previous day (default 4)" error={errors.dayRolloverHour?.message} {...register("dayRolloverHour")} />
      <div>
        <label>
          <input type="checkbox" {...register("enableFuzz")} /> Fuzz intervals{" "}
          <span className="hint">spreads reviews of cards learned together over nearby days</span>
        </label>
        {errors.enableFuzz && <p className="field-error" role="alert">{errors.enableFuzz.message}</p>}
      </div>
      <div className="btn-row">
        <button className="btn primary" type="submit" disabled={isSubmitting}>{isSubmitting ? "Saving…" : "Save settings"}</button>
      </div>
      <p role="status" aria-live="polite">{saved}</p>
    </form>
  );
}
