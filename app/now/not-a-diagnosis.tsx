// The one line every page of the flare plan and the check carries, kept below the buttons.
export function NotADiagnosis() {
  return <p className="muted not-a-diagnosis">This is not a diagnosis. If you are worried, call NHS 111 or your GP.</p>;
}
