import { TableRegion } from "~/components/table-region";
import type { ChartData } from "~/modules/admin";
import { BarChart } from "./bar-chart";

function Legend({ names, firstColour = 0 }: { names: string[]; firstColour?: number }) {
  if (names.length < 2) return null;
  return (
    <ul className="chart-legend" aria-label="Key">
      {names.map((name, i) => (
        <li key={name}>
          <span className={`chart-swatch chart-series-${(firstColour + i) % 6}`} aria-hidden="true" />
          {name}
        </li>
      ))}
    </ul>
  );
}

const cell = (value: string | number) => (typeof value === "number" ? value.toLocaleString("en-GB") : value);

/** A chart with its summary in words, its numbers as a table, and a link to them as CSV. */
export function ChartFigure({ chart, csvHref }: { chart: ChartData; csvHref: string }) {
  const headingId = `chart-${chart.id}`;
  const drawFrom = chart.drawLast && chart.categories.length > chart.drawLast ? chart.categories.length - chart.drawLast : 0;
  const categories = chart.categories.slice(drawFrom);
  const series = chart.series.map((s) => ({ ...s, values: s.values.slice(drawFrom) }));
  // A long table (an event per row for a year) is cut like the chart; the CSV keeps every row.
  const rows = drawFrom > 0 ? chart.table.rows.slice(drawFrom) : chart.table.rows;
  const hasData = series.some((s) => s.values.some((v) => v !== 0));
  return (
    <section className="chart" aria-labelledby={headingId}>
      <h3 id={headingId}>{chart.title}</h3>
      <p id={`${headingId}-summary`}>{chart.summary}</p>
      {hasData && chart.kind === "panels" ? (
        <div className="chart-panels">
          {series.map((s, i) => (
            <div key={s.name}>
              <h4>{s.name}</h4>
              <BarChart title={`${chart.title}: ${s.name}`} descriptionId={`${headingId}-summary`} categories={categories} series={[s]} firstColour={i} />
            </div>
          ))}
        </div>
      ) : hasData ? (
        <>
          <BarChart title={chart.title} descriptionId={`${headingId}-summary`} categories={categories} series={series} stacked={chart.kind === "stacked"} />
          <Legend names={series.map((s) => s.name)} />
        </>
      ) : null}
      {drawFrom > 0 ? (
        <p className="muted">
          The chart and the table show the last {chart.drawLast} of {chart.categories.length.toLocaleString("en-GB")}; the CSV has them all.
        </p>
      ) : null}
      {rows.length ? (
        <TableRegion label={`${chart.title}: the numbers`}>
          <table className="chart-table">
            <caption className="visually-hidden">{chart.title}</caption>
            <thead>
              <tr>
                {chart.table.columns.map((column, i) => (
                  <th key={column} scope="col" className={typeof rows[0]?.[i] === "number" ? "chart-number" : undefined}>
                    {column}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((row, r) => (
                <tr key={r}>
                  {row.map((value, i) =>
                    i === 0 ? (
                      <th key={i} scope="row">
                        {cell(value)}
                      </th>
                    ) : (
                      <td key={i} className={typeof value === "number" ? "chart-number" : undefined}>
                        {cell(value)}
                      </td>
                    ),
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </TableRegion>
      ) : null}
      <p>
        <a href={csvHref} download>
          Download “{chart.title}” as CSV
        </a>
      </p>
    </section>
  );
}
