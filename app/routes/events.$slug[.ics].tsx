import type { LoaderFunctionArgs } from "react-router";
import { notFound } from "~/utils/http.server";
import { getUser } from "~/routes/helpers/session.server";
import { hasRole } from "~/modules/auth/index.server";
import { CALENDAR_CONTENT_TYPE, eventIcs, publicEventBySlug } from "~/modules/events/index.server";

// One event as a calendar file ("Add to my calendar"). The joining link stays on the ticket.
export function loader({ request, params }: LoaderFunctionArgs) {
  const event = publicEventBySlug(params.slug ?? "", { includeDrafts: hasRole(getUser(request), "organiser") });
  if (!event) notFound("We could not find that event.");
  return new Response(eventIcs(event), {
    headers: {
      "Content-Type": CALENDAR_CONTENT_TYPE,
      "Content-Disposition": `attachment; filename="${event.slug}.ics"`,
      "Cache-Control": "public, max-age=300",
    },
  });
}
