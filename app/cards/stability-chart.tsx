import { zoned, days } from "./format";

type Point = { at: string; stability: number };

// Stability after each live review, over time: SVG drawn on the server (as /progress's charts),
// role="img" with a title and description, and its numbers as a table for a text alternative.
export function StabilityChart({ points, timeZone }: { points: Point[]; timeZone: string }) {
  if (points.length === 0) return <p className="muted">No reviews yet, so no stability to draw.</p>;
  const W = 640,
    H = 200,
    left = 44,
    right = 12,
    top = 12,
    bottom = 28;
  const t0 = new Date(points[0]!.at).getTime();
  const t1 = Math.max(t0 + 1, new Date(points[points.length - 1]!.at).getTime());
  const max = Math.max(1, ...points.map((p) => p.stability));
  const x = (iso: string) => left + ((new Date(iso).getTime() - t0) / (t1 - t0)) * (W - left - right);
  const y = (s: number) => top + (H - top - bottom) * (1 - s / max);
  const path = points.map((p, i) => `${i ? "L" : "M"}${x(p.at).toFixed(1)},${y(p.stability).toFixed(1)}`).join(" ");
  const last = points[points.length - 1]!;
  return (
    <figure className="chart-figure" data-testid="stability-chart">
      {/* Scrolls sideways on a phone: focusable so that a keyboard can scroll it too. */}
      <div className="table-scroll" tabIndex={0} role="region" aria-label="Stability chart, scrolls sideways">
        <svg className="chart" viewBox={`0 0 ${W} ${H}`} style={{ minWidth: W }} role="img" aria-labelledby="stab-t stab-d">
          <title id="stab-t">Stability after each review</title>
          <desc id="stab-d">{`${points.length} reviews; stability now ${days(last.stability)} days, highest ${days(max)} days.`}</desc>
          <line x1={left} x2={W - right} y1={y(0)} y2={y(0)} stroke="currentColor" strokeOpacity={0.4} />
          <text x={left - 4} y={y(max) + 4} textAnchor="end" fontSize={12} fill="currentColor">{`${days(max)}d`}</text>
          <text x={left - 4} y={y(0) + 4} textAnchor="end" fontSize={12} fill="currentColor">
            0
          </text>
          <text x={left} y={H - 8} fontSize={12} fill="currentColor">
            {zoned(points[0]!.at, timeZone, false)}
          </text>
          <text x={W - right} y={H - 8} textAnchor="end" fontSize={12} fill="currentColor">
            {zoned(last.at, timeZone, false)}
          </text>
          <path d={path} fill="none" stroke="var(--accent)" strokeWidth={2} />
          {points.map((p, i) => (
            <circle key={i} cx={x(p.at)} cy={y(p.stability)} r={3.5} fill="var(--accent)">
              <title>{`${zoned(p.at, timeZone)}: ${days(p.stability)} days`}</title>
            </circle>
          ))}
        </svg>
      </div>
      <details className="chart-data">
        <summary>Show the numbers</summary>
        <table>
          <thead>
            <tr>
              <th scope="col">Review</th>
              <th scope="col">Stability after (days)</th>
            </tr>
          </thead>
          <tbody>
            {points.map((p, i) => (
              <tr key={i}>
                <td>{zoned(p.at, timeZone)}</td>
                <td>{days(p.stability)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
