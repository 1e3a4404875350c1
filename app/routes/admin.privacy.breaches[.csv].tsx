import type { LoaderFunctionArgs } from "react-router";
import { requireRecentSecondFactor, requireRole } from "~/routes/helpers/session.server";
import { breachesCsv } from "~/modules/privacy/index.server";

// A resource route: the breach log as a file for a spreadsheet (the download is audited).
export function loader({ request }: LoaderFunctionArgs) {
  const organiser = requireRole(request, "organiser");
  requireRecentSecondFactor(request, organiser);
  const { csv, fileName } = breachesCsv(organiser.id);
  return new Response(csv, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${fileName}"`,
      "Cache-Control": "no-store",
    },
  });
}
