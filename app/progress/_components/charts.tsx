"use client";
import { heatmapLayout, type HeatmapCounts } from "@/lib/progress/heatmap";
import { TapReadout } from "./tap-readout";

// Charts are SVG with no chart library, rendered into the page's HTML by the server, so they
// appear with the page, print, and work with scripts off. They are client components so that
// the page's RSC payload carries their few numbers (a heatmap is one count per day), not
// hundreds of SVG elements, which the HTML already holds. Colours come from currentColor and
// the CSS variables in globals.css, so they follow light and dark mode. Each chart is
// role="img" with a <title> and <desc>, and carries its numbers as a table in a <details>
// element as the text alternative. Each SVG is at least its viewBox wide (the chart scrolls
// sideways on a phone), so its 12-unit text is never drawn smaller than 12 px; tapping a
// bar or square shows its value (TapReadout).
const FONT = 12;
// "Tap" on a touch screen, "Click" with a mouse (globals.css shows one).
const TAP_HINT = (
  <>
    <span className="on-touch">Tap</span>
    <span className="on-pointer">Click</span> a bar to see its value.
  </>
);

export type Bar = { key: string | number; label: string; value: number };

// The scale (the largest value and 0) is drawn at both ends, so that it is on screen at
// either end of a chart that scrolls sideways. `from`: the end a phone shows first.
export function BarChart({
  id,
  title,
  desc,
  bars,
  valueLabel,
  tickEvery = 7,
  from = "end",
}: {
  id: string;
  title: string;
  desc: string;
  bars: Bar[];
  valueLabel: string;
  tickEvery?: number;
  from?: "start" | "end";
}) {
  const W = 640,
    H = 190,
    left = 34,
    right = 30,
    bottom = 26,
    top = 12;
  const max = Math.max(1, ...bars.map((b) => b.value));
  const step = (W - left - right) / Math.max(1, bars.length);
  const barW = Math.max(2, step * 0.72);
  const y = (v: number) => top + (H - top - bottom) * (1 - v / max);
  return (
    <figure className="chart-figure" data-testid={id}>
      <TapReadout hint={TAP_HINT} label={title} from={from}>
        <svg className="chart" viewBox={`0 0 ${W} ${H}`} style={{ minWidth: W }} role="img" aria-labelledby={`${id}-t ${id}-d`}>
          <title id={`${id}-t`}>{title}</title>
          <desc id={`${id}-d`}>{desc}</desc>
          <line x1={left} x2={W - right} y1={y(0)} y2={y(0)} stroke="currentColor" strokeOpacity={0.4} />
          <line x1={left} x2={W - right} y1={y(max)} y2={y(max)} stroke="currentColor" strokeOpacity={0.15} strokeDasharray="3 3" />
          <text x={left - 4} y={y(max) + 4} textAnchor="end" fontSize={FONT} fill="currentColor" data-testid={`${id}-scale-start`}>
            {max}
          </text>
          <text x={left - 4} y={y(0) + 4} textAnchor="end" fontSize={FONT} fill="currentColor">
            0
          </text>
          <text x={W - right + 4} y={y(max) + 4} fontSize={FONT} fill="currentColor" data-testid={`${id}-scale-end`}>
            {max}
          </text>
          <text x={W - right + 4} y={y(0) + 4} fontSize={FONT} fill="currentColor">
            0
          </text>
          {bars.map((b, i) => (
            <g key={b.key}>
              <rect
                className="chart-hit"
                x={left + i * step}
                y={top}
                width={step}
                height={y(0) - top}
                fill="transparent"
                data-label={`${b.label}: ${b.value} ${valueLabel}`}
              />
              {b.value > 0 && (
                <rect
                  className="chart-bar"
                  data-value={b.value}
                  data-label={`${b.label}: ${b.value} ${valueLabel}`}
                  pointerEvents="none"
                  x={left + i * step + (step - barW) / 2}
                  y={y(b.value)}
                  width={barW}
                  height={y(0) - y(b.value)}
                  rx={1.5}
                >
                  <title>{`${b.label}: ${b.value} ${valueLabel}`}</title>
                </rect>
              )}
              {i % tickEvery === 0 && (
                <text x={left + i * step + step / 2} y={H - 6} textAnchor="middle" fontSize={FONT} fill="currentColor">
                  {b.label}
                </text>
              )}
            </g>
          ))}
        </svg>
      </TapReadout>
      <DataTable caption={title} head={["Day", valueLabel]} rows={bars.map((b) => [b.label, b.value])} />
    </figure>
  );
}

// `counts`: the reviews of each day of the calendar, its first day to today (heatmapCounts).
export function Heatmap({ counts }: { counts: HeatmapCounts }) {
  const layout = heatmapLayout(counts);
  // Weekday labels at both ends: a phone shows the right end (today) first.
  const cell = 12,
    gap = 2,
    left = 32,
    right = 32,
    top = 18;
  const W = left + layout.weeks * (cell + gap) + right,
    H = top + 7 * (cell + gap);
  const total = layout.cells.reduce((n, c) => n + c.count, 0);
  const active = layout.cells.filter((c) => c.count > 0);
  return (
    <figure className="chart-figure" data-testid="heatmap">
      <TapReadout
        hint={
          <>
            <span className="on-touch">Tap</span>
            <span className="on-pointer">Click</span> a square to see that day&apos;s reviews.
          </>
        }
        label="Reviews per day over the last 12 months"
      >
        <svg className="chart heatmap" viewBox={`0 0 ${W} ${H}`} style={{ minWidth: W }} role="img" aria-labelledby="heatmap-t heatmap-d">
          <title id="heatmap-t">Reviews per day over the last 12 months</title>
          <desc id="heatmap-d">{`${total} reviews on ${active.length} days; busiest day ${layout.max} reviews. Darker squares mean more reviews.`}</desc>
          {layout.months.map((m) => (
            <text key={`${m.col}-${m.label}`} x={left + m.col * (cell + gap)} y={12} fontSize={FONT} fill="currentColor">
              {m.label}
            </text>
          ))}
          {["Mon", "Wed", "Fri"].map((d, i) => (
            <g key={d} className="heatmap-weekday">
              <text x={0} y={top + i * 2 * (cell + gap) + cell - 2} fontSize={FONT} fill="currentColor">
                {d}
              </text>
              <text x={W - right + 6} y={top + i * 2 * (cell + gap) + cell - 2} fontSize={FONT} fill="currentColor">
                {d}
              </text>
            </g>
          ))}
          {layout.cells.map((c) => (
            <rect
              key={c.day}
              className={`heat-${c.level}`}
              x={left + c.col * (cell + gap)}
              y={top + c.row * (cell + gap)}
              width={cell}
              height={cell}
              rx={2}
              data-label={`${c.iso}: ${c.count} review${c.count === 1 ? "" : "s"}`}
            >
              <title>{`${c.iso}: ${c.count} review${c.count === 1 ? "" : "s"}`}</title>
            </rect>
          ))}
        </svg>
      </TapReadout>
      <DataTable
        caption="Days with reviews in the last 12 months"
        head={["Day", "Reviews"]}
        rows={active.map((c) => [c.iso, c.count])}
        empty="No reviews in the last 12 months."
      />
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
            <tr>
              {head.map((h) => (
                <th key={h} scope="col">
                  {h}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((r, i) => (
              <tr key={i}>
                {r.map((v, j) =>
                  j === 0 ? (
                    <th key={j} scope="row">
                      {v}
                    </th>
                  ) : (
                    <td key={j}>{v}</td>
                  ),
                )}
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p>{empty}</p>
      )}
    </details>
  );
}
