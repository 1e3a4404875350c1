import type { LoaderFunctionArgs } from "react-router";
import { requireRole } from "~/routes/helpers/session.server";
import { compareCohorts, funnel, funnelTable, readFunnelFilters } from "~/modules/journey/index.server";
import { toCsv } from "~/utils/csv.server";

// A resource route: the funnel page's tables, with the same period and filters, as a file for a spreadsheet.
export function loader({ request }: LoaderFunctionArgs) {
  requireRole(request, "organiser");
  const { period, filters, scope, errors, options } = readFunnelFilters(new URL(request.url).searchParams);
  if (!scope || !period.ok) {
    const message = Object.values(errors).flat()[0] ?? "Check the period and filters.";
    return new Response(`${message}\n`, { status: 400, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  }
  const names = new Map(options.cohorts.map((c) => [c.id, c.name]));
  const comparison = compareCohorts(scope, filters.compare).map((c) => ({ name: names.get(c.cohortId)!, stages: c.stages }));
  const csv = toCsv(funnelTable(funnel(scope), comparison));
  return new Response(csv, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="journey-${period.period.firstDay}-to-${period.period.lastDay}.csv"`,
      "Cache-Control": "no-store",
    },
  });
}
