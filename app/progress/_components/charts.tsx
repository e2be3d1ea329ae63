import { heatmapLayout } from "@/lib/progress/heatmap";
import { dayLabel, type DayCount } from "@/lib/progress/series";
import { TapReadout } from "./tap-readout";
import { el, join } from "./svg-markup";

// Charts are SVG rendered on the server: no chart library and no client JavaScript, so they
// appear with the page, print, and work with scripts off. Colours come from currentColor and
// the CSS variables in globals.css, so they follow light and dark mode. Each chart is
// role="img" with a <title> and <desc>, and carries its numbers as a table in a <details>
// element as the text alternative. Each SVG is at least its viewBox wide (the chart scrolls
// sideways on a phone), so its 12-unit text is never drawn smaller than 12 px; tapping a
// bar or square shows its value (TapReadout). The SVG is built as markup text (svg-markup.ts), so
// that its hundreds of elements are not hydrated one by one.
const FONT = 12;
// "Tap" on a touch screen, "Click" with a mouse (globals.css shows one).
const TAP_HINT = (
  <>
    <span className="on-touch">Tap</span>
    <span className="on-pointer">Click</span> a bar to see its value.
  </>
);

type Bar = { key: string | number; label: string; value: number };

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
  const scale = (x: number, anchor: "end" | undefined, text: string | number, testid?: string) =>
    el("text", { x, y: y(text === 0 ? 0 : max) + 4, "text-anchor": anchor, "font-size": FONT, fill: "currentColor", "data-testid": testid }, String(text));
  const svg = el(
    "svg",
    { class: "chart", viewBox: `0 0 ${W} ${H}`, style: `min-width:${W}px`, role: "img", "aria-labelledby": `${id}-t ${id}-d` },
    el("title", { id: `${id}-t` }, title),
    el("desc", { id: `${id}-d` }, desc),
    el("line", { x1: left, x2: W - right, y1: y(0), y2: y(0), stroke: "currentColor", "stroke-opacity": 0.4 }),
    el("line", { x1: left, x2: W - right, y1: y(max), y2: y(max), stroke: "currentColor", "stroke-opacity": 0.15, "stroke-dasharray": "3 3" }),
    scale(left - 4, "end", max, `${id}-scale-start`),
    scale(left - 4, "end", 0),
    scale(W - right + 4, undefined, max, `${id}-scale-end`),
    scale(W - right + 4, undefined, 0),
    join(
      bars.map((b, i) => {
        const label = `${b.label}: ${b.value} ${valueLabel}`;
        return el(
          "g",
          {},
          el("rect", { class: "chart-hit", x: left + i * step, y: top, width: step, height: y(0) - top, fill: "transparent", "data-label": label }),
          b.value > 0 &&
            el(
              "rect",
              {
                class: "chart-bar",
                "data-value": b.value,
                "data-label": label,
                "pointer-events": "none",
                x: left + i * step + (step - barW) / 2,
                y: y(b.value),
                width: barW,
                height: y(0) - y(b.value),
                rx: 1.5,
              },
              el("title", {}, label),
            ),
          i % tickEvery === 0 &&
            el("text", { x: left + i * step + step / 2, y: H - 6, "text-anchor": "middle", "font-size": FONT, fill: "currentColor" }, b.label),
        );
      }),
    ),
  );
  return (
    <figure className="chart-figure" data-testid={id}>
      <TapReadout hint={TAP_HINT} label={title} from={from} markup={svg.html} />
      <DataTable caption={title} head={["Day", valueLabel]} rows={bars.map((b) => [b.label, b.value])} />
    </figure>
  );
}

export function Heatmap({ rows, today }: { rows: DayCount[]; today: number }) {
  const layout = heatmapLayout(rows, today);
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
  const weekday = (x: number, i: number, d: string) => el("text", { x, y: top + i * 2 * (cell + gap) + cell - 2, "font-size": FONT, fill: "currentColor" }, d);
  const svg = el(
    "svg",
    { class: "chart heatmap", viewBox: `0 0 ${W} ${H}`, style: `min-width:${W}px`, role: "img", "aria-labelledby": "heatmap-t heatmap-d" },
    el("title", { id: "heatmap-t" }, "Reviews per day over the last 12 months"),
    el("desc", { id: "heatmap-d" }, `${total} reviews on ${active.length} days; busiest day ${layout.max} reviews. Darker squares mean more reviews.`),
    join(layout.months.map((m) => el("text", { x: left + m.col * (cell + gap), y: 12, "font-size": FONT, fill: "currentColor" }, m.label))),
    join(["Mon", "Wed", "Fri"].map((d, i) => el("g", { class: "heatmap-weekday" }, weekday(0, i, d), weekday(W - right + 6, i, d)))),
    join(
      layout.cells.map((c) => {
        const label = `${c.iso}: ${c.count} review${c.count === 1 ? "" : "s"}`;
        return el(
          "rect",
          { class: `heat-${c.level}`, x: left + c.col * (cell + gap), y: top + c.row * (cell + gap), width: cell, height: cell, rx: 2, "data-label": label },
          el("title", {}, label),
        );
      }),
    ),
  );
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
        markup={svg.html}
      />
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

export const dayBar = (d: DayCount): Bar => ({ key: d.day, label: dayLabel(d.day), value: d.count });
