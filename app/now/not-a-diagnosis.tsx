// The one line every page of the flare plan and the check carries, kept below the buttons.
export function NotADiagnosis() {
  return <p className="muted not-a-diagnosis">This is not a diagnosis, only a guide to how soon to get help.</p>;
}
