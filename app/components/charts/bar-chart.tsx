import { useId } from "react";
import type { ChartSeries } from "~/modules/admin";
import { clip, shortNumber, ticksFor } from "./scale";

const WIDTH = 640;
const HEIGHT = 300;
const MARGIN = { top: 12, right: 8, bottom: 72, left: 48 };

/**
 * Vertical bars drawn on the server: side by side per category, or stacked. The SVG is one image
 * named by its title and described by the summary beside it; the numbers are in the table below it.
 */
export function BarChart({
  title,
  descriptionId,
  categories,
  series,
  stacked = false,
  firstColour = 0,
}: {
  title: string;
  /** The id of the visible sentence that says what the chart shows. */
  descriptionId: string;
  categories: string[];
  series: ChartSeries[];
  stacked?: boolean;
  firstColour?: number;
}) {
  const id = useId();
  const plotWidth = WIDTH - MARGIN.left - MARGIN.right;
  const plotHeight = HEIGHT - MARGIN.top - MARGIN.bottom;
  const totals = categories.map((_, i) => series.reduce((sum, s) => sum + (s.values[i] ?? 0), 0));
  const max = stacked ? Math.max(0, ...totals) : Math.max(0, ...series.flatMap((s) => s.values));
  const ticks = ticksFor(max);
  const top = ticks[ticks.length - 1]!;
  const y = (value: number) => MARGIN.top + plotHeight - (value / top) * plotHeight;
  const band = plotWidth / Math.max(1, categories.length);
  const groupWidth = band * 0.8;
  const barWidth = stacked ? groupWidth : groupWidth / Math.max(1, series.length);
  const rotate = categories.length > 6;
  return (
    <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-labelledby={`${id}-title`} aria-describedby={descriptionId} focusable="false">
      <title id={`${id}-title`}>{title}</title>
      <g className="chart-grid" aria-hidden="true">
        {ticks.map((tick) => (
          <g key={tick}>
            <line x1={MARGIN.left} x2={WIDTH - MARGIN.right} y1={y(tick)} y2={y(tick)} />
            <text className="chart-label" x={MARGIN.left - 6} y={y(tick) + 4} textAnchor="end">
              {shortNumber(tick)}
            </text>
          </g>
        ))}
      </g>
      <g aria-hidden="true">
        {categories.map((category, i) => {
          const x0 = MARGIN.left + band * i + (band - groupWidth) / 2;
          let base = 0;
          return (
            <g key={`${category}-${i}`}>
              {series.map((s, j) => {
                const value = s.values[i] ?? 0;
                const from = stacked ? base : 0;
                base += value;
                const x = stacked ? x0 : x0 + barWidth * j;
                const height = y(from) - y(from + value);
                return <rect key={s.name} className={`chart-series-${(firstColour + j) % 6}`} x={x} y={y(from + value)} width={Math.max(1, barWidth - 1)} height={Math.max(0, height)} />;
              })}
              <text
                className="chart-label"
                x={x0 + groupWidth / 2}
                y={HEIGHT - MARGIN.bottom + 16}
                textAnchor={rotate ? "end" : "middle"}
                transform={rotate ? `rotate(-40 ${x0 + groupWidth / 2} ${HEIGHT - MARGIN.bottom + 16})` : undefined}
              >
                {clip(category)}
              </text>
            </g>
          );
        })}
      </g>
      <g className="chart-axis" aria-hidden="true">
        <line x1={MARGIN.left} x2={WIDTH - MARGIN.right} y1={y(0)} y2={y(0)} />
      </g>
    </svg>
  );
}
