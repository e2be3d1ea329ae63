import type { WorkloadPoint } from "@/lib/srs/workload";

// A line over desired retention (0.70 to 0.97), server-rendered SVG like the /progress charts:
// 360 units wide, drawn at the width of the page (a 390 px phone leaves 358 px) so that it
// never scrolls, and its 12-unit text stays readable,
// with the optimum and the current setting marked. The numbers are in the table beside it.
const FONT = 12;

export function RetentionChart({
  id,
  title,
  desc,
  points,
  value,
  unit,
  best,
  current,
}: {
  id: string;
  title: string;
  desc: string;
  points: WorkloadPoint[];
  value: (p: WorkloadPoint) => number;
  unit: string;
  best: number | null;
  current: number;
}) {
  const W = 360,
    H = 200,
    left = 44,
    right = 10,
    top = 14,
    bottom = 30;
  const vals = points.map(value);
  const max = Math.max(...vals.filter(Number.isFinite), 0) * 1.1 || 1;
  const x = (r: number) => left + ((r - 0.7) / 0.27) * (W - left - right);
  const y = (v: number) => top + (H - top - bottom) * (1 - v / max);
  const path = points
    .filter((p) => Number.isFinite(value(p)))
    .map((p, i) => `${i ? "L" : "M"}${x(p.retention).toFixed(1)},${y(value(p)).toFixed(1)}`)
    .join(" ");
  const fmt = (v: number) => (max < 10 ? v.toFixed(1) : String(Math.round(v)));
  return (
    <figure className="chart-figure" data-testid={id}>
      <svg className="chart" viewBox={`0 0 ${W} ${H}`} role="img" aria-labelledby={`${id}-t ${id}-d`}>
        <title id={`${id}-t`}>{title}</title>
        <desc id={`${id}-d`}>{desc}</desc>
        <line x1={left} x2={W - right} y1={y(0)} y2={y(0)} stroke="currentColor" strokeOpacity={0.4} />
        <text x={left - 4} y={y(0) + 4} textAnchor="end" fontSize={FONT} fill="currentColor">
          0
        </text>
        <text x={left - 4} y={y(max / 1.1) + 4} textAnchor="end" fontSize={FONT} fill="currentColor">
          {fmt(max / 1.1)}
        </text>
        <line x1={left} x2={W - right} y1={y(max / 1.1)} y2={y(max / 1.1)} stroke="currentColor" strokeOpacity={0.15} strokeDasharray="3 3" />
        {[0.7, 0.8, 0.9, 0.97].map((r) => (
          <text key={r} x={x(r)} y={H - 10} textAnchor="middle" fontSize={FONT} fill="currentColor">
            {Math.round(r * 100)}%
          </text>
        ))}
        {best != null && <line x1={x(best)} x2={x(best)} y1={top} y2={y(0)} stroke="currentColor" strokeDasharray="4 3" strokeOpacity={0.7} />}
        <line x1={x(current)} x2={x(current)} y1={top} y2={y(0)} stroke="currentColor" strokeOpacity={0.35} />
        <path d={path} fill="none" stroke="currentColor" strokeWidth={2} />
        {best != null && (
          <text x={Math.min(x(best) + 4, W - right - 70)} y={top + 10} fontSize={FONT} fill="currentColor">
            suggested
          </text>
        )}
      </svg>
      <figcaption className="muted">
        {title} ({unit}). Dashed line: the suggestion; thin line: your setting.
      </figcaption>
    </figure>
  );
}
