// The dashboard's charts as data: what each draws, says in words and lists as a table (and CSV).

export const CHART_IDS = ["journey", "registrations", "no-shows", "completion", "mentoring", "giving", "goals", "outcomes"] as const;
export type ChartId = (typeof CHART_IDS)[number];

export function isChartId(value: string): value is ChartId {
  return (CHART_IDS as readonly string[]).includes(value);
}

/**
 * bars: one bar per series side by side for each category; stacked: the series on top of each
 * other; panels: one small chart per series, each on its own scale (amounts in different currencies).
 */
export type ChartKind = "bars" | "stacked" | "panels";

export type ChartSeries = { name: string; values: number[] };

export type ChartData = {
  id: ChartId;
  title: string;
  /** What the chart shows, in a sentence or two: read by screen readers and seen by everyone. */
  summary: string;
  kind: ChartKind;
  categories: string[];
  series: ChartSeries[];
  /** What the numbers count ("people", "percent", "sessions"). */
  unit: string;
  /** Only the last this many categories are drawn (the table has them all). */
  drawLast?: number;
  table: { columns: string[]; rows: (string | number)[][] };
};
