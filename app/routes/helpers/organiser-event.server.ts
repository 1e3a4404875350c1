import { notFound } from "~/utils/http.server";
import { requireRole } from "~/routes/helpers/session.server";
import { getEventById } from "~/modules/events/index.server";

export const NO_EVENT = "There is no event with that id.";

/** For the organisers' pages of one event: checks the role, then finds the event or answers 404. */
export function requireOrganiserEvent(request: Request, eventId: string | undefined) {
  const organiser = requireRole(request, "organiser");
  const event = getEventById(eventId ?? "");
  if (!event) notFound(NO_EVENT);
  return { organiser, event };
}
