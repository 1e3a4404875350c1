import type { LoaderFunctionArgs } from "react-router";
import { requireRecentSecondFactor, requireRole } from "~/routes/helpers/session.server";
import { requestsCsv } from "~/modules/privacy/index.server";

// A resource route: every data-subject request as a file for a spreadsheet (the download is audited).
export function loader({ request }: LoaderFunctionArgs) {
  const organiser = requireRole(request, "organiser");
  requireRecentSecondFactor(request, organiser);
  const { csv, fileName } = requestsCsv(organiser.id);
  return new Response(csv, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${fileName}"`,
      "Cache-Control": "no-store",
    },
  });
}
