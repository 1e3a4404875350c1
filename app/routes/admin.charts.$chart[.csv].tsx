import type { LoaderFunctionArgs } from "react-router";
import { requireRole } from "~/routes/helpers/session.server";
import { isChartId } from "~/modules/admin";
import { chartCsv } from "~/modules/admin/index.server";
import { readPeriod } from "~/modules/journey/index.server";
import { notFound } from "~/utils/http.server";

// A resource route: one dashboard chart's table, for the same period, as a file for a spreadsheet.
export function loader({ request, params }: LoaderFunctionArgs) {
  requireRole(request, "organiser");
  const chart = params.chart ?? "";
  if (!isChartId(chart)) notFound();
  const read = readPeriod(new URL(request.url).searchParams);
  if (!read.ok) {
    return new Response(`${read.message}\n`, { status: read.status, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  }
  const { csv, fileName } = chartCsv(chart, read.period);
  return new Response(csv, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${fileName}"`,
      "Cache-Control": "no-store",
    },
  });
}
