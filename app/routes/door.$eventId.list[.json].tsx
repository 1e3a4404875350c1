import type { LoaderFunctionArgs } from "react-router";
import { doorListForDevice } from "~/modules/events/index.server";
import { requireDoorEvent } from "~/routes/helpers/door-event.server";
import { notFound } from "~/utils/http.server";

// The door list a volunteer's phone keeps for working offline (ADR 0036). Never stored by caches:
// the phone keeps it in its own database, and only for the door team.
export function loader({ request, params }: LoaderFunctionArgs) {
  const { event } = requireDoorEvent(request, params.eventId);
  const list = doorListForDevice(event.id);
  if (!list) notFound();
  return Response.json(list, { headers: { "Cache-Control": "no-store" } });
}
