import { hasRole, type SessionUser } from "~/modules/auth/index.server";
import { getEventById, mayCheckIn } from "~/modules/events/index.server";
import { forbidden, notFound } from "~/utils/http.server";
import { requireRole, requireUser } from "~/routes/helpers/session.server";
import { NO_EVENT } from "~/routes/helpers/organiser-event.server";

const DOOR_ONLY = "This page is for the door team and organisers only.";

/** Someone who checks people in: an organiser (with the console's second factor) or a door volunteer. */
export function requireDoorUser(request: Request): SessionUser {
  const user = requireUser(request);
  if (hasRole(user, "organiser")) return requireRole(request, "organiser");
  if (!hasRole(user, "door")) forbidden(DOOR_ONLY);
  return user;
}

/** For the door pages of one event: an organiser, or a volunteer on that event's door team. */
export function requireDoorEvent(request: Request, eventId: string | undefined) {
  const checker = requireDoorUser(request);
  const event = getEventById(eventId ?? "");
  if (!event) notFound(NO_EVENT);
  if (!mayCheckIn(checker, event.id)) forbidden("You are not on this event's door team. Ask an organiser to add you.");
  return { checker, event };
}
