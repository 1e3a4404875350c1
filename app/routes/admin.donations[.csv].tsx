import type { LoaderFunctionArgs } from "react-router";
import { requireRecentSecondFactor, requireRole } from "~/routes/helpers/session.server";
import { donationsCsv, donationsFileName, donationsForExport, readDonationFilters } from "~/modules/sponsorship/index.server";
import { getOrganisation } from "~/modules/organisation/index.server";

// A resource route: the donations table, with the same filters, as a file for a spreadsheet.
export function loader({ request }: LoaderFunctionArgs) {
  const organiser = requireRole(request, "organiser");
  requireRecentSecondFactor(request, organiser);
  const filters = readDonationFilters(new URL(request.url).searchParams);
  const { timeZone } = getOrganisation();
  const csv = donationsCsv(donationsForExport({ filters, timeZone, actorId: organiser.id }), timeZone);
  return new Response(csv, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${donationsFileName(filters.month)}"`,
      // Donors' personal data: never kept by a shared cache or the browser's back button.
      "Cache-Control": "no-store",
    },
  });
}
