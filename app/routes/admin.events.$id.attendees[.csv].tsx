import type { LoaderFunctionArgs } from "react-router";
import { requireOrganiserEvent } from "~/routes/helpers/organiser-event.server";
import { requireRecentSecondFactor } from "~/routes/helpers/session.server";
import { registrationsWithAnswers, attendeesCsv, attendeesFileName, eventQuestionsOf } from "~/modules/events/index.server";
import { getOrganisation } from "~/modules/organisation/index.server";

// A resource route: the attendee list as a file to open in a spreadsheet.
export function loader({ request, params }: LoaderFunctionArgs) {
  const { event, organiser } = requireOrganiserEvent(request, params.id);
  requireRecentSecondFactor(request, organiser);
  const csv = attendeesCsv({
    questions: eventQuestionsOf(event.id),
    people: registrationsWithAnswers(event.id),
    timeZone: getOrganisation().timeZone,
  });
  return new Response(csv, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${attendeesFileName(event.slug)}"`,
      // Personal data: never kept by a shared cache or the browser's back button.
      "Cache-Control": "no-store",
    },
  });
}
