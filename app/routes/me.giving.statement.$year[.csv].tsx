import type { LoaderFunctionArgs } from "react-router";
import { notFound } from "~/utils/http.server";
import { requireUser } from "~/routes/helpers/session.server";
import { parseStatementYear, statementCsv, yearStatement } from "~/modules/sponsorship/index.server";
import { getOrganisation } from "~/modules/organisation/index.server";

// A resource route: the year's statement as a file for a spreadsheet.
export function loader({ request, params }: LoaderFunctionArgs) {
  const user = requireUser(request);
  const year = parseStatementYear(params.year);
  if (year === null) notFound("There is no statement for that year.");
  const { timeZone } = getOrganisation();
  const csv = statementCsv(yearStatement(user, year, timeZone), timeZone);
  return new Response(csv, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="giving-statement-${year}.csv"`,
      "Cache-Control": "no-store",
    },
  });
}
