"use client";

// How the four grades work, shown once before a new learner's first card.
export function GradeGuide({ onClose }: { onClose: () => void }) {
  return (
    <section className="panel" aria-labelledby="guide-h" data-testid="grade-guide">
      <h2 id="guide-h" className="panel-title">
        How reviewing works
      </h2>
      <p>
        You see a question. Think of the answer, then press <strong>Show answer</strong> and say how well you remembered:
      </p>
      <ul className="grade-guide">
        <li className="g1">
          <strong>Again</strong>: you forgot. The card comes back in a minute or so.
        </li>
        <li className="g2">
          <strong>Hard</strong>: you remembered with real effort.
        </li>
        <li className="g3">
          <strong>Good</strong>: you remembered. Press this most of the time.
        </li>
        <li className="g4">
          <strong>Easy</strong>: it was instant. The card comes back much later.
        </li>
      </ul>
      <p className="muted">Each button shows when you will see the card again. Made a mistake? Undo takes back your last answer.</p>
      <div className="answer-bar">
        <button type="button" className="btn primary reveal" onClick={onClose} autoFocus>
          Start my first review
        </button>
      </div>
    </section>
  );
}
