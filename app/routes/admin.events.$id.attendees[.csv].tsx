import type { LoaderFunctionArgs } from "react-router";
import { requireOrganiserEvent } from "~/routes/helpers/organiser-event.server";
import { requireRecentSecondFactor } from "~/routes/helpers/session.server";
import { attendeesExport, attendeesFileName } from "~/modules/events/index.server";

// A resource route: the attendee list as a file to open in a spreadsheet.
export function loader({ request, params }: LoaderFunctionArgs) {
  const { event, organiser } = requireOrganiserEvent(request, params.id);
  requireRecentSecondFactor(request, organiser);
  const csv = attendeesExport({ eventId: event.id, actorId: organiser.id });
  return new Response(csv, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${attendeesFileName(event.slug)}"`,
      // Personal data: never kept by a shared cache or the browser's back button.
      "Cache-Control": "no-store",
    },
  });
}
