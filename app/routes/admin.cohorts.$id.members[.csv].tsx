import type { LoaderFunctionArgs } from "react-router";
import { requireRecentSecondFactor, requireRole } from "~/routes/helpers/session.server";
import { cohortOr404 } from "~/routes/helpers/cohort.server";
import { membersExport } from "~/modules/cohorts/index.server";

// A resource route: the cohort's members and their progress, to open in a spreadsheet.
export function loader({ request, params }: LoaderFunctionArgs) {
  const organiser = requireRole(request, "organiser");
  requireRecentSecondFactor(request, organiser);
  const found = cohortOr404(params.id);
  const csv = membersExport({ cohort: found.cohort, actorId: organiser.id });
  const slug = found.cohort.name.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "") || "cohort";
  return new Response(csv, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${slug}-members.csv"`,
      // Personal data: never kept by a shared cache or the browser's back button.
      "Cache-Control": "no-store",
    },
  });
}
