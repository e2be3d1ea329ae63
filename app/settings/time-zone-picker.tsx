"use client";
import { useState, useSyncExternalStore } from "react";
import { flushSync } from "react-dom";
import type { UseFormRegisterReturn } from "react-hook-form";
import { matchTimeZones } from "./time-zones";

const noSubscription = () => () => {};

// The time-zone select of /settings with a search box that narrows its 400-odd options and a
// button that picks the zone this device is set to.
export function TimeZonePicker({
  timeZones,
  saved,
  value,
  onPick,
  error,
  register,
}: {
  timeZones: string[];
  saved: string;
  value: string | undefined;
  onPick: (tz: string) => void;
  error?: string;
  // With the saved zone as its default, so that the HTML shows it before the scripts run.
  register: UseFormRegisterReturn<"timeZone"> & { defaultValue: string };
}) {
  const [query, setQuery] = useState("");
  // The device's zone is known only in the browser: none while the server renders.
  const device = useSyncExternalStore(
    noSubscription,
    () => Intl.DateTimeFormat().resolvedOptions().timeZone || null,
    () => null,
  );
  // The saved zone and this device's are always choices, even where the server's list lacks them.
  const extra = [saved, device].filter((tz): tz is string => !!tz && !timeZones.includes(tz));
  const all = [...new Set([...extra, ...timeZones])];
  const shown = matchTimeZones(all, query, value);
  const useDevice = () => {
    const tz = Intl.DateTimeFormat().resolvedOptions().timeZone;
    if (!tz) return;
    // The full list first, so that the select has the zone's option when it is picked.
    flushSync(() => setQuery(""));
    onPick(tz);
  };
  return (
    <fieldset className="time-zone">
      <legend>Time zone</legend>
      <label htmlFor="timeZoneSearch">
        Find a zone <span className="hint">a city or region, for example London</span>
      </label>
      <input
        id="timeZoneSearch"
        type="search"
        autoComplete="off"
        value={query}
        onChange={(e) => setQuery(e.target.value)}
        // Enter in the search box narrows the list; it does not save the form.
        onKeyDown={(e) => e.key === "Enter" && e.preventDefault()}
        aria-controls="timeZone"
      />
      <label htmlFor="timeZone">
        Zone{" "}
        <span className="hint" aria-live="polite">
          {query ? `${shown.length} match${shown.length === 1 ? "" : "es"}` : `${all.length} zones`}
        </span>
      </label>
      <select id="timeZone" aria-invalid={error ? true : undefined} {...register}>
        {shown.map((tz) => (
          <option key={tz} value={tz}>
            {tz.replace(/_/g, " ")}
          </option>
        ))}
      </select>
      <div className="btn-row">
        <button type="button" className="btn" onClick={useDevice} disabled={device !== null && device === value}>
          Use this device&apos;s zone{device ? ` (${device.replace(/_/g, " ")})` : ""}
        </button>
      </div>
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
    </fieldset>
  );
}
