// Read aloud's row, held empty at its full height while read aloud is not ready, so that the
// fixed answer bar does not grow and push the card up (a layout shift): until its module has
// loaded (lazily, ./review-session.tsx) and until the browser's voices have (they often load
// after the page).
export function ReadAloudPending() {
  return <div className="read-aloud-row" aria-hidden="true" data-testid="read-aloud-checking" />;
}
