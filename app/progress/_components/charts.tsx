import { heatmapLayout } from "@/lib/progress/heatmap";
import { dayLabel, type DayCount } from "@/lib/progress/series";

// Charts are SVG rendered on the server: no chart library and no client JavaScript, so they
// appear with the page, print, and work with scripts off. Colours come from currentColor and
// the CSS variables in globals.css, so they follow light and dark mode. Each chart is
// role="img" with a <title> and <desc>, and carries its numbers as a table in a <details>
// element as the text alternative.

type Bar = { key: string | number; label: string; value: number };

export function BarChart({ id, title, desc, bars, valueLabel, tickEvery = 7 }: { id: string; title: string; desc: string; bars: Bar[]; valueLabel: string; tickEvery?: number }) {
  const W = 640, H = 180, left = 34, bottom = 24, top = 10;
  const max = Math.max(1, ...bars.map((b) => b.value));
  const step = (W - left) / Math.max(1, bars.length);
  const barW = Math.max(2, step * 0.72);
  const y = (v: number) => top + (H - top - bottom) * (1 - v / max);
  return (
    <figure className="chart-figure" data-testid={id}>
      <svg className="chart" viewBox={`0 0 ${W} ${H}`} role="img" aria-labelledby={`${id}-t ${id}-d`}>
        <title id={`${id}-t`}>{title}</title>
        <desc id={`${id}-d`}>{desc}</desc>
        <line x1={left} x2={W} y1={y(0)} y2={y(0)} stroke="currentColor" strokeOpacity={0.4} />
        <line x1={left} x2={W} y1={y(max)} y2={y(max)} stroke="currentColor" strokeOpacity={0.15} strokeDasharray="3 3" />
        <text x={left - 4} y={y(max) + 4} textAnchor="end" fontSize={11} fill="currentColor">{max}</text>
        <text x={left - 4} y={y(0) + 4} textAnchor="end" fontSize={11} fill="currentColor">0</text>
        {bars.map((b, i) => (
          <g key={b.key}>
            {b.value > 0 && (
              <rect className="chart-bar" data-value={b.value} x={left + i * step + (step - barW) / 2} y={y(b.value)} width={barW} height={y(0) - y(b.value)} rx={1.5}>
                <title>{`${b.label}: ${b.value} ${valueLabel}`}</title>
              </rect>
            )}
            {i % tickEvery === 0 && (
              <text x={left + i * step + step / 2} y={H - 6} textAnchor="middle" fontSize={11} fill="currentColor">{b.label}</text>
            )}
          </g>
        ))}
      </svg>
      <DataTable caption={title} head={["Day", valueLabel]} rows={bars.map((b) => [b.label, b.value])} />
    </figure>
  );
}

export function Heatmap({ rows, today }: { rows: DayCount[]; today: number }) {
  const layout = heatmapLayout(rows, today);
  const cell = 11, gap = 2, left = 26, top = 16;
  const W = left + layout.weeks * (cell + gap), H = top + 7 * (cell + gap);
  const total = layout.cells.reduce((n, c) => n + c.count, 0);
  const active = layout.cells.filter((c) => c.count > 0);
  return (
    <figure className="chart-figure" data-testid="heatmap">
      <svg className="chart heatmap" viewBox={`0 0 ${W} ${H}`} role="img" aria-labelledby="heatmap-t heatmap-d">
        <title id="heatmap-t">Reviews per day over the last 12 months</title>
        <desc id="heatmap-d">{`${total} reviews on ${active.length} days; busiest day ${layout.max} reviews. Darker squares mean more reviews.`}</desc>
        {layout.months.map((m) => (
          <text key={`${m.col}-${m.label}`} x={left + m.col * (cell + gap)} y={10} fontSize={10} fill="currentColor">{m.label}</text>
        ))}
        {["Mon", "Wed", "Fri"].map((d, i) => (
          <text key={d} x={0} y={top + (i * 2 + 1) * (cell + gap) - 3} fontSize={9} fill="currentColor">{d}</text>
        ))}
        {layout.cells.map((c) => (
          <rect key={c.day} className={`heat-${c.level}`} x={left + c.col * (cell + gap)} y={top + c.row * (cell + gap)} width={cell} height={cell} rx={2}>
            <title>{`${c.iso}: ${c.count} review${c.count === 1 ? "" : "s"}`}</title>
          </rect>
        ))}
      </svg>
      <DataTable caption="Days with reviews in the last 12 months" head={["Day", "Reviews"]} rows={active.map((c) => [c.iso, c.count])} empty="No reviews in the last 12 months." />
    </figure>
  );
}

export function DataTable({ caption, head, rows, empty = "No data." }: { caption: string; head: string[]; rows: (string | number)[][]; empty?: string }) {
  return (
    <details className="chart-data">
      <summary>Show the numbers</summary>
      {rows.length ? (
        <table>
          <caption className="sr-only">{caption}</caption>
          <thead>
            <tr>{head.map((h) => <th key={h} scope="col">{h}</th>)}</tr>
          </thead>
          <tbody>
            {rows.map((r, i) => (
              <tr key={i}>{r.map((v, j) => (j === 0 ? <th key={j} scope="row">{v}</th> : <td key={j}>{v}</td>))}</tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p>{empty}</p>
      )}
    </details>
  );
}

export const dayBar = (d: DayCount): Bar => ({ key: d.day, label: dayLabel(d.day), value: d.count });
