import { TableRegion } from "~/components/table-region";
import { STAGE_LABELS, type Stage } from "~/modules/journey";
import { BarChart } from "./bar-chart";

type FunnelStage = { stage: Stage; count: number; ofPrevious: number | null; ofFirst: number | null };
type StageGap = { from: Stage; to: Stage; medianDays: number | null; people: number };

const percent = (value: number | null) => (value === null ? "–" : `${value.toLocaleString("en-GB")}%`);
const count = (n: number) => n.toLocaleString("en-GB");

/** The funnel as a chart, a table of counts and rates, and the days between stages. */
export function FunnelView({ stages, gaps, periodLabel }: { stages: FunnelStage[]; gaps: StageGap[]; periodLabel: string }) {
  const first = stages[0]!;
  const last = stages[stages.length - 1]!;
  const summary = `${periodLabel}: ${count(first.count)} registered for events and ${count(last.count)} reported being in work or study.`;
  return (
    <>
      <section className="chart" aria-labelledby="funnel-heading">
        <h2 id="funnel-heading">The funnel</h2>
        <p id="funnel-summary">{summary}</p>
        <BarChart
          title="People at each stage"
          descriptionId="funnel-summary"
          categories={stages.map((s) => STAGE_LABELS[s.stage])}
          series={[{ name: "People", values: stages.map((s) => s.count) }]}
        />
        <TableRegion label="The funnel: the numbers">
          <table className="chart-table funnel-table">
            <caption className="visually-hidden">People at each stage, and the share of the stage before and of the first</caption>
            <thead>
              <tr>
                <th scope="col">Stage</th>
                <th scope="col" className="chart-number">People</th>
                <th scope="col" className="chart-number">Of the stage before</th>
                <th scope="col" className="chart-number">Of those registered</th>
              </tr>
            </thead>
            <tbody>
              {stages.map((s) => (
                <tr key={s.stage}>
                  <th scope="row">{STAGE_LABELS[s.stage]}</th>
                  <td className="chart-number">{count(s.count)}</td>
                  <td className="chart-number">{percent(s.ofPrevious)}</td>
                  <td className="chart-number">{percent(s.ofFirst)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableRegion>
      </section>
      <section aria-labelledby="gaps-heading">
        <h2 id="gaps-heading">Days between stages</h2>
        <p>The median number of days from one stage to the next, among the people who reached both in this period, in that order.</p>
        <TableRegion label="Days between stages">
          <table className="chart-table">
            <thead>
              <tr>
                <th scope="col">From</th>
                <th scope="col">To</th>
                <th scope="col" className="chart-number">Median days</th>
                <th scope="col" className="chart-number">People</th>
              </tr>
            </thead>
            <tbody>
              {gaps.map((gap) => (
                <tr key={gap.from}>
                  <th scope="row">{STAGE_LABELS[gap.from]}</th>
                  <td>{STAGE_LABELS[gap.to]}</td>
                  <td className="chart-number">{gap.medianDays === null ? "–" : gap.medianDays.toLocaleString("en-GB")}</td>
                  <td className="chart-number">{count(gap.people)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableRegion>
      </section>
    </>
  );
}

/** Cohorts side by side: the people at each stage, and the share of those registered. */
export function CohortComparison({ columns }: { columns: { name: string; stages: FunnelStage[] }[] }) {
  return (
    <section aria-labelledby="compare-heading">
      <h2 id="compare-heading">Cohorts side by side</h2>
      <p>Each column counts only that cohort's members, in the same period.</p>
      <TableRegion label="Cohorts side by side">
        <table className="chart-table funnel-table">
          <thead>
            <tr>
              <th scope="col">Stage</th>
              {columns.map((column) => (
                <th key={column.name} scope="col" className="chart-number">
                  {column.name}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {columns[0]!.stages.map((row, i) => (
              <tr key={row.stage}>
                <th scope="row">{STAGE_LABELS[row.stage]}</th>
                {columns.map((column) => {
                  const stage = column.stages[i]!;
                  return (
                    <td key={column.name} className="chart-number">
                      {count(stage.count)}
                      {stage.ofFirst === null ? "" : ` (${percent(stage.ofFirst)})`}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </TableRegion>
    </section>
  );
}
