import type { InputHTMLAttributes } from "react";

// `note`: a word on the value as typed that is not an error (a warning); null while there is
// none. Its place stays in the page (empty), so that what it says is announced as it changes.
type Props = InputHTMLAttributes<HTMLInputElement> & { label: string; name: string; error?: string; hint?: string; note?: string | null };

// A labelled input whose error is announced and tied to it with aria-describedby.
export function Field({ label, name, error, hint, note, ...input }: Props) {
  const errId = `${name}-error`;
  const hintId = `${name}-hint`;
  const noteId = `${name}-note`;
  const describedBy = [hint ? hintId : null, note ? noteId : null, error ? errId : null].filter(Boolean).join(" ") || undefined;
  return (
    <div>
      <label htmlFor={name}>
        {label}{" "}
        {hint && (
          <span id={hintId} className="hint">
            {hint}
          </span>
        )}
      </label>
      <input id={name} name={name} aria-invalid={error ? true : undefined} aria-describedby={describedBy} {...input} />
      {note !== undefined && (
        <p id={noteId} className="field-note" aria-live="polite">
          {note}
        </p>
      )}
      {error && (
        <p id={errId} className="field-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
