import { whileUnchanged } from "~/utils/data-version.server";
import { toCsv } from "~/utils/csv.server";
import type { Period } from "~/modules/journey/index.server";
import type { ChartData, ChartId } from "../charts";
import { mentoringChart, noShowChart, registrationsChart } from "./activity-charts.server";
import { givingChart, goalsChart } from "./giving-charts.server";
import { completionChart, journeyChart, outcomesChart } from "./progress-charts.server";

const CHARTS: Record<ChartId, (period: Period) => ChartData> = {
  journey: journeyChart,
  registrations: registrationsChart,
  "no-shows": noShowChart,
  completion: completionChart,
  mentoring: mentoringChart,
  giving: givingChart,
  goals: goalsChart,
  outcomes: outcomesChart,
};

/** Every chart of the organisers' dashboard for the period, in the order the page shows them. */
export function dashboardCharts(period: Period): ChartData[] {
  return whileUnchanged(`dashboard-charts:${JSON.stringify(period)}`, () => Object.values(CHARTS).map((chart) => chart(period)));
}

/** One chart's table as a spreadsheet file. */
export function chartCsv(id: ChartId, period: Period): { csv: string; fileName: string } {
  const chart = CHARTS[id](period);
  const csv = toCsv([chart.table.columns, ...chart.table.rows.map((row) => row.map(String))]);
  return { csv, fileName: `${id}-${period.firstDay}-to-${period.lastDay}.csv` };
}
